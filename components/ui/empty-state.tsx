import type { ReactNode } from "react";

/** What a list says when it has nothing to show, and optionally what would fill it. */
export function EmptyState({ title, hint, children }: { title: ReactNode; hint?: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white/60 px-5 py-8 text-center">
      <p className="font-medium text-slate-700">{title}</p>
      {hint ? <p className="mt-1 text-sm text-slate-500">{hint}</p> : null}
      {children ? <div className="mt-3 text-sm">{children}</div> : null}
    </div>
  );
}
