import Link from "next/link";
import type { Translate } from "@/lib/i18n/catalog";

/** Previous / "page N of M" / next, for any list split into pages; nothing when there is one page. */
export function Pager({ page, pages, href, label, t }: { page: number; pages: number; href: (page: number) => string; label: string; t: Translate }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {t("common.prevPage")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600 tabular-nums">{t("common.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {t("common.nextPage")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
