"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions/locale";
import type { Locale } from "@/lib/vocab";

type Props = {
  current: Locale;
  /** The group's accessible name ("언어" / "Language"). */
  label: string;
  options: { value: Locale; label: string }[];
  pendingLabel: string;
};

/** Two toggle buttons (한국어 / English); the pressed one is the interface language. */
export function LanguageSwitch({ current, label, options, pendingLabel }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (locale: Locale) => {
    if (locale === current || pending) return;
    startTransition(async () => {
      const result = await setLocaleAction(locale);
      if (result.ok) router.refresh();
    });
  };

  return (
    <div role="group" aria-label={label} aria-busy={pending || undefined} className="inline-flex items-center rounded-md border border-slate-300 bg-white p-0.5">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          aria-pressed={option.value === current}
          disabled={pending}
          onClick={() => choose(option.value)}
          className={
            "rounded px-2 py-0.5 text-xs font-medium disabled:opacity-60 " +
            (option.value === current ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100")
          }
        >
          {option.label}
        </button>
      ))}
      <span role="status" className="sr-only">
        {pending ? pendingLabel : ""}
      </span>
    </div>
  );
}
