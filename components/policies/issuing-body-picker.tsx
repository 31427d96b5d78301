"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/form";
import type { IssuingBodyView } from "@/lib/policies/queries";

type NewBody = { nameZh: string; nameKo: string };

/** Known issuing bodies as checkboxes (Korean and Chinese names), plus new ones added by name. */
export function IssuingBodyPicker({
  bodies,
  selected,
  labels,
  errors,
  suggested = [],
}: {
  bodies: IssuingBodyView[];
  selected: string[];
  labels: { legend: string; pick: string; add: string; newZh: string; newKo: string; addButton: string; remove: string };
  errors?: string[];
  /** Issuer names read from a policy's page that match no known body: one click puts one in the "new" row. */
  suggested?: string[];
}) {
  const [added, setAdded] = useState<NewBody[]>([]);
  const [zh, setZh] = useState("");
  const [ko, setKo] = useState("");
  const add = () => {
    if (!zh.trim() || !ko.trim()) return;
    setAdded((list) => [...list, { nameZh: zh.trim(), nameKo: ko.trim() }]);
    setZh("");
    setKo("");
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{labels.legend}</legend>
      <input type="hidden" name="newIssuingBodies" value={JSON.stringify(added)} />
      <p className="text-xs text-slate-500">{labels.pick}</p>
      <ul className="grid max-h-48 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 sm:grid-cols-2">
        {bodies.map((b) => (
          <li key={b.id}>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="issuingBodyIds" value={b.id} defaultChecked={selected.includes(b.id)} className="mt-1" />
              <span>
                <span lang="ko">{b.nameKo}</span> <span lang="zh-CN" className="text-slate-500">{b.nameZh}</span>
                {b.abbreviation ? <span className="text-slate-500"> ({b.abbreviation})</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? <p className="text-sm text-red-700">{errors.join(" ")}</p> : null}
      {added.length ? (
        <ul className="space-y-1 text-sm">
          {added.map((b, i) => (
            <li key={`${b.nameZh}-${i}`} className="flex items-center gap-2">
              <span lang="ko">{b.nameKo}</span> <span lang="zh-CN" className="text-slate-500">{b.nameZh}</span>
              <button type="button" className="text-xs text-red-700 underline" onClick={() => setAdded((l) => l.filter((_, j) => j !== i))}>
                {labels.remove.replace("{name}", b.nameKo)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <span className="w-full text-xs font-medium text-slate-600">{labels.add}</span>
        {suggested.length ? (
          <span className="flex w-full flex-wrap gap-1">
            {suggested.map((name) => (
              <button key={name} type="button" lang="zh-CN" onClick={() => setZh(name)} className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs text-amber-900 hover:bg-amber-100">
                + {name}
              </button>
            ))}
          </span>
        ) : null}
        <label className="sr-only" htmlFor="new-body-zh">{labels.newZh}</label>
        <input id="new-body-zh" lang="zh-CN" value={zh} onChange={(e) => setZh(e.target.value)} placeholder={labels.newZh} className={`${inputClass} w-auto flex-1`} />
        <label className="sr-only" htmlFor="new-body-ko">{labels.newKo}</label>
        <input id="new-body-ko" lang="ko" value={ko} onChange={(e) => setKo(e.target.value)} placeholder={labels.newKo} className={`${inputClass} w-auto flex-1`} />
        <button type="button" onClick={add} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
          {labels.addButton}
        </button>
      </div>
    </fieldset>
  );
}
