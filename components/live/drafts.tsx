"use client";

import { createContext, type ReactNode, type TextareaHTMLAttributes, useCallback, useContext, useEffect, useRef, useState } from "react";
import { useOptionalMessages } from "@/components/i18n/messages-provider";

const DraftOwnerContext = createContext<string | null>(null);

/** Whose drafts the boxes below keep (the signed-in user): one browser, several people, no mixing. */
export function DraftOwner({ userId, children }: { userId: string; children: ReactNode }) {
  return <DraftOwnerContext.Provider value={userId}>{children}</DraftOwnerContext.Provider>;
}

const PREFIX = "policy-desk:draft:";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled: drafts are simply not kept
  }
}

/**
 * Unsent text kept in this browser for one box (`draft` names it: `comment:policy:<id>`), per
 * signed-in user, until it is sent or discarded; it survives a reload. `restored` is the text
 * found when the box mounted; `save` keeps what is typed now (empty: forgets it); `clear` forgets it.
 */
export function useDraft(draft: string | undefined) {
  const owner = useContext(DraftOwnerContext);
  const key = draft && owner ? `${PREFIX}${owner}:${draft}` : null;
  const [restored, setRestored] = useState<string | null>(null);
  useEffect(() => {
    const value = key ? storage()?.getItem(key) : null;
    // Read after mount (never during the server render): the box then shows the draft.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from browser storage
    if (value) setRestored(value);
  }, [key]);
  const save = useCallback(
    (value: string) => {
      if (!key) return;
      if (value.trim()) storage()?.setItem(key, value);
      else storage()?.removeItem(key);
    },
    [key],
  );
  const clear = useCallback(() => {
    if (key) storage()?.removeItem(key);
    setRestored(null);
  }, [key]);
  return { enabled: key !== null, restored, save, clear };
}

/** "Your unsent draft was restored · Discard draft", under a box that came back with a draft. */
export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  const m = useOptionalMessages("live");
  if (!m) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="draft-restored">
      <span role="status">{m.draftRestored}</span>
      <button type="button" onClick={onDiscard} className="underline hover:text-slate-900">
        {m.draftDiscard}
      </button>
    </p>
  );
}

/**
 * A textarea whose unsent text is kept as a draft (see useDraft). The draft is forgotten when the
 * form is reset after a successful send, or discarded.
 */
export function DraftTextarea({ draft, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { draft: string }) {
  const { restored, save, clear } = useDraft(draft);
  const ref = useRef<HTMLTextAreaElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (restored !== null && ref.current && !ref.current.value) {
      ref.current.value = restored;
      setShown(true);
    }
  }, [restored]);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    // A kept form resets only after the server accepted it: the draft is sent.
    const onReset = () => {
      clear();
      setShown(false);
    };
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [clear]);
  return (
    <>
      <textarea ref={ref} {...props} onInput={(e) => save(e.currentTarget.value)} />
      {shown ? (
        <DraftNotice
          onDiscard={() => {
            clear();
            setShown(false);
            if (ref.current) ref.current.value = "";
          }}
        />
      ) : null}
    </>
  );
}
