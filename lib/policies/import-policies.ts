import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "../../db/client";
import { briefRevisions, briefs, frameworkNodes, issuingBodies, policies } from "../../db/schema";
import { decodeCsvFile } from "../csv-file";
import { fieldErrorsFrom } from "../actions/result";
import { recordActivity } from "../activity/record";
import { publish } from "../live/publish";
import { alertNewMatches } from "../saved-searches/alerts";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import type { MessageKey, Translate } from "../i18n/catalog";
import { CSV_COLUMNS, type CsvColumn, parseCsv, splitMulti } from "./csv";
import { documentNumberKey } from "./document-number";
import { type DuplicateCandidate, findDuplicates } from "./find-duplicates";
import { policyColumns, resolveReferences, snapshotPolicy, writeLinks } from "./policy-writes";
import { type CreatePolicyData, createPolicySchema } from "./schemas";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportReport = {
  /** Data rows read (the header excluded). */
  rows: number;
  /** How the file's bytes were read ("UTF-8", "CP949 (EUC-KR)", …). */
  encoding: string;
  /** Issuing bodies the file names that do not exist yet: the import creates them (Chinese name only). */
  newBodies: string[];
  toCreate: { line: number; titleKo: string }[];
  /** Rows that repeat a saved policy (`id`) or an earlier row of the same file (`line`). */
  duplicates: { line: number; titleKo: string; existing: (Pick<DuplicateCandidate, "titleKo" | "reason"> & { id?: string; line?: number })[] }[];
  invalid: { line: number; errors: string[] }[];
  /** Policies written: 0 for a dry run, and 0 when any row is invalid (all or nothing). */
  created: number;
  /** Set when the file itself cannot be read (no header, unknown columns, too large). */
  fileError?: string;
};

/** `YYYY-MM-DD` as is; `YYYY-MM` as the 1st of the month with month precision; `YYYY` as 1 January with year precision. */
function parseDate(value: string): { date: string; precision: "day" | "month" | "year" } {
  const v = value.trim();
  if (!v) return { date: "", precision: "day" };
  if (/^\d{4}-\d{2}$/.test(v)) return { date: `${v}-01`, precision: "month" };
  if (/^\d{4}$/.test(v)) return { date: `${v}-01-01`, precision: "year" };
  return { date: v, precision: "day" };
}

