"use client";

import type { Editor, JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { useMemo } from "react";
import type { RichTextDoc } from "@/db/schema/brief";
import { createExtensions, isSafeLinkHref } from "@/lib/editor/extensions";
import type { EditorLabels } from "@/lib/editor/labels";

export type Mentionable = { id: string; label: string };

type Props = {
  initialContent: RichTextDoc | null;
  mentionables: Mentionable[];
  labels: EditorLabels;
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  onChange: (json: string) => void;
};

/**
 * The @-mention menu: a plain listbox under the caret, driven by the keyboard (↑ ↓ Enter Esc) or
 * the mouse. Text goes in through textContent only.
 */
function mentionMenu(labels: EditorLabels) {
  let root: HTMLDivElement | null = null;
  let props: SuggestionProps<Mentionable> | null = null;
  let selected = 0;

  const draw = () => {
    if (!root || !props) return;
    root.replaceChildren();
    if (props.items.length === 0) {
      const empty = document.createElement("div");
      empty.className = "px-3 py-1.5 text-sm text-slate-500";
      empty.textContent = labels.noMatches;
      root.append(empty);
    }
    props.items.forEach((item, index) => {
      const option = document.createElement("button");
      option.type = "button";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", String(index === selected));
      option.className = `block w-full px-3 py-1.5 text-left text-sm ${index === selected ? "bg-blue-50 text-blue-900" : "text-slate-800"}`;
      option.textContent = item.label;
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        props?.command({ id: item.id, label: item.label });
      });
      root!.append(option);
    });
    const rect = props.clientRect?.();
    if (rect) {
      root.style.left = `${rect.left + window.scrollX}px`;
      root.style.top = `${rect.bottom + window.scrollY + 4}px`;
    }
  };

  return {
    onStart(next: SuggestionProps<Mentionable>) {
      props = next;
      selected = 0;
      root = document.createElement("div");
      root.setAttribute("role", "listbox");
      root.className = "absolute z-50 min-w-40 overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg";
      document.body.append(root);
      draw();
    },
    onUpdate(next: SuggestionProps<Mentionable>) {
      props = next;
      selected = Math.min(selected, Math.max(0, next.items.length - 1));
      draw();
    },
    onKeyDown({ event }: SuggestionKeyDownProps) {
      if (!props) return false;
      const count = props.items.length;
      if (event.key === "ArrowDown" && count) selected = (selected + 1) % count;
      else if (event.key === "ArrowUp" && count) selected = (selected + count - 1) % count;
      else if (event.key === "Enter" && count) {
        const item = props.items[selected];
        props.command({ id: item.id, label: item.label });
        return true;
      } else if (event.key === "Escape") {
        root?.remove();
        root = null;
        return true;
      } else return false;
      draw();
      return true;
    },
    onExit() {
      root?.remove();
      root = null;
      props = null;
    },
  };
}

function ToolbarButton({ label, active, onClick, children }: { label: string; active: boolean; onClick: () => void; children: string }) {
  return (
    // The glyph ("B", "1." …) is a symbol, hidden from assistive technology; the button's name is the
    // spelled-out label in its text, so the name contains all the text it has (WCAG 2.5.3).
    <button
      type="button"
      title={label}
      aria-pressed={active}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700/40 ${active ? "bg-slate-200 text-slate-900" : "text-slate-700 hover:bg-slate-100"}`}
    >
      <span aria-hidden="true">{children}</span>
      <span className="sr-only">{label}</span>
    </button>
  );
}

function setLink(editor: Editor, labels: EditorLabels) {
  const previous = (editor.getAttributes("link").href as string | undefined) ?? "https://";
  const href = window.prompt(labels.linkPrompt, previous);
  if (href === null) return;
  if (href.trim() === "") {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  if (!isSafeLinkHref(href.trim())) {
    window.alert(labels.linkInvalid);
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
}

/** The Tiptap editor, built from the same extension list the server validates with. */
export default function TiptapEditor({ initialContent, mentionables, labels, labelledBy, describedBy, invalid, onChange }: Props) {
  const extensions = useMemo(
    () =>
      createExtensions({
        mention: {
          suggestion: {
            items: ({ query }: { query: string }) =>
              mentionables.filter((p) => p.label.toLowerCase().includes(query.toLowerCase())).slice(0, 8),
            render: () => mentionMenu(labels),
          },
        },
      }),
    // The editor reads its extensions once, when it is created.
    [labels, mentionables],
  );
  const editor = useEditor({
    extensions,
    content: (initialContent as JSONContent | null) ?? "",
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "prose-desk min-h-28 px-3 py-2 text-sm focus:outline-none",
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? "" : JSON.stringify(e.getJSON())),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });
  if (!editor) return <div data-editor-loading className="h-28 rounded-md border border-slate-300 bg-slate-50" aria-hidden />;
  return (
    <div className={`rounded-md border bg-white shadow-sm focus-within:ring-2 focus-within:ring-blue-700/30 ${invalid ? "border-red-600" : "border-slate-300"}`}>
      <div role="toolbar" aria-label={labels.toolbar} className="flex flex-wrap gap-1 border-b border-slate-200 px-2 py-1">
        <ToolbarButton label={labels.bold} active={state?.bold ?? false} onClick={() => editor.chain().focus().toggleBold().run()}>
          B
        </ToolbarButton>
        <ToolbarButton label={labels.italic} active={state?.italic ?? false} onClick={() => editor.chain().focus().toggleItalic().run()}>
          I
        </ToolbarButton>
        <ToolbarButton label={labels.bulletList} active={state?.bulletList ?? false} onClick={() => editor.chain().focus().toggleBulletList().run()}>
          •
        </ToolbarButton>
        <ToolbarButton label={labels.orderedList} active={state?.orderedList ?? false} onClick={() => editor.chain().focus().toggleOrderedList().run()}>
          1.
        </ToolbarButton>
        <ToolbarButton label={labels.link} active={state?.link ?? false} onClick={() => setLink(editor, labels)}>
          🔗
        </ToolbarButton>
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
