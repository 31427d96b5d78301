"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * Renders its children only while the enclosing `<details>` is open (e.g. "who else is editing"
 * on an edit form folded into a page: opening it is starting to edit).
 */
export function WhenOpen({ children }: { children: ReactNode }) {
  const marker = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const details = marker.current?.closest("details");
    if (!details) {
      setOpen(true);
      return;
    }
    const sync = () => setOpen(details.open);
    sync();
    details.addEventListener("toggle", sync);
    return () => details.removeEventListener("toggle", sync);
  }, []);
  return (
    <>
      <span ref={marker} hidden />
      {open ? children : null}
    </>
  );
}
