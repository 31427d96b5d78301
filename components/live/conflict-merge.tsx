"use client";

import { type RefObject, useEffect, useState } from "react";
import { fill, useMessages } from "@/components/i18n/messages-provider";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/vocab";
import { type FieldMerge, mergeFields } from "@/lib/merge/three-way";

type Values = Record<string, unknown> & { version?: number };
type ConflictDetails<V> = { current: V; changedBy: string | null; changedAt: string | null };
type FieldConflict = { field: string; kind: FieldMerge; started: unknown; mine: unknown; theirs: unknown; settled: boolean };
export type ConflictState = { changedBy: string | null; changedAt: string | null; fields: FieldConflict[] };

/** The refusal of a stale save, when it carries the record as saved now. */
function conflictDetails<V>(state: unknown): ConflictDetails<V> | null {
  const s = state as { ok?: boolean; code?: string; details?: { current?: V; changedBy?: string | null; changedAt?: string | null } } | null;
  if (!s || s.ok !== false || s.code !== "conflict" || !s.details?.current) return null;
  return { current: s.details.current, changedBy: s.details.changedBy ?? null, changedAt: s.details.changedAt ?? null };
}

/**
 * The values an edit form renders, merged with someone else's save when the server refuses a
 * stale one: what only they changed is taken in, what only I changed is kept, and where both
 * changed a field it stays mine and is listed to settle (keep mine, take theirs, or edit). The
 * form renders its fields under `key={generation}`, so a merge re-mounts them with the new values;
 * everything else typed meanwhile is read back from the form first (`read`), never lost.
 */
export function useConflictMerge<V extends Values>({
  state,
  initial,
  kinds,
  form,
  read,
}: {
  state: unknown;
  initial: V;
  kinds: Partial<Record<keyof V & string, FieldMerge>>;
  form: RefObject<HTMLFormElement | null>;
  read: (form: HTMLFormElement) => V;
}) {
  const [values, setValues] = useState(initial);
  const [base, setBase] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState<ConflictState | null>(null);

  useEffect(() => {
    const saved = state as { ok?: boolean; version?: unknown } | null;
    if (saved?.ok && typeof saved.version === "number" && form.current) {
      // Saved: what is in the form now is the new starting point, at the version the server gave.
      const now = { ...read(form.current), version: saved.version };
      // eslint-disable-next-line react-hooks/set-state-in-effect -- reacting to the action's result, read from the form's DOM
      setValues(now);
      setBase(now);
      setConflict(null);
      return;
    }
    const details = conflictDetails<V>(state);
    if (!details || !form.current) return;
    const mine = read(form.current);
    const theirs = details.current;
    const { merged, conflicts } = mergeFields(kinds, base, mine, theirs);
    setValues({ ...merged, version: theirs.version });
    setBase(theirs);
    setGeneration((g) => g + 1);
    setConflict({
      changedBy: details.changedBy,
      changedAt: details.changedAt,
      fields: conflicts.map((field) => ({ field, kind: kinds[field] ?? "value", started: base[field], mine: mine[field], theirs: theirs[field], settled: false })),
    });
    // Only a new refusal merges; `base` and the rest are read as they are at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const settle = (field: string, take: "mine" | "theirs") => {
    const entry = conflict?.fields.find((f) => f.field === field);
    if (!entry || !form.current) return;
    const now = read(form.current);
    setValues({ ...now, version: values.version, [field]: take === "theirs" ? entry.theirs : entry.mine });
    setGeneration((g) => g + 1);
    setConflict((c) => c && { ...c, fields: c.fields.map((f) => (f.field === field ? { ...f, settled: true } : f)) });
  };

  return { values, generation, conflict, settle };
}

/**
 * What a merged conflict looks like above the form's save button: who saved, that the rest is
 * merged, and per field both values (and where they started) with "keep mine" / "take theirs".
 */
export function ConflictPanel({
  conflict,
  labels,
  show,
  locale,
  onSettle,
}: {
  conflict: ConflictState;
  labels: Record<string, string>;
  show: (field: string, value: unknown) => string;
  locale: Locale;
  onSettle: (field: string, take: "mine" | "theirs") => void;
}) {
  const m = useMessages("live");
  const shown = (field: string, value: unknown) => show(field, value) || m.empty;
  return (
    <div role="alert" data-testid="conflict-panel" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">
        {conflict.changedBy
          ? fill(m.conflictTitle, { name: conflict.changedBy, time: conflict.changedAt ? formatDateTime(new Date(conflict.changedAt), locale) : "" })
          : m.conflictSomeone}
      </p>
      <p>{m.conflictMerged}</p>
      <p>{conflict.fields.length ? m.conflictFields : m.conflictNone}</p>
      {conflict.fields.length ? (
        <ul className="space-y-3">
          {conflict.fields.map((f) => (
            <li key={f.field} data-field={f.field} className="space-y-1 rounded border border-amber-200 bg-white p-3">
              <p className="font-medium text-slate-900">{labels[f.field] ?? f.field}</p>
              <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[8rem_minmax(0,1fr)]">
                <dt className="text-slate-500">{m.started}</dt>
                <dd className="break-words text-slate-600">{shown(f.field, f.started)}</dd>
                <dt className="text-slate-500">{m.mine}</dt>
                <dd className="break-words" data-value="mine">{shown(f.field, f.mine)}</dd>
                <dt className="text-slate-500">{m.theirs}</dt>
                <dd className="break-words" data-value="theirs">{shown(f.field, f.theirs)}</dd>
              </dl>
              {f.kind === "doc" ? <p className="text-xs text-amber-900">{m.docBoth}</p> : null}
              <div className="flex flex-wrap items-center gap-2 pt-1">
                {f.settled ? <span className="text-xs font-medium text-emerald-700">✓ {m.settled}</span> : null}
                <button type="button" onClick={() => onSettle(f.field, "mine")} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50">
                  {m.keepMine}
                </button>
                <button type="button" onClick={() => onSettle(f.field, "theirs")} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50">
                  {m.takeTheirs}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
