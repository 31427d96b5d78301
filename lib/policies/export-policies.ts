import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { frameworkDimensions, frameworkNodes, issuingBodies, policies, policyFrameworkNodes, policyIssuingBodies, policyPassages } from "../../db/schema";
import { toCsv } from "../csv";
import type { PolicyFilters } from "./filters";
import { filterCondition, sortOrder } from "./filtered-list";
import { CSV_COLUMNS } from "./csv";

// No "server-only": the route handlers and the CLI share this.

/** How many policies one export holds at most. */
export const EXPORT_LIMIT = 50_000;

export type ExportedPolicy = Record<(typeof CSV_COLUMNS)[number], string>;

/** The policies of a filtered view (the screen's filters, every page), in the CSV's columns. */
export async function exportPolicies(tx: Executor, filters: PolicyFilters): Promise<ExportedPolicy[]> {
  const rows = await tx.select().from(policies).where(filterCondition(filters)).orderBy(...sortOrder(filters.sort, filters.q)).limit(EXPORT_LIMIT);
  const ids = rows.map((r) => r.id);
  const [bodies, nodes, passages] = ids.length
    ? await Promise.all([
        tx
          .select({ policyId: policyIssuingBodies.policyId, name: issuingBodies.nameZh })
          .from(policyIssuingBodies)
          .innerJoin(issuingBodies, eq(issuingBodies.id, policyIssuingBodies.issuingBodyId))
          .where(inArray(policyIssuingBodies.policyId, ids))
          .orderBy(asc(policyIssuingBodies.position)),
        tx
          .select({ policyId: policyFrameworkNodes.policyId, label: frameworkNodes.labelKo })
          .from(policyFrameworkNodes)
          .innerJoin(frameworkNodes, eq(frameworkNodes.id, policyFrameworkNodes.nodeId))
          .innerJoin(frameworkDimensions, eq(frameworkDimensions.id, frameworkNodes.dimensionId))
          .where(inArray(policyFrameworkNodes.policyId, ids))
          .orderBy(asc(frameworkDimensions.position), asc(frameworkNodes.position), asc(frameworkNodes.labelKo)),
        tx
          .select({ policyId: policyPassages.policyId, selector: policyPassages.selector })
          .from(policyPassages)
          .where(inArray(policyPassages.policyId, ids))
          .orderBy(asc(policyPassages.id)),
      ])
    : [[], [], []];
  const group = (list: { policyId: string; value: string }[]) => {
    const map = new Map<string, string[]>();
    for (const { policyId, value } of list) map.set(policyId, [...(map.get(policyId) ?? []), value]);
    return map;
  };
  const bodyMap = group(bodies.map((b) => ({ policyId: b.policyId, value: b.name })));
  const nodeMap = group(nodes.map((n) => ({ policyId: n.policyId, value: n.label })));
  const passageMap = group(passages.map((p) => ({ policyId: p.policyId, value: p.selector.quote })));
  const announced = (r: (typeof rows)[number]) =>
    !r.announcedOn ? "" : r.announcedPrecision === "year" ? r.announcedOn.slice(0, 4) : r.announcedPrecision === "month" ? r.announcedOn.slice(0, 7) : r.announcedOn;
  return rows.map((r) => ({
    title_zh: r.titleZh ?? "",
    title_ko: r.titleKo,
    title_en: r.titleEn ?? "",
    issuing_bodies: (bodyMap.get(r.id) ?? []).join("; "),
    document_number: r.documentNumber ?? "",
    instrument_type: r.instrumentType,
    status: r.status,
    announced_on: announced(r),
    effective_on: r.effectiveOn ?? "",
    source_url: r.sourceUrl ?? "",
    framework_nodes: (nodeMap.get(r.id) ?? []).join("; "),
    relation: r.relation ?? "",
    summary: r.summaryText,
    significance: r.significance,
    last_checked_on: r.lastCheckedOn ?? "",
    passages: (passageMap.get(r.id) ?? []).join("\n"),
  }));
}

/** The exported policies as a re-importable CSV file. */
export function policiesCsv(rows: ExportedPolicy[]): string {
  return toCsv([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]))]);
}
