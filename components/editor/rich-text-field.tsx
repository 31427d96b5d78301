"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import type { RichTextDoc } from "@/db/schema/brief";
import type { EditorLabels } from "@/lib/editor/labels";
import type { Mentionable } from "./tiptap-editor";

// Tiptap and ProseMirror are the heaviest client code we ship: loaded only where someone edits.
const TiptapEditor = dynamic(() => import("./tiptap-editor"), {
  ssr: false,
  loading: () => <div className="h-28 animate-pulse rounded-md border border-slate-300 bg-slate-50" aria-hidden />,
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
  /** Changes of this key reset the editor (e.g. after a successful submit). */
  resetKey?: string | number;
};

/** A rich-text form field: a Tiptap editor whose JSON is posted in a hidden input. */
export function RichTextField({ name, label, labels, defaultValue, mentionables = [], errors, hint, resetKey }: RichTextFieldProps) {
  const id = useId();
  const [json, setJson] = useState(defaultValue ? JSON.stringify(defaultValue) : "");
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-800">
        {label}
      </span>
      <TiptapEditor
        key={resetKey}
        labelledBy={`${id}-label`}
        describedBy={describedBy || undefined}
        invalid={Boolean(errors?.length)}
        initialContent={defaultValue ?? null}
        mentionables={mentionables}
        labels={labels}
        onChange={setJson}
      />
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
