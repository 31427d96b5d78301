"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `badge`: a count shown beside the label (e.g. unread notifications), with its spoken form. */
export type NavItem = { href: string; label: string; badge?: { count: number; label: string } };

/** True when `pathname` is the item's screen or one of its sub-pages (`/` matches only itself). */
function isCurrent(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The workspace's screens; the current one is marked with aria-current. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto px-3 py-2 md:flex-col md:overflow-visible md:px-2 md:py-4">
      {items.map((item) => {
        const current = isCurrent(item.href, pathname);
        return (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={
                "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap no-underline hover:no-underline " +
                (current
                  ? "bg-slate-900 font-medium text-white"
                  : "text-slate-700 hover:bg-slate-200/70 hover:text-slate-950")
              }
            >
              {item.label}
              {item.badge && item.badge.count > 0 ? (
                <span
                  data-testid={`nav-badge-${item.href.slice(1) || "home"}`}
                  className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums"
                >
                  <span aria-hidden="true">{item.badge.count > 99 ? "99+" : item.badge.count}</span>
                  <span className="sr-only">{item.badge.label}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
