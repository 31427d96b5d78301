import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { intakeEntries, policies } from "../../db/schema";
import { findDuplicates } from "../policies/find-duplicates";
import { canonicalUrl } from "./canonical-url";
import type { ParsedEntry } from "./feeds";
import { intakeEntrySearch } from "../search/documents";

/** How a title is compared within one source: width, case and spacing folded. */
export function titleKey(title: string): string {
  return title.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Both schemes of a URL: policies keep the link as typed, entries compare canonical forms. */
function urlVariants(url: string, canonical: string): string[] {
  const http = canonical.replace(/^https:/, "http:");
  return [...new Set([url, canonical, http, `${canonical}/`, `${http}/`])];
}

/**
 * Stores the entries a source listed that were never seen before — not by canonical URL from any
 * source, not by title from this source — and returns them. An entry whose link is already a
 * policy's source is stored as a duplicate of it; one that looks like a logged policy (document
 * number or title, the policy form's duplicate rules) carries it as a suggestion.
 */
export async function recordEntries(tx: Executor, sourceId: string, parsed: ParsedEntry[], now: Date) {
  const candidates = new Map<string, ParsedEntry & { canonical: string; key: string }>();
  const keys = new Set<string>();
  for (const entry of parsed) {
    const canonical = canonicalUrl(entry.url);
    const key = titleKey(entry.title || entry.url);
    if (candidates.has(canonical) || keys.has(key)) continue;
    candidates.set(canonical, { ...entry, canonical, key });
    keys.add(key);
  }
  if (candidates.size === 0) return [];

  // Most of a feed was seen at the last check: drop those first, in one statement.
  const seen = await tx
    .select({ canonical: intakeEntries.canonicalUrl, key: intakeEntries.titleKey, sourceId: intakeEntries.sourceId })
    .from(intakeEntries)
    .where(
      sql`${intakeEntries.canonicalUrl} in ${[...candidates.keys()]} or (${intakeEntries.sourceId} = ${sourceId} and ${intakeEntries.titleKey} in ${[...keys]})`,
    );
  const seenUrls = new Set(seen.map((s) => s.canonical));
  const seenKeys = new Set(seen.filter((s) => s.sourceId === sourceId).map((s) => s.key));
  const fresh = [...candidates.values()].filter((e) => !seenUrls.has(e.canonical) && !seenKeys.has(e.key));
  if (fresh.length === 0) return [];

  const variants = fresh.flatMap((e) => urlVariants(e.url, e.canonical));
  const logged = await tx
    .select({ id: policies.id, sourceUrl: policies.sourceUrl })
    .from(policies)
    .where(and(inArray(policies.sourceUrl, variants), isNull(policies.deletedAt)));
  const policyByUrl = new Map<string, string>();
  for (const row of logged) if (row.sourceUrl) policyByUrl.set(canonicalUrl(row.sourceUrl), row.id);

  const rows = [];
  for (const entry of fresh) {
    const duplicateOf = policyByUrl.get(entry.canonical) ?? null;
    const suggestion = duplicateOf ? null : ((await findDuplicates(tx, { titleZh: entry.title }))[0]?.id ?? null);
    const title = entry.title || entry.url;
    rows.push({
      sourceId,
      title,
      ...intakeEntrySearch({ title }),
      url: entry.url,
      canonicalUrl: entry.canonical,
      titleKey: entry.key,
      publishedAt: entry.publishedAt,
      firstSeenAt: now,
      state: duplicateOf ? ("duplicate" as const) : ("new" as const),
      policyId: duplicateOf,
      decidedAt: duplicateOf ? now : null,
      suggestedPolicyId: suggestion,
    });
  }
  // A concurrent check of another source may have stored the same link a moment ago: skip it.
  return tx
    .insert(intakeEntries)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: intakeEntries.id, state: intakeEntries.state, title: intakeEntries.title });
}

/** Marks an entry logged as `policyId` (when logging a policy from it); refuses one already decided. */
export async function markEntryLogged(tx: Executor, entryId: string, policyId: string, actorId: string, now: Date): Promise<boolean> {
  const updated = await tx
    .update(intakeEntries)
    .set({ state: "logged", policyId, decidedById: actorId, decidedAt: now, version: sql`${intakeEntries.version} + 1` })
    .where(and(eq(intakeEntries.id, entryId), inArray(intakeEntries.state, ["new", "duplicate"])))
    .returning({ id: intakeEntries.id });
  return updated.length > 0;
}
