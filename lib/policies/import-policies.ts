import { and, isNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "../../db/client";
import { frameworkNodes, issuingBodies, policies } from "../../db/schema";
import { fieldErrorsFrom } from "../actions/result";
import { recordActivity } from "../activity/record";
import { publish } from "../live/publish";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import type { MessageKey, Translate } from "../i18n/catalog";
import { CSV_COLUMNS, type CsvColumn, parseCsv, splitMulti } from "./csv";
import { type DuplicateCandidate, findDuplicates } from "./find-duplicates";
import { policyColumns, resolveReferences, snapshotPolicy, writeLinks } from "./policy-writes";
import { type CreatePolicyData, createPolicySchema } from "./schemas";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportReport = {
  /** Data rows read (the header excluded). */
  rows: number;
  toCreate: { line: number; titleKo: string }[];
  duplicates: { line: number; titleKo: string; existing: Pick<DuplicateCandidate, "id" | "titleKo" | "reason">[] }[];
  invalid: { line: number; errors: string[] }[];
  /** Policies written: 0 for a dry run, and 0 when any row is invalid (all or nothing). */
  created: number;
  /** Set when the file itself cannot be read (no header, unknown columns, too large). */
  fileError?: string;
};

/** `YYYY-MM-DD` as is; `YYYY-MM` as the 1st of the month with month precision. */
function parseDate(value: string): { date: string; precision: "day" | "month" } | string {
  const v = value.trim();
  if (!v) return { date: "", precision: "day" };
  if (/^\d{4}-\d{2}$/.test(v)) return { date: `${v}-01`, precision: "month" };
  return { date: v, precision: "day" };
}

/** Plain text to a document of one paragraph per line (its plain text is the same text again). */
function textToDoc(text: string) {
  if (!text.trim()) return null;
  return {
    type: "doc" as const,
    content: text.split(/\r?\n/).map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

async function lookups(tx: Executor) {
  const [bodies, nodes] = await Promise.all([
    tx.select().from(issuingBodies),
    tx.select().from(frameworkNodes).where(and(isNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId))),
  ]);
  const bodyByName = new Map<string, string>();
  for (const b of bodies) for (const name of [b.nameZh, b.nameKo, b.nameEn, b.abbreviation]) if (name) bodyByName.set(name.trim().toLowerCase(), b.id);
  const nodeByLabel = new Map<string, string>();
  for (const n of nodes) for (const label of [n.labelKo, n.labelEn]) if (label && !nodeByLabel.has(label.trim().toLowerCase())) nodeByLabel.set(label.trim().toLowerCase(), n.id);
  return { bodyByName, nodeByLabel };
}

/**
 * The first line (1-based) holding a U+FFFD replacement character, a NUL or a lone surrogate; 0
 * when there is none. A file that is not UTF-8 — typically a CP949 or GBK export of a Korean or
 * Chinese spreadsheet — reaches us decoded with U+FFFD where its bytes were: refusing the file
 * says so, where importing it would store the damage in every title.
 */
function damagedLine(csv: string): number {
  const at = csv.search(/[\uFFFD\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  return at < 0 ? 0 : csv.slice(0, at).split(/\r\n|\n|\r/).length;
}

type Planned = { line: number; data: CreatePolicyData };

/** Reads and checks the file without writing: what would be created, what duplicates, what is invalid. */
async function plan(tx: Executor, csv: string, t: Translate): Promise<{ report: ImportReport; planned: Planned[] }> {
  const empty: ImportReport = { rows: 0, toCreate: [], duplicates: [], invalid: [], created: 0 };
  if (csv.length > MAX_IMPORT_BYTES) return { report: { ...empty, fileError: t("policies.importTooLarge") }, planned: [] };
  const damaged = damagedLine(csv);
  if (damaged) return { report: { ...empty, fileError: t("policies.importNotUtf8", { line: damaged }) }, planned: [] };
  const [header = [], ...records] = parseCsv(csv);
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (!columns.includes("title_zh") || !columns.includes("title_ko") || unknown.length) {
    return { report: { ...empty, fileError: t("policies.importBadHeader", { columns: CSV_COLUMNS.join(", ") }) }, planned: [] };
  }
  const { bodyByName, nodeByLabel } = await lookups(tx);
  const report: ImportReport = { ...empty, rows: records.length };
  const planned: Planned[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const cell = (c: CsvColumn) => (record[columns.indexOf(c)] ?? "").trim();
    const errors: string[] = [];
    const bodyIds = splitMulti(cell("issuing_bodies")).map((name) => {
      const id = bodyByName.get(name.toLowerCase());
      if (!id) errors.push(t("policies.importUnknownBody", { name }));
      return id;
    });
    const nodeIds = splitMulti(cell("framework_nodes")).map((label) => {
      const id = nodeByLabel.get(label.toLowerCase());
      if (!id) errors.push(t("policies.importUnknownNode", { label }));
      return id;
    });
    const announced = parseDate(cell("announced_on"));
    const parsed = createPolicySchema.safeParse({
      titleZh: cell("title_zh"),
      titleKo: cell("title_ko"),
      titleEn: cell("title_en"),
      documentNumber: cell("document_number"),
      instrumentType: cell("instrument_type") || undefined,
      status: cell("status") || undefined,
      announcedOn: typeof announced === "string" ? announced : announced.date,
      announcedPrecision: typeof announced === "string" ? "day" : announced.precision,
      effectiveOn: cell("effective_on"),
      sourceUrl: cell("source_url"),
      relation: cell("relation"),
      summary: textToDoc(record[columns.indexOf("summary")] ?? ""),
      issuingBodyIds: bodyIds.filter(Boolean),
      nodeIds: nodeIds.filter(Boolean),
      confirmDuplicates: true,
    });
    if (!parsed.success) {
      for (const [field, messages] of Object.entries(fieldErrorsFrom(parsed.error, t))) errors.push(`${field}: ${messages.join(" ")}`);
    }
    if (errors.length || !parsed.success) {
      report.invalid.push({ line, errors });
      continue;
    }
    const duplicates = await findDuplicates(tx, parsed.data);
    if (duplicates.length) {
      report.duplicates.push({ line, titleKo: parsed.data.titleKo, existing: duplicates.map(({ id, titleKo, reason }) => ({ id, titleKo, reason })) });
      continue;
    }
    report.toCreate.push({ line, titleKo: parsed.data.titleKo });
    planned.push({ line, data: parsed.data });
  }
  return { report, planned };
}

/**
 * Imports policies from CSV (see README for the columns). A dry run only reports. A real import
 * is all or nothing in one transaction: any invalid row and nothing is written; rows that
 * duplicate an existing policy are skipped and listed.
 */
export async function importPolicies({ actor, csv, dryRun, t }: { actor: Actor; csv: string; dryRun: boolean; t: Translate }): Promise<ImportReport> {
  assertCan(actor, "policies.edit");
  return db().transaction(async (tx) => {
    const { report, planned } = await plan(tx, csv, t);
    if (dryRun || report.fileError || report.invalid.length) return report;
    for (const { data } of planned) {
      const refs = await resolveReferences(tx, data);
      const [row] = await tx.insert(policies).values({ ...policyColumns(data), createdById: actor.id }).returning({ id: policies.id });
      await writeLinks(tx, row.id, refs, false);
      await recordActivity(tx, { actorId: actor.id, action: "policy.imported", entityType: "policy", entityId: row.id, after: await snapshotPolicy(tx, row.id), publish: false });
    }
    // One event for the whole import: open screens refresh once, not once per row.
    if (planned.length) await publish(tx, { entityType: "policy", entityId: "import", kind: "policy.imported" });
    return { ...report, created: planned.length };
  });
}

export const importPoliciesSchema = z.object({
  csv: z.string().max(MAX_IMPORT_BYTES, { message: "policies.importTooLarge" satisfies MessageKey }),
  dryRun: z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean()).default(true),
});
