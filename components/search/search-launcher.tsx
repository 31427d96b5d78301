"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { useMessages } from "@/components/i18n/messages-provider";

// The dialog's code is fetched when someone first opens it (or points at the field), not with every page.
const loadDialog = () => import("@/components/search/search-dialog");
const SearchDialog = dynamic(loadDialog, { ssr: false });

/**
 * Opens the search dialog: a click on the field, or Ctrl+K / ⌘K anywhere. Without JavaScript it is a
 * link to the /search page.
 */
export function SearchLauncher() {
  const m = useMessages("search");
  const [open, setOpen] = useState(false);
  const launcher = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, []);

  return (
    <>
      <a
        ref={launcher}
        href="/search"
        role="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="header-search"
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        className="flex min-w-[9rem] items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-600 no-underline hover:bg-slate-50 hover:no-underline sm:min-w-[14rem]"
      >
        <span aria-hidden="true">⌕</span>
        <span className="flex-1">{m.open}</span>
        <kbd className="hidden rounded border border-slate-200 bg-slate-50 px-1 text-xs text-slate-500 sm:inline">{m.shortcut}</kbd>
      </a>
      {open ? <SearchDialog messages={m} onClose={close} /> : null}
    </>
  );
}
