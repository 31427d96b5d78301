import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies } from "../../db/schema";
import { documentNumberKey } from "./document-number";
import { searchBigrams } from "./search-terms";

export type DuplicateCandidate = {
  id: string;
  titleKo: string;
  titleZh: string | null;
  documentNumber: string | null;
  reason: "document_number" | "title";
};

/** How alike two titles are: the Dice coefficient of their character bigrams (0–1). */
export function titleSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0;
  const x = new Set(searchBigrams(a.replace(/\s+/g, "")));
  const y = new Set(searchBigrams(b.replace(/\s+/g, "")));
  if (x.size === 0 || y.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Titles at least this alike are "very similar". */
export const SIMILAR_TITLE = 0.7;
/** How many of the most alike candidates (by shared bigrams) are scored exactly. */
const CANDIDATES = 300;

/**
 * Live policies that are probably the same one: the same document number (width, brackets, dashes
 * and spacing aside), or a Chinese or Korean title whose bigrams are ≥ 70 % alike. The number is
 * looked up through its index; title candidates come from the bigram index over all policies, the
 * ones sharing the most bigrams first (not the newest), then are scored here.
 */
export async function findDuplicates(
  tx: Executor,
  input: { titleZh?: string | null; titleKo?: string | null; documentNumber?: string | null; excludeId?: string },
): Promise<DuplicateCandidate[]> {
  const grams = searchBigrams(input.titleZh, input.titleKo);
  const number = input.documentNumber ? documentNumberKey(input.documentNumber) : "";
  if (!grams.length && !number) return [];
  const columns = { id: policies.id, titleKo: policies.titleKo, titleZh: policies.titleZh, documentNumber: policies.documentNumber };
  const live = and(isNull(policies.deletedAt), input.excludeId ? ne(policies.id, input.excludeId) : undefined);
  const byNumber = number
    ? await tx.select(columns).from(policies).where(and(live, eq(policies.documentNumberKey, number))).orderBy(desc(policies.createdAt)).limit(10)
    : [];
  const out: DuplicateCandidate[] = byNumber.map((row) => ({ ...row, reason: "document_number" as const }));
  if (grams.length) {
    const wanted = sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`;
    const shared = sql`cardinality(array(select unnest(${policies.searchBigrams}) intersect select unnest(${wanted})))`;
    const rows = await tx
      .select(columns)
      .from(policies)
      .where(and(live, sql`${policies.searchBigrams} && ${wanted}`))
      .orderBy(desc(shared), desc(policies.createdAt))
      .limit(CANDIDATES);
    const seen = new Set(out.map((r) => r.id));
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      if (titleSimilarity(row.titleZh, input.titleZh) >= SIMILAR_TITLE || titleSimilarity(row.titleKo, input.titleKo) >= SIMILAR_TITLE) {
        out.push({ ...row, reason: "title" });
      }
    }
  }
  return out.slice(0, 10);
}
