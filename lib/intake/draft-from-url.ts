import { and, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { intakeEntries, sources } from "../../db/schema";
import { AppError } from "../actions/result";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { listIssuingBodies } from "../policies/form-queries";
import type { IssuingBodyView } from "../policies/queries";
import { type InstrumentGuess, extractPolicyPage } from "./policy-page";
import { FetchError, type FetchErrorCode, type SafeFetchOptions, safeFetch } from "./safe-fetch";

/** A policy draft read from its page: every field a guess until a person saves it. */
export type PolicyDraft = {
  sourceUrl: string;
  titleZh: string | null;
  documentNumber: string | null;
  issuingBodyIds: string[];
  /** Issuer names on the page that match no known body: offered for creation. */
  unknownBodies: string[];
  announcedOn: string | null;
  effectiveOn: string | null;
  instrumentType: InstrumentGuess;
  /** Which form fields hold a guess. */
  guessed: string[];
};

export type DraftResult = { ok: true; draft: PolicyDraft } | { ok: false; error: FetchErrorCode; status: number | null };

const fold = (name: string) => name.normalize("NFKC").replace(/\s+/g, "");

/** Matches issuer names to known bodies by Chinese name or abbreviation, ignoring width and spacing. */
export function matchBodies(names: string[], bodies: IssuingBodyView[]): { ids: string[]; unknown: string[] } {
  const byName = new Map<string, string>();
  for (const b of bodies) {
    byName.set(fold(b.nameZh), b.id);
    if (b.abbreviation) byName.set(fold(b.abbreviation), b.id);
  }
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const id = byName.get(fold(name));
    if (id) {
      if (!ids.includes(id)) ids.push(id);
    } else if (!unknown.includes(name)) unknown.push(name);
  }
  return { ids, unknown };
}

/**
 * Reads a policy's page (under the one fetch safety rule) and fills a draft: Chinese title,
 * document number, issuers, dates and instrument type, as guesses for the editor to review.
 */
export async function draftFromUrl({ actor, url, fetch }: { actor: Actor; url: string; fetch?: SafeFetchOptions }): Promise<DraftResult> {
  assertCan(actor, "policies.edit");
  let page;
  try {
    page = await safeFetch(url, { ...fetch, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5" });
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, error: error.code, status: error.status ?? null };
    throw error;
  }
  if (page.notModified) return { ok: false, error: "http_status", status: 304 };
  const read = extractPolicyPage(page.text, page.url);
  const { ids, unknown } = matchBodies(read.issuingBodies, await listIssuingBodies());
  const draft: PolicyDraft = {
    sourceUrl: url,
    titleZh: read.titleZh,
    documentNumber: read.documentNumber,
    issuingBodyIds: ids,
    unknownBodies: unknown,
    announcedOn: read.announcedOn ?? read.writtenOn,
    effectiveOn: read.effectiveOn,
    instrumentType: read.instrumentType,
    guessed: [],
  };
  const guessed: [string, unknown][] = [
    ["titleZh", draft.titleZh],
    ["documentNumber", draft.documentNumber],
    ["issuingBodyIds", ids.length || unknown.length],
    ["announcedOn", draft.announcedOn],
    ["effectiveOn", draft.effectiveOn],
    ["instrumentType", draft.instrumentType !== "other"],
  ];
  draft.guessed = guessed.filter(([, value]) => Boolean(value)).map(([field]) => field);
  return { ok: true, draft };
}

/** An intake entry as the new-policy form starts from it (only entries still to triage). */
export async function entryForLogging(entryId: string) {
  const [entry] = await db()
    .select({
      id: intakeEntries.id,
      title: intakeEntries.title,
      url: intakeEntries.url,
      state: intakeEntries.state,
      policyId: intakeEntries.policyId,
      sourceName: sources.name,
    })
    .from(intakeEntries)
    .innerJoin(sources, eq(sources.id, intakeEntries.sourceId))
    .where(and(eq(intakeEntries.id, entryId)));
  if (!entry) throw new AppError("not_found");
  return entry;
}