/** How names and numbers are compared: width and compatibility forms folded (NFKC), spaces ignored, any case. */
export function nameKey(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Character bigrams of a label, for "did you mean". */
function bigrams(value: string): Set<string> {
  const v = nameKey(value);
  const out = new Set<string>();
  for (let i = 0; i < v.length - 1; i++) out.add(v.slice(i, i + 2));
  if (v.length === 1) out.add(v);
  return out;
}

/** The known label closest to `label` (Dice coefficient over bigrams), if any is reasonably close. */
function closest(label: string, labels: string[]): string | null {
  const wanted = bigrams(label);
  let best: { label: string; score: number } | null = null;
  for (const candidate of labels) {
    const other = bigrams(candidate);
    let shared = 0;
    for (const b of wanted) if (other.has(b)) shared++;
    const score = (2 * shared) / (wanted.size + other.size || 1);
    if (!best || score > best.score) best = { label: candidate, score };
  }
  return best && best.score >= 0.3 ? best.label : null;
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
  const [bodies, nodes, [brief]] = await Promise.all([
    tx.select().from(issuingBodies),
    tx.select().from(frameworkNodes).where(and(isNull(frameworkNodes.archivedAt), isNull(frameworkNodes.mergedIntoId))),
    tx
      .select({ revisionId: briefRevisions.id, text: briefRevisions.plainText })
      .from(briefs)
      .innerJoin(briefRevisions, eq(briefRevisions.id, briefs.currentRevisionId))
      .orderBy(asc(briefs.createdAt))
      .limit(1),
  ]);
  const bodyByName = new Map<string, string>();
  for (const b of bodies) for (const name of [b.nameZh, b.nameKo, b.nameEn, b.abbreviation]) if (name) bodyByName.set(nameKey(name), b.id);
  const nodeByLabel = new Map<string, string>();
  for (const n of nodes) for (const label of [n.labelKo, n.labelEn]) if (label && !nodeByLabel.has(nameKey(label))) nodeByLabel.set(nameKey(label), n.id);
  const nodeLabels = nodes.map((n) => n.labelKo);
  return { bodyByName, nodeByLabel, nodeLabels, brief: brief ?? null };
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

type Planned = { line: number; data: CreatePolicyData; newBodies: string[] };

/** Reads and checks the file without writing: what would be created, what duplicates, what is invalid. */
async function plan(tx: Executor, csv: string, encoding: string, t: Translate): Promise<{ report: ImportReport; planned: Planned[] }> {
  const empty: ImportReport = { rows: 0, encoding, newBodies: [], toCreate: [], duplicates: [], invalid: [], created: 0 };
  if (csv.length > MAX_IMPORT_BYTES) return { report: { ...empty, fileError: t("policies.importTooLarge") }, planned: [] };
  const damaged = damagedLine(csv);
  if (damaged) return { report: { ...empty, fileError: t("policies.importNotUtf8", { line: damaged }) }, planned: [] };
  const [header = [], ...records] = parseCsv(csv);
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (!columns.includes("title_zh") || !columns.includes("title_ko") || unknown.length) {
    return { report: { ...empty, fileError: t("policies.importBadHeader", { columns: CSV_COLUMNS.join(", ") }) }, planned: [] };
  }
  const { bodyByName, nodeByLabel, nodeLabels, brief } = await lookups(tx);
  const report: ImportReport = { ...empty, rows: records.length };
  const planned: Planned[] = [];
  // Bodies this file introduces (by key → the name as first written), and the rows already read.
  const newBodies = new Map<string, string>();
  const seen = new Map<string, { line: number; titleKo: string; reason: "document_number" | "title" }>();
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const cell = (c: CsvColumn) => (record[columns.indexOf(c)] ?? "").trim();
    const errors: string[] = [];
    // Unknown issuing bodies are created by the import; unknown framework nodes are errors (the
    // taxonomy is curated), with the nearest existing label as a suggestion.
    const rowNewBodies: string[] = [];
    const bodyIds = splitMulti(cell("issuing_bodies")).map((name) => {
      const id = bodyByName.get(nameKey(name));
      if (!id) {
        if (!newBodies.has(nameKey(name))) newBodies.set(nameKey(name), name);
        rowNewBodies.push(newBodies.get(nameKey(name))!);
      }
      return id;
    });
    const nodeIds = splitMulti(cell("framework_nodes")).map((label) => {
      const id = nodeByLabel.get(nameKey(label));
      if (!id) {
        const suggestion = closest(label, nodeLabels);
        errors.push(suggestion ? t("policies.importUnknownNodeSuggest", { label, suggestion }) : t("policies.importUnknownNode", { label }));
      }
      return id;
    });
    const passages = cell("passages")
      .split(/\r?\n/)
      .map((quote) => quote.trim())
      .filter(Boolean)
      .flatMap((quote) => {
        const start = brief ? brief.text.indexOf(quote) : -1;
        if (!brief || start < 0) {
          errors.push(t("policies.importPassageNotFound", { quote: quote.length > 40 ? `${quote.slice(0, 40)}…` : quote }));
          return [];
        }
        return [{ revisionId: brief.revisionId, start, end: start + quote.length, quote }];
      });
    const announced = parseDate(cell("announced_on"));
    const parsed = createPolicySchema.safeParse({
      titleZh: cell("title_zh"),
      titleKo: cell("title_ko"),
      titleEn: cell("title_en"),
      documentNumber: cell("document_number"),
      instrumentType: cell("instrument_type") || undefined,
      status: cell("status") || undefined,
      announcedOn: announced.date,
      announcedPrecision: announced.precision,
      effectiveOn: cell("effective_on"),
      sourceUrl: cell("source_url"),
      relation: cell("relation"),
      summary: textToDoc(record[columns.indexOf("summary")] ?? ""),
      significance: cell("significance") || undefined,
      lastCheckedOn: cell("last_checked_on"),
      passages,
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
    // The same policy twice in one file: the second is a duplicate of the first.
    const keys = [
      parsed.data.documentNumber ? `n:${documentNumberKey(parsed.data.documentNumber)}` : null,
      `t:${nameKey(parsed.data.titleZh ?? "")}:${nameKey(parsed.data.titleKo)}`,
    ].filter((k): k is string => k !== null);
    const earlier = keys.map((k) => seen.get(k)).find(Boolean);
    if (earlier) {
      report.duplicates.push({ line, titleKo: parsed.data.titleKo, existing: [{ line: earlier.line, titleKo: earlier.titleKo, reason: earlier.reason }] });
      continue;
    }
    for (const k of keys) seen.set(k, { line, titleKo: parsed.data.titleKo, reason: k.startsWith("n:") ? "document_number" : "title" });
    report.toCreate.push({ line, titleKo: parsed.data.titleKo });
    planned.push({ line, data: parsed.data, newBodies: rowNewBodies });
  }
  // Only bodies that rows about to be created need.
  const needed = new Set(planned.flatMap((p) => p.newBodies));
  report.newBodies = [...newBodies.values()].filter((name) => needed.has(name));
  return { report, planned };
}

/**
 * Imports policies from CSV (see README for the columns). A dry run only reports. A real import
 * is all or nothing in one transaction: any invalid row and nothing is written; rows that
 * duplicate an existing policy are skipped and listed.
 */
export async function importPolicies({
  actor,
  csv,
  bytes,
  dryRun,
  t,
}: {
  actor: Actor;
  /** The file as text, or … */
  csv?: string;
  /** … as the bytes uploaded, in any encoding the import reads (see decodeCsvFile). */
  bytes?: Uint8Array;
  dryRun: boolean;
  t: Translate;
}): Promise<ImportReport> {
  assertCan(actor, "policies.edit");
  const file = bytes ? decodeCsvFile(bytes) : { text: csv ?? "", encoding: "UTF-8" };
  return db().transaction(async (tx) => {
    const { report, planned } = await plan(tx, file.text, file.encoding, t);
    if (dryRun || report.fileError || report.invalid.length) return report;
    // New bodies: the Chinese name from the file, the Korean name left for a person to fill.
    const created = new Map<string, string>();
    for (const name of report.newBodies) {
      const [body] = await tx.insert(issuingBodies).values({ nameZh: name, nameKo: "" }).returning({ id: issuingBodies.id });
      created.set(name, body.id);
    }
    const createdIds: string[] = [];
    for (const { data, newBodies } of planned) {
      for (const name of newBodies) data.issuingBodyIds.push(created.get(name)!);
      const refs = await resolveReferences(tx, data);
      const [row] = await tx.insert(policies).values({ ...policyColumns(data), createdById: actor.id }).returning({ id: policies.id });
      await writeLinks(tx, row.id, refs, false);
      createdIds.push(row.id);
      await recordActivity(tx, { actorId: actor.id, action: "policy.imported", entityType: "policy", entityId: row.id, after: await snapshotPolicy(tx, row.id), publish: false });
    }
    // Saved searches are tested once for the whole import, not once per row.
    await alertNewMatches(tx, { actorId: actor.id, policyIds: createdIds });
    // One event for the whole import: open screens refresh once, not once per row.
    if (planned.length) await publish(tx, { entityType: "policy", entityId: "import", kind: "policy.imported" });
    return { ...report, created: planned.length };
  });
}

export const importPoliciesSchema = z.object({
  /** The file's text (callers that read it themselves) … */
  csv: z.string().max(MAX_IMPORT_BYTES, { message: "policies.importTooLarge" satisfies MessageKey }).optional(),
  /** … or the file as uploaded, decoded on the server whatever its encoding. */
  file: z
    .instanceof(Blob)
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { message: "policies.importTooLarge" satisfies MessageKey })
    .optional(),
  dryRun: z.preprocess((v) => v === true || v === "1" || v === "true", z.boolean()).default(true),
});
