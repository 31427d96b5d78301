"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";
import { DraftNotice, useDraft } from "@/components/live/drafts";
import type { RichTextDoc } from "@/db/schema/brief";
import type { EditorLabels } from "@/lib/editor/labels";
import type { Mentionable } from "./tiptap-editor";

// Tiptap and ProseMirror are the heaviest client code we ship: loaded only where someone edits.
const TiptapEditor = dynamic(() => import("./tiptap-editor"), {
  ssr: false,
  // data-editor-loading: browser tests wait for every editor to be mounted before checking a page.
  loading: () => <div data-editor-loading className="h-28 animate-pulse rounded-md border border-slate-300 bg-slate-50" aria-hidden />,
});

export type RichTextFieldProps = {
  /** The form field that carries the document as JSON. */
  name: string;
  label: string;
  labels: EditorLabels;
  defaultValue?: RichTextDoc | null;
  mentionables?: Mentionable[];
  errors?: string[];
  hint?: string;
  /** Changes of this key reset the editor (e.g. after a successful submit); a kept draft is then forgotten. */
  resetKey?: string | number;
  /** Keep unsent text as a local draft under this name (e.g. `comment:policy:<id>`), until sent or discarded. */
  draft?: string;
};

/** A rich-text form field: a Tiptap editor whose JSON is posted in a hidden input. */
export function RichTextField({ name, label, labels, defaultValue, mentionables = [], errors, hint, resetKey, draft }: RichTextFieldProps) {
  const id = useId();
  const [json, setJson] = useState(defaultValue ? JSON.stringify(defaultValue) : "");
  const { restored, save, clear } = useDraft(draft);
  // A restored draft replaces the starting content (the editor re-mounts with it); discarding it,
  // or a reset after sending, goes back to the default.
  const [content, setContent] = useState<{ doc: RichTextDoc | null; restored: boolean; generation: number }>({ doc: defaultValue ?? null, restored: false, generation: 0 });
  useEffect(() => {
    if (!restored) return;
    try {
      const doc = JSON.parse(restored) as RichTextDoc;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- showing the draft found in browser storage
      setContent((c) => ({ doc, restored: true, generation: c.generation + 1 }));
      setJson(restored);
    } catch {
      clear();
    }
  }, [restored, clear]);
  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (lastReset.current === resetKey) return;
    lastReset.current = resetKey;
    clear();
    setContent((c) => ({ doc: defaultValue ?? null, restored: false, generation: c.generation + 1 }));
    setJson(defaultValue ? JSON.stringify(defaultValue) : "");
  }, [resetKey, clear, defaultValue]);
  const onChange = (value: string) => {
    setJson(value);
    save(value);
  };
  const discard = () => {
    clear();
    setContent((c) => ({ doc: defaultValue ?? null, restored: false, generation: c.generation + 1 }));
    setJson(defaultValue ? JSON.stringify(defaultValue) : "");
  };
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-800">
        {label}
      </span>
      <TiptapEditor
        key={`${resetKey ?? ""}:${content.generation}`}
        labelledBy={`${id}-label`}
        describedBy={describedBy || undefined}
        invalid={Boolean(errors?.length)}
        initialContent={content.doc}
        mentionables={mentionables}
        labels={labels}
        onChange={onChange}
      />
      {content.restored ? <DraftNotice onDiscard={discard} /> : null}
      <input type="hidden" name={name} value={json} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
