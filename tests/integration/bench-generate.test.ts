import { describe, expect, it } from "vitest";
import { connectPostgres, statementCount } from "@/db/client";
import { requiredRichText } from "@/lib/editor/form";
import { policySearchColumns } from "@/lib/policies/search-terms";
import { FULL_SIZE, createWorkspace, scaled } from "../../scripts/bench/generate";
import { adminUrl } from "../support/postgres";
import { driver } from "./harness";

// `npm run bench` measures only what the app could have written itself.
describe.runIf(driver === "postgres")("the benchmark workspace", () => {
  it("holds valid rich text, selectors on their revision's text and the app's search columns", { timeout: 300_000 }, async () => {
    const size = scaled(FULL_SIZE, 100);
    const workspace = await createWorkspace(adminUrl(process.env.DATABASE_URL!), `pd_test_bench_${Date.now().toString(36)}`, size);
    const handle = connectPostgres(workspace.url, { max: 1 });
    try {
      expect(workspace.counts).toMatchObject({ users: size.users, policies: size.policies, annotations: size.annotations, comments: size.comments });

      const anchored = await handle.sql`
        select a.selector, an.start, an."end", r.plain_text, r.id = b.current_revision_id as current
        from annotations a join annotation_anchors an on an.annotation_id = a.id and an.revision_id = a.revision_id
        join brief_revisions r on r.id = a.revision_id join briefs b on b.id = a.brief_id`;
      expect(anchored).toHaveLength(size.annotations);
      expect(anchored.filter((a) => a.current)).toHaveLength(size.annotationsOnCurrent);
      for (const a of anchored) {
        expect(a.plain_text.slice(a.start, a.end)).toBe(a.selector.quote);
        expect(a.plain_text.slice(0, a.start).endsWith(a.selector.prefix)).toBe(true);
      }

      const rows = await handle.sql`
        select title_zh, title_ko, title_en, document_number, summary_text, search_text, search_bigrams, search_version, summary
        from policies order by random() limit 50`;
      for (const p of rows) {
        const expected = policySearchColumns({
          titleZh: p.title_zh,
          titleKo: p.title_ko,
          titleEn: p.title_en,
          documentNumber: p.document_number,
          summaryText: p.summary_text,
        });
        expect({ text: p.search_text, bigrams: new Set(p.search_bigrams), version: p.search_version }).toEqual({
          text: expected.searchText,
          bigrams: new Set(expected.searchBigrams),
          version: expected.searchVersion,
        });
        if (p.summary) expect(requiredRichText.safeParse(p.summary).success).toBe(true);
      }
      const bodies = await handle.sql`select body from comments order by random() limit 20`;
      for (const c of bodies) expect(requiredRichText.safeParse(c.body).success).toBe(true);
    } finally {
      await handle.close();
      await workspace.drop();
    }
  });
});

describe.runIf(driver === "postgres")("statement counting (PD_SQL_STATS)", () => {
  it("counts every statement a counting connection sends, and nothing else", async () => {
    const counting = connectPostgres(adminUrl(process.env.DATABASE_URL!), { max: 1, countStatements: true });
    const quiet = connectPostgres(adminUrl(process.env.DATABASE_URL!), { max: 1 });
    try {
      // A new connection first asks for the server's array types: one statement, once.
      await counting.sql`select 0`;
      await quiet.sql`select 0`;
      const before = statementCount()!;
      await counting.sql`select 1`;
      await counting.sql`select ${2}::int`;
      await quiet.sql`select 3`;
      await counting.sql.begin(async (tx) => {
        await tx`select 4`;
      });
      // Two selects, then begin, a select and commit; the quiet connection adds nothing.
      expect(statementCount()! - before).toBe(5);
    } finally {
      await counting.close();
      await quiet.close();
    }
  });
});
