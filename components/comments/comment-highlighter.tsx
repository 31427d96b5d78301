"use client";

import { useEffect } from "react";

/**
 * Marks the comment the address points at (`#comment-<id>`) with `data-targeted`. CSS `:target`
 * alone is not enough: the App Router navigates with history.pushState, which does not update
 * `:target`, so a link from the inbox would land without the highlight.
 */
export function CommentHighlighter() {
  useEffect(() => {
    const mark = () => {
      document.querySelectorAll(".comment[data-targeted]").forEach((el) => el.removeAttribute("data-targeted"));
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("comment-")) return;
      const target = document.getElementById(id);
      if (!target) return;
      target.setAttribute("data-targeted", "");
      target.scrollIntoView({ block: "center" });
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, []);
  return null;
}
