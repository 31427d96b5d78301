"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Marks the comment the address points at (`#comment-<id>`) with `data-targeted`. CSS `:target`
 * alone is not enough: the App Router navigates with history.pushState, which does not update
 * `:target`, so a link from the inbox would land without the highlight. A comment among the
 * earlier threads the page does not show is opened on `earlierHref` (the page with all of them).
 */
export function CommentHighlighter({ earlierHref }: { earlierHref?: string }) {
  const router = useRouter();
  useEffect(() => {
    const mark = () => {
      document.querySelectorAll(".comment[data-targeted]").forEach((el) => el.removeAttribute("data-targeted"));
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("comment-")) return;
      const target = document.getElementById(id);
      if (!target) {
        if (earlierHref) router.replace(`${earlierHref}#${encodeURIComponent(id)}`);
        return;
      }
      target.setAttribute("data-targeted", "");
      target.scrollIntoView({ block: "center" });
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, [earlierHref, router]);
  return null;
}
