import { describe, expect, it } from "vitest";
import { REPORT_CAPS, type ReportContent, type ReportPolicy, capContent } from "../../lib/reports/content";
import { reportOutline } from "../../lib/reports/outline";

const policy = (n: number): ReportPolicy => ({
  id: `p${n}`,
  change: "new",
  titleKo: `정책 ${n}`,
  titleZh: null,
  issuers: [],
  documentNumber: null,
  announcedOn: "2026-11-02",
  relation: null,
  summary: "",
});
const many = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => policy(offset + i));

const content = (nodes: number, perNode: number): ReportContent => ({
  from: "2026-11-01",
  to: "2026-11-30",
  language: "ko",
  sections: ["policies", "impacts"],
  policies: {
    total: nodes * perNode,
    dimensions: [{ id: "d", name: "차원", nodes: Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, label: `노드 ${i}`, policies: many(perNode, i * 1000) })) }],
    untagged: [],
  },
  impacts: {
    raised: Array.from({ length: 70 }, (_, i) => ({ id: `i${i}`, policyId: "p", policyTitle: "정책", itemId: "x", itemNumber: 1, itemTitle: "과제", note: "", at: "2026-11-02T00:00:00Z", by: null })),
    acknowledged: [],
  },
});

describe("a report's caps", () => {
  it("lists at most ten policies a node and 150 in all, and counts what each list leaves out", () => {
    const capped = capContent(content(30, 12));
    const nodes = capped.policies!.dimensions[0].nodes;
    expect(nodes.slice(0, 15).every((n) => n.policies.length === REPORT_CAPS.perNode)).toBe(true);
    expect(nodes.reduce((n, node) => n + node.policies.length, 0)).toBe(REPORT_CAPS.policies);
    expect(nodes[15].policies).toEqual([]);
    expect(capped.omitted?.["node:n0"]).toBe(2);
    expect(capped.omitted?.["node:n15"]).toBe(12);
    expect(capped.impacts!.raised).toHaveLength(REPORT_CAPS.impacts);
    expect(capped.omitted?.["impacts.raised"]).toBe(20);
    expect(capped.policies!.total).toBe(360);
  });

  it("leaves a small report whole, and says in the outline what a capped list leaves out", () => {
    expect(capContent({ ...content(2, 3), impacts: { raised: [], acknowledged: [] } }).omitted).toBeUndefined();
    const text = JSON.stringify(reportOutline({ title: "보고서", authorName: null, generatedAt: null }, capContent(content(30, 12))));
    expect(text).toContain("그 밖에 20건은 보고서에 싣지 않았습니다.");
    expect(text).toContain("그 밖에 12건은");
  });
});
