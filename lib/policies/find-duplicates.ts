import { and, desc, isNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { policies } from "../../db/schema";
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
const CANDIDATES = 300;

const normalizeNumber = (n: string) => n.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/**
 * Live policies that are probably the same one: the same document number (ignoring spacing and
 * width), or a Chinese or Korean title whose bigrams are ≥ 70 % alike. Candidates come from the
 * bigram index (policies sharing title bigrams), then are scored here.
 */
export async function findDuplicates(
  tx: Executor,
  input: { titleZh?: string | null; titleKo?: string | null; documentNumber?: string | null; excludeId?: string },
): Promise<DuplicateCandidate[]> {
  const grams = searchBigrams(input.titleZh, input.titleKo);
  const number = input.documentNumber ? normalizeNumber(input.documentNumber) : "";
  if (!grams.length && !number) return [];
  const matches = [];
  if (grams.length) matches.push(sql`${policies.searchBigrams} && ${sql`ARRAY[${sql.join(grams.map((g) => sql`${g}`), sql`, `)}]::text[]`}`);
  if (number) matches.push(sql`lower(regexp_replace(${policies.documentNumber}, '\\s', '', 'g')) = ${number}`);
  const rows = await tx
    .select({ id: policies.id, titleKo: policies.titleKo, titleZh: policies.titleZh, documentNumber: policies.documentNumber })
    .from(policies)
    .where(and(isNull(policies.deletedAt), or(...matches), input.excludeId ? ne(policies.id, input.excludeId) : undefined))
    .orderBy(desc(policies.createdAt))
    .limit(CANDIDATES);
  const out: DuplicateCandidate[] = [];
  for (const row of rows) {
    if (number && row.documentNumber && normalizeNumber(row.documentNumber) === number) {
      out.push({ ...row, reason: "document_number" });
    } else if (
      titleSimilarity(row.titleZh, input.titleZh) >= SIMILAR_TITLE ||
      titleSimilarity(row.titleKo, input.titleKo) >= SIMILAR_TITLE
    ) {
      out.push({ ...row, reason: "title" });
    }
  }
  return out.slice(0, 10);
}

