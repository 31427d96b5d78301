"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { fill } from "@/components/i18n/messages-provider";
import { Highlighted } from "@/components/search/highlighted";
import type { Messages } from "@/lib/i18n/catalog";
import type { SearchGroup } from "@/lib/search/global";

type State = { q: string; status: "idle" | "searching" | "done" | "failed"; groups: SearchGroup[] };

// Wait for a pause in typing before asking the server.
const DEBOUNCE_MS = 150;

/**
 * The search dialog (a modal <dialog>): a combobox whose listbox holds the hits grouped by kind.
 * Arrow keys move through the hits, Enter opens the one selected (or, with none, the /search page),
 * Escape closes. Its results come from /api/search, the same search as the /search page.
 */
export default function SearchDialog({ messages: m, onClose }: { messages: Messages["search"]; onClose: () => void }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [q, setQ] = useState("");
  const [state, setState] = useState<State>({ q: "", status: "idle", groups: [] });
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal focuses the first control (the close button): the reader came to type.
    input.current?.focus();
    return () => element?.close();
  }, []);

  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, status: "searching" }));
      try {
        const response = await fetch(`/api/search?${new URLSearchParams({ q: query })}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { groups: SearchGroup[] };
        setState({ q: query, status: "done", groups: body.groups });
        setActive(-1);
      } catch {
        if (!controller.signal.aborted) setState({ q: query, status: "failed", groups: [] });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  // An emptied field shows nothing, whatever the last answer was.
  const shown: State = q.trim() ? state : { q: "", status: "idle", groups: [] };
  const hits = shown.groups.flatMap((group) => group.hits);
  const firstIndex = shown.groups.map((_, g) => shown.groups.slice(0, g).reduce((n, group) => n + group.hits.length, 0));
  const optionId = (index: number) => `${id}-option-${index}`;
  const pageHref = `/search?${new URLSearchParams({ q: q.trim() })}`;

  const go = (href: string) => {
    onClose();
    router.push(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!hits.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + hits.length + (current < 0 && step < 0 ? 1 : 0)) % hits.length);
    } else if (event.key === "Home" && hits.length && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === "End" && hits.length && active >= 0) {
      event.preventDefault();
      setActive(hits.length - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active >= 0 && hits[active]) go(hits[active].href);
      else if (q.trim()) go(pageHref);
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    // optionId only depends on the stable useId
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const listboxId = `${id}-listbox`;
  const showList = shown.status === "done" && hits.length > 0;
  const status =
    shown.status === "searching"
      ? m.searching
      : shown.status === "failed"
        ? m.failed
        : shown.status === "done" && !hits.length
          ? fill(m.noResults, { q: shown.q })
          : "";

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === dialog.current) onClose();
      }}
      data-testid="search-dialog"
      className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/30"
    >
      <div className="flex flex-col gap-2 p-3">
        <div className="flex items-center justify-between">
          <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-700">
            {m.dialogTitle}
          </h2>
          <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100">
            {m.close}
          </button>
        </div>
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={m.label}
          aria-expanded={showList}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-syntax`}
          placeholder={m.placeholder}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={onKeyDown}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-blue-700 focus:ring-2 focus:ring-blue-700/30 focus:outline-none"
        />
        <p id={`${id}-syntax`} className="text-xs text-slate-500">
          {m.syntax}
        </p>
        <p role="status" className="min-h-5 text-sm text-slate-600">
          {status}
        </p>
        <div id={listboxId} role="listbox" aria-label={m.results} className="max-h-[55vh] overflow-y-auto" hidden={!showList}>
          {shown.groups.map((group, g) => (
            <div key={group.kind} role="group" aria-label={m[`kind_${group.kind}`]} className="py-1">
              <div aria-hidden="true" className="px-2 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {m[`kind_${group.kind}`]}
              </div>
              {group.hits.map((hit, h) => {
                const mine = firstIndex[g] + h;
                return (
                  <div
                    key={hit.id}
                    id={optionId(mine)}
                    role="option"
                    aria-selected={active === mine}
                    onMouseMove={() => setActive(mine)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => go(hit.href)}
                    className={`cursor-pointer rounded px-2 py-1.5 text-sm ${active === mine ? "bg-blue-50 outline outline-1 outline-blue-300" : ""}`}
                  >
                    <span className="block break-words text-slate-900">
                      <Highlighted segments={hit.title} />
                    </span>
                    {hit.detail ? (
                      <span className="block truncate text-xs text-slate-500">
                        <Highlighted segments={hit.detail} />
                      </span>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {q.trim() ? (
          <a
            href={pageHref}
            onClick={(event) => {
              event.preventDefault();
              go(pageHref);
            }}
            className="self-start text-sm"
          >
            {fill(m.seeAll, { q: q.trim() })}
          </a>
        ) : null}
      </div>
    </dialog>
  );
}
