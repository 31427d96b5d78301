import { describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { COUNT_CAP, listPolicyPage } from "@/lib/policies/filtered-list";
import { PAGE_SIZE, parsePolicyFilters } from "@/lib/policies/filters";
import { searchBigrams } from "@/lib/policies/search-terms";
import { withFreshDatabase } from "./harness";

describe("policy search at volume", () => {
  const fixture = withFreshDatabase();

  it("counts matches up to the cap, says there are more, and still pages past it", async () => {
    const rows = Array.from({ length: COUNT_CAP + 5 }, (_, i) => {
      const titleKo = `인공지능 표준 ${i}`;
      const titleZh = `人工智能标准 ${i}`;
      return { titleKo, titleZh, searchBigrams: searchBigrams(titleZh, titleKo) };
    });
    await fixture.db.insert(t.policies).values(rows);
    await fixture.db.insert(t.policies).values({ titleKo: "반도체 지원", titleZh: "芯片支持", searchBigrams: searchBigrams("芯片支持", "반도체 지원") });

    const broad = await listPolicyPage(fixture.db, parsePolicyFilters({ q: "표준" }));
    expect(broad).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(broad.rows).toHaveLength(PAGE_SIZE);

    const lastCounted = Math.ceil(COUNT_CAP / PAGE_SIZE);
    const beyond = await listPolicyPage(fixture.db, parsePolicyFilters({ q: "标准", page: String(lastCounted + 1) }));
    expect(beyond.rows.length).toBeGreaterThan(0);

    const narrow = await listPolicyPage(fixture.db, parsePolicyFilters({ q: "芯片" }));
    expect(narrow).toMatchObject({ total: 1, capped: false, pages: 1 });
    // The stored search text is lower-cased, so a Latin query matches regardless of case.
    await fixture.db.insert(t.policies).values({ titleKo: "GPU 수출 통제", titleZh: "GPU出口管制", searchBigrams: searchBigrams("GPU出口管制", "GPU 수출 통제") });
    expect((await listPolicyPage(fixture.db, parsePolicyFilters({ q: "gpu 수출" }))).total).toBe(1);
  });
});
