/**
 * `npm run bench:reanchor`: the worst case of publishing a brief revision (a measurement, not a
 * test). Publishing re-anchors every annotation onto the new text inside the transaction that
 * holds the brief's row lock, so the time it takes is the time every other publish waits.
 *
 * The workload, in an in-memory PGlite migrated by the app's own migrations: a long brief
 * (BENCH_PARAGRAPHS paragraphs of ~200 characters), BENCH_ANNOTATIONS annotations with long quotes
 * (BENCH_QUOTE characters, several paragraphs each), and a revision that rewrites most paragraphs
 * (BENCH_KEPT of them survive), so most annotations are orphaned after the exact, position and
 * fuzzy searches have all run. The publish goes through the app's own `publishRevision`.
 *
 * Prints the text and quote sizes, the publish's wall time (the lock held), and how many
 * annotations were placed and orphaned. Runs BENCH_RUNS (default 1) publishes in a row.
 */
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { openMemoryPglite, setDatabase } from "../db/client";
import { migrateAndSeed } from "../db/migrate";
import * as schema from "../db/schema";
import type { Actor } from "../lib/auth/session";
import { publishRevision } from "../lib/brief/publish-revision";
import { selectorAt } from "../lib/brief/selectors";
import { plainTextOf } from "../lib/editor/plain-text";

const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 500);
const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 250);
const QUOTE = Number(process.env.BENCH_QUOTE ?? 400);
const KEPT = Number(process.env.BENCH_KEPT ?? 0.1);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same texts. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  "중국", "정부", "인공지능", "산업", "발전", "계획", "표준", "경쟁", "투자", "기금", "생태계", "오픈", "소스", "반도체",
  "컴퓨팅", "자원", "인재", "규제", "안전", "데이터", "플랫폼", "전략", "국가", "지방", "시범", "구역", "기업", "연구",
  "AI", "LLM", "GPU", "2025년", "600억", "위안", "추진함", "강화함", "확대함", "조성함", "발표함", "심화됨",
];

function paragraph(next: () => number): string {
  const out: string[] = [];
  let length = 0;
  while (length < 200) {
    const word = words[Math.floor(next() * words.length)];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(" ");
}

type Json = Record<string, unknown>;
const docOf = (lines: string[]): schema.RichTextDoc => ({
  type: "doc",
  content: lines.map((line): Json => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
});

async function main() {
  const handle = openMemoryPglite();
  setDatabase(handle);
  try {
    await migrateAndSeed(handle, false);
    const db = handle.db;
    const next = random(15);
    const lines = Array.from({ length: PARAGRAPHS }, () => paragraph(next));
    const doc = docOf(lines);
    const plainText = plainTextOf(doc);

    const [user] = await db
      .insert(schema.users)
      .values({ email: "bench@example.test", displayName: "Bench", role: "editor", passwordHash: "x" })
      .returning();
    const [brief] = await db.insert(schema.briefs).values({ title: "bench" }).returning();
    const [revision] = await db.insert(schema.briefRevisions).values({ briefId: brief.id, number: 1, doc, plainText }).returning();
    await db.update(schema.briefs).set({ currentRevisionId: revision.id }).where(eq(schema.briefs.id, brief.id));

    const body: schema.RichTextDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "note" }] }] };
    const rows = Array.from({ length: ANNOTATIONS }, (_, i) => {
      const start = Math.floor((i / ANNOTATIONS) * (plainText.length - QUOTE - 1));
      return { briefId: brief.id, revisionId: revision.id, selector: selectorAt(plainText, start, start + QUOTE), body, bodyText: "note", authorId: user.id };
    });
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 200) {
      const inserted = await db.insert(schema.annotations).values(rows.slice(i, i + 200)).returning({ id: schema.annotations.id, selector: schema.annotations.selector });
      await db.insert(schema.annotationAnchors).values(
        inserted.map((a) => ({ annotationId: a.id, revisionId: revision.id, start: a.selector.start, end: a.selector.end, method: "original" })),
      );
      ids.push(...inserted.map((a) => a.id));
    }

    const actor: Actor = { id: user.id, email: user.email, displayName: user.displayName, role: "editor", locale: "ko" };
    console.log(
      `re-anchoring worst case: ${ANNOTATIONS} annotations, quotes of ${QUOTE} characters, brief of ${plainText.length} characters (${PARAGRAPHS} paragraphs), ${Math.round(KEPT * 100)}% of paragraphs kept by each revision`,
    );
    let version = brief.version;
    let current = lines;
    for (let run = 1; run <= RUNS; run++) {
      const rewrite = random(1000 + run);
      current = current.map((line) => (rewrite() < KEPT ? line : paragraph(rewrite)));
      const startedAt = performance.now();
      const result = await publishRevision({ actor, input: { briefId: brief.id, version, doc: docOf(current), note: `bench ${run}` } });
      const ms = performance.now() - startedAt;
      version = result.version;
      const extra = "needsReview" in result ? `, ${String((result as { needsReview?: number }).needsReview)} left for review by the budget` : "";
      console.log(`publish ${run}: ${ms.toFixed(0)} ms with the brief locked — ${result.anchored} placed, ${result.orphaned} orphaned${extra}`);
    }
  } finally {
    setDatabase(undefined);
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
