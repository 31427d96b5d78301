"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import { RichTextField } from "@/components/editor/rich-text-field";
import type { Mentionable } from "@/components/editor/tiptap-editor";
import { FormAlert, inputClass, SubmitButton } from "@/components/ui/form";
import { selectionOffsets } from "./selection-offsets";
import { useKeptForm, useSurvivingAction } from "@/components/ui/kept-form";
import { useDraft } from "@/components/live/drafts";
import { REATTACH_FORM, ReattachBar, type ReattachAction, type ReattachLabels, ReattachMode, type ReattachTarget } from "./reattach";

export type AnnotatorLabels = {
  annotate: string;
  newAnnotation: string;
  selectedPassage: string;
  body: string;
  tags: string;
  tagsHint: string;
  private: string;
  save: string;
  saving: string;
  cancel: string;
  body_region: string;
  /** The narrow-screen panel's toggle ("Annotations (12)") and close button. */
  panelShow: string;
  panelClose: string;
  reattach: ReattachLabels;
};

type CreateResult = ActionResult<{ annotationId: string; version: number }>;
export type CreateAction = (state: CreateResult | null, form: FormData) => Promise<CreateResult>;

// Never called: the composer only shows with a create action.
const refuse: CreateAction = async (state) => state ?? { ok: false, status: 403, code: "forbidden", formError: "" };

