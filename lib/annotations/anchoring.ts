import type { PassageSelector } from "../../db/schema/brief";

/**
 * Re-anchoring: where does a passage selected on one revision sit in another revision's plain
 * text? Pure and synchronous (no database). Offsets are UTF-16 code units, the same JavaScript
 * string indices that lib/editor/plain-text.ts and the browser use.
 *
 * Order: the exact quote (several occurrences are told apart by their context and nearness to
 * the old position) → the position hint (the passage edited in place, its context unchanged) →
 * fuzzy matching of the quote with a bounded edit distance, ranked by context → orphaned.
 */
export type AnchorMethod = "exact" | "position" | "fuzzy";
export type Anchor =
  | { orphaned: false; start: number; end: number; method: AnchorMethod }
  | { orphaned: true; start: null; end: null; method: "orphaned" };

export const ORPHANED: Anchor = { orphaned: true, start: null, end: null, method: "orphaned" };

/** Share of a quote's characters that may be edited while it still counts as the same passage. */
export const FUZZY_TOLERANCE = 0.3;
/** Shorter quotes are only matched exactly: a few edits would turn them into anything. */
export const FUZZY_MIN_LENGTH = 5;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the text around [start, end) agrees with the selector's context, 0…1. */
function contextAgreement(selector: PassageSelector, text: string, start: number, end: number): number {
  const { prefix, suffix } = selector;
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return (commonSuffixLength(prefix, before) + commonPrefixLength(suffix, after)) / total;
}

/** 0 at the old position, up to 1 at the far end of the text. */
function distanceFromHint(selector: PassageSelector, text: string, start: number): number {
  return Math.abs(start - selector.start) / Math.max(text.length, 1);
}

function allOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * End offsets j where some substring text[s, j) is within `maxErrors` edits of `pattern`, each
 * with that smallest distance (Sellers' algorithm: edit distance with a free start in the text).
 * Only the best end of each run of neighbouring candidates is kept.
 */
function approximateEnds(text: string, pattern: string, maxErrors: number): { end: number; errors: number }[] {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const ends: { end: number; errors: number }[] = [];
  let runEnd = -2;
  for (let j = 1; j <= text.length; j++) {
    const c = text[j - 1];
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const substitute = prev[i - 1] + (pattern[i - 1] === c ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      cur[i] = substitute < del ? (substitute < ins ? substitute : ins) : del < ins ? del : ins;
    }
    if (cur[m] <= maxErrors) {
      const last = ends[ends.length - 1];
      if (last && runEnd === j - 1) {
        if (cur[m] < last.errors) ends[ends.length - 1] = { end: j, errors: cur[m] };
      } else {
        ends.push({ end: j, errors: cur[m] });
      }
      runEnd = j;
    }
    [prev, cur] = [cur, prev];
  }
  return ends;
}

/** The start s that makes text[s, end) closest to `pattern` (edit distance), and that distance. */
function bestStart(text: string, pattern: string, end: number, maxErrors: number): { start: number; errors: number } {
  // Walk backwards from `end`: row i = the last i pattern characters, column l = the last l text characters.
  const m = pattern.length;
  const width = Math.min(end, m + maxErrors);
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let l = 0; l <= width; l++) prev[l] = l;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const p = pattern[m - i];
    for (let l = 1; l <= width; l++) {
      const substitute = prev[l - 1] + (p === text[end - l] ? 0 : 1);
      cur[l] = Math.min(substitute, prev[l] + 1, cur[l - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = { start: end - m, errors: Number.POSITIVE_INFINITY };
  for (let l = 0; l <= width; l++) {
    // Ties go to the length nearest the quote's own.
    if (prev[l] < best.errors || (prev[l] === best.errors && Math.abs(l - m) < Math.abs(end - best.start - m))) {
      best = { start: end - l, errors: prev[l] };
    }
  }
  return best;
}

function exactAnchor(selector: PassageSelector, text: string): Anchor | null {
  const occurrences = allOccurrences(text, selector.quote);
  if (occurrences.length === 0) return null;
  let best = occurrences[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const start of occurrences) {
    // Context decides; nearness to the old position only breaks ties between equal contexts.
    const score = contextAgreement(selector, text, start, start + selector.quote.length) - distanceFromHint(selector, text, start) * 0.01;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  return { orphaned: false, start: best, end: best + selector.quote.length, method: "exact" };
}

/** The passage edited in place: the old offsets still hold something close, with its context intact. */
function positionAnchor(selector: PassageSelector, text: string): Anchor | null {
  const { quote, prefix, suffix, start } = selector;
  if (start < 0 || start > text.length || quote.length < FUZZY_MIN_LENGTH) return null;
  if (text.slice(Math.max(0, start - prefix.length), start) !== prefix) return null;
  // Where the suffix now begins, near the old end.
  const window = Math.ceil(quote.length * FUZZY_TOLERANCE);
  const from = start + quote.length - window;
  for (let delta = 0; delta <= window; delta++) {
    for (const end of delta === 0 ? [start + quote.length] : [start + quote.length + delta, start + quote.length - delta]) {
      if (end <= start || end > text.length || end < from) continue;
      if (suffix.length > 0 ? text.startsWith(suffix, end) : end === text.length) {
        return { orphaned: false, start, end, method: "position" };
      }
    }
  }
  return null;
}

function fuzzyAnchor(selector: PassageSelector, text: string): Anchor | null {
  const { quote } = selector;
  if (quote.length < FUZZY_MIN_LENGTH) return null;
  const maxErrors = Math.floor(quote.length * FUZZY_TOLERANCE);
  let best: { start: number; end: number; score: number } | null = null;
  for (const { end } of approximateEnds(text, quote, maxErrors)) {
    const { start, errors } = bestStart(text, quote, end, maxErrors);
    if (errors > maxErrors || end <= start) continue;
    // Fewer edits first; context and nearness weigh like a fraction of an edit each.
    const score = -errors / quote.length + contextAgreement(selector, text, start, end) * 0.5 - distanceFromHint(selector, text, start) * 0.1;
    if (!best || score > best.score) best = { start, end, score };
  }
  return best ? { orphaned: false, start: best.start, end: best.end, method: "fuzzy" } : null;
}

/** Where `selector` (made on another revision) sits in `text`, or ORPHANED. */
export function anchorSelector(selector: PassageSelector, text: string): Anchor {
  if (selector.quote.length === 0) return ORPHANED;
  return exactAnchor(selector, text) ?? positionAnchor(selector, text) ?? fuzzyAnchor(selector, text) ?? ORPHANED;
}
