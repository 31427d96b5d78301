import type { ReactNode } from "react";

/** Read-only fields as a description list: label on the left (stacked on narrow screens). */
export function FieldList({ fields }: { fields: { label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {fields.map((field, i) => (
        <div key={i} className="grid gap-1 px-4 py-2.5 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4">
          <dt className="text-sm text-slate-500">{field.label}</dt>
          <dd className="text-sm text-slate-900">{field.value}</dd>
        </div>
      ))}
    </dl>
  );
}