const threadOf = (id: string) => document.getElementById(`annotation-${id}`);
const idOfThread = (thread: Element) => thread.id.slice("annotation-".length);
/** The thread whose highlights carry `key` in their `data-a` (see BriefReader). */
const threadOfKey = (key: string) => document.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`);

/**
 * The interactive layer over the server-rendered brief: selecting text (mouse, or Shift+arrow
 * keys in the text) offers "Annotate" (or, while re-attaching an orphan, "Attach here"); clicking a highlight opens its thread in the margin and
 * opening a thread marks and scrolls to its highlight. Offsets come from the `data-o` pieces.
 */
export function BriefAnnotator({
  body,
  margin,
  plainText,
  revisionId,
  canAnnotate,
  activeId,
  labels,
  editorLabels,
  mentionables,
  createAction,
  reattachAction,
}: {
  body: ReactNode;
  margin: ReactNode;
  plainText: string;
  revisionId: string;
  canAnnotate: boolean;
  activeId: string | null;
  labels: AnnotatorLabels;
  editorLabels: EditorLabels;
  mentionables: Mentionable[];
  /** Absent on read-only readers (earlier revisions, viewers). */
  createAction?: CreateAction;
  reattachAction?: ReattachAction;
}) {
  const router = useRouter();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<{ start: number; end: number; top: number } | null>(null);
  const [draft, setDraft] = useState<{ start: number; end: number } | null>(null);
  const [bodyKey, setBodyKey] = useState(0);
  // Below the wide layout the margin is a side panel over the text, opened on demand (or by a
  // highlight, a permalink or a new annotation); on wide screens it is always there.
  const [panelOpen, setPanelOpen] = useState(activeId !== null);
  const [panelFor, setPanelFor] = useState(activeId);
  if (panelFor !== activeId) {
    // A new thread opened through its permalink shows the panel it is in.
    setPanelFor(activeId);
    if (activeId) setPanelOpen(true);
  }
  const panelCloseRef = useRef<HTMLButtonElement>(null);
  const panelToggleRef = useRef<HTMLButtonElement>(null);
  // The note being written is kept as a local draft for this revision until it is saved.
  const noteDraft = `annotation:${revisionId}`;
  const { clear: forgetNote } = useDraft(noteDraft);
  const [state, formAction, pending] = useActionState(useSurvivingAction(async (previous: CreateResult | null, form: FormData) => {
    const result = await (createAction ?? refuse)(previous, form);
    if (result.ok) {
      forgetNote();
      setDraft(null);
      window.getSelection()?.removeAllRanges();
      // The new thread opens through the permalink, once the page has it.
      router.replace(`/brief?annotation=${result.annotationId}`, { scroll: false });
    }
    return result;
  }), null);
  const kept = useKeptForm(state, formAction);

  // Re-attaching an orphan: the annotation, the passage chosen for it, and what to refocus after.
  const [reattach, setReattach] = useState<ReattachTarget | null>(null);
  const [chosen, setChosen] = useState<{ start: number; end: number } | null>(null);
  const reattachTrigger = useRef<HTMLElement | null>(null);
  // A re-attached annotation to mark in the text once the page has its new highlight.
  const [toMark, setToMark] = useState<string | null>(null);
  const beginReattach = useCallback((target: ReattachTarget, trigger: HTMLElement) => {
    reattachTrigger.current = trigger;
    setReattach(target);
    setChosen(null);
    setDraft(null);
    // The text must be reachable: the narrow screen's panel covers it.
    setPanelOpen(false);
    requestAnimationFrame(() => bodyRef.current?.focus());
  }, []);
  const endReattach = useCallback(() => {
    setReattach(null);
    setChosen(null);
    window.getSelection()?.removeAllRanges();
  }, []);
  const cancelReattach = useCallback(() => {
    const trigger = reattachTrigger.current;
    endReattach();
    requestAnimationFrame(() => (trigger?.isConnected ? trigger.focus() : bodyRef.current?.focus()));
  }, [endReattach]);
  useEffect(() => {
    if (!reattach) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") cancelReattach();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [reattach, cancelReattach]);
  const reattachMode = useMemo(() => ({ begin: beginReattach, activeId: reattach?.id ?? null, label: labels.reattach.reattach }), [beginReattach, reattach, labels.reattach.reattach]);

  const markActive = useCallback((id: string | null, scroll: boolean) => {
    const root = bodyRef.current;
    if (!root) return;
    root.querySelectorAll("mark[data-active]").forEach((m) => m.removeAttribute("data-active"));
    const key = id ? threadOf(id)?.dataset.k : undefined;
    if (!key) return;
    const marks = root.querySelectorAll<HTMLElement>(`mark[data-a~="${CSS.escape(key)}"]`);
    marks.forEach((m) => m.setAttribute("data-active", ""));
    if (scroll) marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  const openThread = useCallback(
    (id: string, focus: boolean) => {
      const thread = threadOf(id);
      if (!thread) return;
      setPanelOpen(true);
      const url = new URL(window.location.href);
      url.searchParams.set("annotation", id);
      // Only the open thread is rendered in full: another one opens through its permalink.
      if (!(thread instanceof HTMLDetailsElement)) {
        markActive(id, false);
        router.push(`${url.pathname}${url.search}`, { scroll: false });
        return;
      }
      thread.open = true;
      thread.scrollIntoView({ block: "nearest", behavior: "smooth" });
      if (focus) thread.querySelector("summary")?.focus({ preventScroll: true });
      markActive(id, false);
      window.history.replaceState(window.history.state, "", url);
    },
    [markActive, router],
  );

  // A permalink (or a newly created annotation): open its thread and show its words.
  useEffect(() => {
    if (!activeId) return;
    const thread = threadOf(activeId);
    if (thread) {
      if (thread instanceof HTMLDetailsElement) thread.open = true;
      thread.scrollIntoView({ block: "nearest" });
    }
    markActive(activeId, true);
  }, [activeId, markActive]);

  // After a re-attach: mark the new highlight once the refreshed page has drawn it.
  useEffect(() => {
    if (!toMark) return;
    const key = threadOf(toMark)?.dataset.k;
    if (!key || !bodyRef.current?.querySelector(`mark[data-a~="${CSS.escape(key)}"]`)) return;
    markActive(toMark, true);
    setToMark(null);
  }, [toMark, body, margin, markActive]);

  // Opening a thread from the margin marks its highlight.
  useEffect(() => {
    const onToggle = (event: Event) => {
      const thread = event.target as HTMLElement;
      if (!(thread instanceof HTMLDetailsElement) || !thread.dataset.k || !thread.open) return;
      markActive(idOfThread(thread), true);
    };
    document.addEventListener("toggle", onToggle, true);
    return () => document.removeEventListener("toggle", onToggle, true);
  }, [markActive]);

  useEffect(() => {
    if (!canAnnotate) return;
    const onChange = () => {
      const root = bodyRef.current;
      if (!root) return;
      const current = window.getSelection();
      const offsets = selectionOffsets(root, current, plainText);
      if (!offsets || !current) return setSelection(null);
      const rect = current.getRangeAt(0).getBoundingClientRect();
      // The button is placed in the text's section (above the text sits the re-attach bar, if any).
      const box = (root.offsetParent ?? root).getBoundingClientRect();
      setSelection({ ...offsets, top: rect.bottom - box.top + 4 });
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [canAnnotate, plainText]);


  const onBodyClick = (event: React.MouseEvent) => {
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-a]");
    if (!mark || !window.getSelection()?.isCollapsed) return;
    const threads = (mark.dataset.a ?? "").split(" ").flatMap((key) => threadOfKey(key) ?? []);
    if (threads.length === 0) {
      // The margin lists the first threads only: the server opens the one under this highlight.
      const url = new URL(window.location.href);
      url.searchParams.delete("annotation");
      url.searchParams.set("at", mark.dataset.o ?? "0");
      router.push(`${url.pathname}${url.search}`, { scroll: false });
      return;
    }
    // Clicking overlapping highlights again cycles through their threads.
    const current = threads.findIndex((thread) => thread instanceof HTMLDetailsElement && thread.open && mark.hasAttribute("data-active"));
    openThread(idOfThread(threads[(current + 1) % threads.length]), false);
  };

  // A thread's summary link in the margin opens it without a full page load.
  const onMarginClick = (event: React.MouseEvent) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a.thread-link");
    const thread = link?.closest("[data-k]");
    if (!link || !thread || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    markActive(idOfThread(thread), true);
    router.push(link.getAttribute("href") ?? "", { scroll: false });
  };

  const quote = draft ? plainText.slice(draft.start, draft.end) : "";
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section aria-label={labels.body_region} className="relative rounded-lg border border-slate-200 bg-white px-5 py-6 sm:px-8">
        {reattach ? (
          <ReattachBar
            target={reattach}
            chosen={chosen}
            plainText={plainText}
            revisionId={revisionId}
            action={reattachAction}
            labels={labels.reattach}
            onCancel={cancelReattach}
            onDone={(id) => {
              endReattach();
              setToMark(id);
              router.replace(`/brief?annotation=${id}`, { scroll: false });
            }}
          />
        ) : null}
        <div
          key={bodyKey}
          ref={bodyRef}
          onClick={onBodyClick}
          // Editable only so the keyboard can select (Shift+arrows); every edit is refused. Assistive
          // technology hears a read-only text box (aria-readonly is not allowed on a plain div).
          contentEditable={canAnnotate || undefined}
          suppressContentEditableWarning
          {...(canAnnotate ? { role: "textbox", "aria-multiline": true, "aria-readonly": true, "aria-label": labels.body_region } : {})}
          aria-describedby={reattach ? "reattach-instructions" : undefined}
          spellCheck={false}
          onBeforeInput={(e) => e.preventDefault()}
          onPaste={(e) => e.preventDefault()}
          onDrop={(e) => e.preventDefault()}
          onCut={(e) => e.preventDefault()}
          // An IME composition cannot be cancelled: put the server's text back if one slipped in.
          onInput={() => setBodyKey((k) => k + 1)}
          className="outline-none focus-visible:ring-2 focus-visible:ring-blue-700/30"
        >
          {body}
        </div>
        {canAnnotate && reattach && selection ? (
          <button
            type="button"
            style={{ top: selection.top }}
            className="absolute left-1/2 z-10 -translate-x-1/2 rounded-md bg-blue-800 px-3 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-blue-900"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setChosen({ start: selection.start, end: selection.end });
              requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`#${REATTACH_FORM} button[type=submit]`)?.focus());
            }}
          >
            {labels.reattach.here}
          </button>
        ) : null}
        {canAnnotate && createAction && selection && !draft && !reattach ? (
          <button
            type="button"
            style={{ top: selection.top }}
            className="absolute left-1/2 z-10 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-slate-700"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setDraft({ start: selection.start, end: selection.end });
              setPanelOpen(true);
            }}
          >
            {labels.annotate}
          </button>
        ) : null}
      </section>
      <button
        type="button"
        aria-expanded={panelOpen}
        aria-controls="annotation-panel"
        ref={panelToggleRef}
        onClick={() => {
          setPanelOpen(true);
          requestAnimationFrame(() => panelCloseRef.current?.focus());
        }}
        className="fixed right-4 bottom-4 z-30 rounded-full bg-slate-900 px-4 py-2.5 text-sm font-medium text-white shadow-lg hover:bg-slate-700 aria-expanded:hidden lg:hidden"
      >
        {labels.panelShow}
      </button>
      <aside
        id="annotation-panel"
        aria-label={labels.panelShow}
        onClick={onMarginClick}
        onKeyDown={(e) => {
          if (e.key === "Escape" && panelOpen && window.matchMedia("(max-width: 63.999rem)").matches) {
            setPanelOpen(false);
            requestAnimationFrame(() => panelToggleRef.current?.focus());
          }
        }}
        data-open={panelOpen || undefined}
        className="fixed inset-y-0 right-0 z-40 hidden w-[min(26rem,92vw)] space-y-4 overflow-y-auto border-l border-slate-200 bg-slate-50 p-4 shadow-2xl data-open:block lg:sticky lg:top-4 lg:z-auto lg:block lg:max-h-[calc(100vh-2rem)] lg:w-auto lg:self-start lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none"
      >
        <div className="sticky -top-4 z-10 -mx-4 -mt-4 flex justify-end border-b border-slate-200 bg-slate-50/95 px-4 py-2 lg:hidden">
          <button
            ref={panelCloseRef}
            type="button"
            onClick={() => {
              setPanelOpen(false);
              requestAnimationFrame(() => panelToggleRef.current?.focus());
            }}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
            {labels.panelClose}
          </button>
        </div>
        {draft ? (
          <form {...kept} className="space-y-3 rounded-lg border border-blue-200 bg-blue-50/40 p-4" aria-label={labels.newAnnotation}>
            <h2 className="text-sm font-semibold">{labels.newAnnotation}</h2>
            <input type="hidden" name="revisionId" value={revisionId} />
            <input type="hidden" name="start" value={draft.start} />
            <input type="hidden" name="end" value={draft.end} />
            <input type="hidden" name="quote" value={quote} />
            <figure>
              <figcaption className="text-xs text-slate-500">{labels.selectedPassage}</figcaption>
              <blockquote lang="ko" className="mt-1 line-clamp-4 border-l-4 border-amber-300 pl-3 text-sm whitespace-pre-line text-slate-700">
                {quote}
              </blockquote>
            </figure>
            <RichTextField name="body" label={labels.body} labels={editorLabels} mentionables={mentionables} errors={fieldErrors?.body} draft={noteDraft} />
            <div className="space-y-1">
              <label htmlFor="annotation-tags" className="block text-sm font-medium text-slate-800">
                {labels.tags}
              </label>
              <input id="annotation-tags" name="tags" className={inputClass} aria-describedby="annotation-tags-hint" />
              <p id="annotation-tags-hint" className="text-xs text-slate-500">
                {labels.tagsHint}
              </p>
              {fieldErrors?.tags ? <p className="text-sm text-red-700">{fieldErrors.tags.join(" ")}</p> : null}
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="isPrivate" className="size-4" />
              {labels.private}
            </label>
            {state && !state.ok ? <FormAlert tone="error">{[state.formError, ...(fieldErrors?.quote ?? [])].join(" ")}</FormAlert> : null}
            <div className="flex gap-2">
              <SubmitButton pending={pending} label={labels.save} pendingLabel={labels.saving} />
              <button type="button" onClick={() => setDraft(null)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
                {labels.cancel}
              </button>
            </div>
          </form>
        ) : null}
        <ReattachMode.Provider value={reattachAction && canAnnotate ? reattachMode : null}>{margin}</ReattachMode.Provider>
      </aside>
    </div>
  );
}
