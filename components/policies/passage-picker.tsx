"use client";

import { useRef, useState } from "react";

/** A picked passage; one kept from an earlier revision of the brief carries that revision's id. */
export type PickedPassage = { start: number; end: number; quote: string; revisionId?: string };

/**
 * Picks passages of the brief by selecting text. The brief's plain text is rendered as one text
 * node, so a selection's offsets inside it are offsets in the revision's plainText — the same
 * numbers the server checks the quote against.
 */
export function PassagePicker({
  text,
  defaultValue,
  labels,
}: {
  text: string;
  defaultValue: PickedPassage[];
  labels: { hint: string; add: string; remove: string; noSelection: string; briefText: string; legend: string };
}) {
  const [passages, setPassages] = useState(defaultValue);
  const [message, setMessage] = useState("");
  const container = useRef<HTMLDivElement>(null);

  function addSelection() {
    const selection = window.getSelection();
    const node = container.current?.firstChild;
    if (!selection || selection.rangeCount === 0 || !node) return setMessage(labels.noSelection);
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(node)) return setMessage(labels.noSelection);
    // A selection that runs past the brief's box is clamped to the part inside it.
    let s = range.startContainer === node ? range.startOffset : 0;
    let e = range.endContainer === node ? range.endOffset : text.length;
    // Trim surrounding whitespace: a passage is the words, not the line breaks around them.
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e <= s) return setMessage(labels.noSelection);
    setMessage("");
    setPassages((list) => (list.some((p) => p.start === s && p.end === e) ? list : [...list, { start: s, end: e, quote: text.slice(s, e) }]));
    selection.removeAllRanges();
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{labels.legend}</legend>
      <input type="hidden" name="passages" value={JSON.stringify(passages)} />
      <p className="text-xs text-slate-500">{labels.hint}</p>
      {passages.length ? (
        <ul className="space-y-1">
          {passages.map((p) => (
            <li key={`${p.start}-${p.end}`} className="flex items-start gap-2 rounded border border-slate-200 bg-slate-50 px-2 py-1 text-sm">
              <q lang="ko" className="flex-1">{p.quote}</q>
              <button
                type="button"
                onClick={() => setPassages((list) => list.filter((x) => x !== p))}
                className="shrink-0 text-xs text-red-700 underline"
              >
                {labels.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div
        ref={container}
        role="region"
        aria-label={labels.briefText}
        tabIndex={0}
        lang="ko"
        data-testid="brief-plain-text"
        className="max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white px-3 py-2 text-sm leading-6 whitespace-pre-wrap"
      >
        {text}
      </div>
      <div className="flex items-center gap-3">
        <button type="button" onClick={addSelection} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          {labels.add}
        </button>
        {message ? <span role="status" className="text-sm text-amber-800">{message}</span> : null}
      </div>
    </fieldset>
  );
}
