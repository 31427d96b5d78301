import type { ReactNode } from "react";

/** A screen's title, its one-line purpose, and an optional plain note (e.g. what comes later). */
export function PageHeader({ title, intro, note, meta }: { title: ReactNode; intro?: ReactNode; note?: ReactNode; meta?: ReactNode }) {
  return (
    <header className="mb-6 space-y-1.5">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {meta ? <div className="text-sm text-slate-600">{meta}</div> : null}
      {intro ? <p className="text-slate-600">{intro}</p> : null}
      {note ? <p className="text-sm text-slate-500">{note}</p> : null}
    </header>
  );
}
