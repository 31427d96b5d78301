import type { Translate } from "../i18n/catalog";
import { findCandidateSelectors } from "./html-list";
import { readSource } from "./read-source";
import { type SourceData } from "./schemas";
import { describeSourceError } from "./source-errors";

export type SourcePreview = {
  ok: boolean;
  /** Why nothing (or nothing usable) would be picked up, in words. */
  message: string | null;
  charset: string | null;
  entries: { title: string; url: string; publishedAt: string | null }[];
  /** HTML list pages where the selector found nothing: selectors that match repeated links. */
  suggestions: { selector: string; count: number; sample: string[] }[];
};

const PREVIEW_ENTRIES = 20;

/** What a check of this (unsaved) source would pick up, or why it would pick up nothing. */
export async function previewSource(input: SourceData, t: Translate): Promise<SourcePreview> {
  const reading = await readSource(input);
  if (!reading.ok) return { ok: false, message: describeSourceError(t, reading.error, reading.status), charset: null, entries: [], suggestions: [] };
  if (reading.notModified) return { ok: true, message: null, charset: null, entries: [], suggestions: [] };
  const entries = reading.entries.slice(0, PREVIEW_ENTRIES).map((e) => ({ title: e.title, url: e.url, publishedAt: e.publishedAt?.toISOString() ?? null }));
  if (entries.length) return { ok: true, message: null, charset: reading.charset, entries, suggestions: [] };
  const suggestions = input.kind === "html_list" ? findCandidateSelectors(reading.text, reading.finalUrl) : [];
  return {
    ok: false,
    message: describeSourceError(t, reading.diagnosis?.code ?? "no_links", null),
    charset: reading.charset,
    entries: [],
    suggestions,
  };
}
