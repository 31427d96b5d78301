"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Locale } from "@/lib/vocab";
import { FormAlert } from "@/components/ui/form";

/** Radio choice of interface language; saving re-renders the page in the new language. */
export function LanguageForm({
  action,
  current,
  options,
  legend,
  saved,
}: {
  action: (locale: Locale) => Promise<ActionResult<{ locale: Locale }>>;
  current: Locale;
  options: { value: Locale; label: string }[];
  legend: string;
  saved: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ locale: Locale }> | null>(null);

  return (
    <fieldset className="space-y-3" disabled={pending}>
      <legend className="text-sm text-slate-600">{legend}</legend>
      <div className="flex gap-3">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50"
          >
            <input
              type="radio"
              name="locale"
              value={option.value}
              checked={current === option.value}
              onChange={() =>
                startTransition(async () => {
                  setResult(await action(option.value));
                  router.refresh();
                })
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      {result && !result.ok ? <FormAlert tone="error">{result.formError}</FormAlert> : null}
      {result?.ok ? <FormAlert tone="success">{saved}</FormAlert> : null}
    </fieldset>
  );
}
