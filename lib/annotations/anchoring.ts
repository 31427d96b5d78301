import type { PassageSelector } from "../../db/schema/brief";

/**
 * Re-anchoring: where does a passage selected on one revision sit in another revision's plain
 * text? Pure and synchronous (no database). Offsets are UTF-16 code units, the same JavaScript
 * string indices that lib/editor/plain-text.ts and the browser use.
 *
 * Order: the exact quote (several occurrences are told apart by their context and nearness to
 * the old position) → the position hint (the passage edited in place, its context unchanged) →
 * fuzzy matching of the quote with a bounded edit distance, ranked by context → the context (the
 * prefix and suffix still there, the words between them changed) → orphaned.
 *
 * Short quotes (fewer than FUZZY_MIN_LENGTH characters) are never fuzzy-matched — a few edits
 * would turn them into anything — and an exact match of one counts only where its context agrees;
 * they follow their intact prefix and suffix instead.
 *
 * The work is bounded: fuzzy matching runs only on quotes up to FUZZY_MAX_LENGTH characters, only
 * over the windows of the text that can hold a match, and draws on an `AnchorBudget` shared by a
 * whole publish. A passage the budget cannot afford is orphaned as `over_budget` (needs review)
 * rather than holding the brief's lock; the count is in operations, not time, so the outcome is
 * the same on every machine.
 */
export type AnchorMethod = "exact" | "position" | "fuzzy" | "context";
export type OrphanReason = "orphaned" | "over_budget";
export type Anchor =
  | { orphaned: false; start: number; end: number; method: AnchorMethod }
  | { orphaned: true; start: null; end: null; method: OrphanReason };

/** The method of an anchor a person placed (an orphan re-attached to a passage they selected). */
export const MANUAL_ANCHOR = "manual";

export const ORPHANED: Anchor = { orphaned: true, start: null, end: null, method: "orphaned" };
/** Not placed because the search it needed was over the budget: orphaned, to be reviewed by a person. */
export const OVER_BUDGET: Anchor = { orphaned: true, start: null, end: null, method: "over_budget" };

/** Share of a quote's characters that may be edited while it still counts as the same passage. */
export const FUZZY_TOLERANCE = 0.3;
/** Shorter quotes are only matched exactly or by their context: a few edits would turn them into anything. */
export const FUZZY_MIN_LENGTH = 5;
/** Longer quotes are placed by their quote, position or context only (a fuzzy search costs quote × text). */
export const FUZZY_MAX_LENGTH = 256;
/** How much of the context a short quote's exact match must agree with (0…1). */
export const SHORT_QUOTE_AGREEMENT = 0.5;
/** The context strategy needs at least this many characters of prefix and suffix together. */
export const CONTEXT_MIN_LENGTH = 8;
/** Operations one publish may spend on fuzzy matching (about one edit-distance cell each; ≈ 0.2 s on 2 shared cores). */
export const PUBLISH_ANCHOR_BUDGET = 8_000_000;
/** Candidate ends of a fuzzy search looked at more closely, the best first. */
const MAX_FUZZY_CANDIDATES = 16;
/**
 * A substring scan costs about one unit per character of text, each hit it finds a few more
 * (measured: charged less, the scans of long quotes over a text full of repeated words took
 * seconds while the budget still had room).
 */
const SCAN_COST_PER_CHARACTER = 1;
const SCAN_COST_PER_HIT = 4;

/**
 * Operations left for fuzzy matching; one per publish (or import), spent in a fixed order so the
 * same data always gives the same anchors.
 */
export class AnchorBudget {
  constructor(public remaining: number = PUBLISH_ANCHOR_BUDGET) {}
  /** Takes `cost` when it is left, else takes nothing and says no. */
  spend(cost: number): boolean {
    if (cost > this.remaining) return false;
    this.remaining -= cost;
    return true;
  }
}

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

/** A string's UTF-16 code units, compared as numbers in the inner loops. */
function codesOf(value: string): Uint16Array {
  const codes = new Uint16Array(value.length);
  for (let i = 0; i < value.length; i++) codes[i] = value.charCodeAt(i);
  return codes;
}

/**
 * End offsets j where some substring text[s, j) is within `maxErrors` edits of `pattern`, each
 * with that smallest distance (Sellers' algorithm: edit distance with a free start in the text).
 * Only the best end of each run of neighbouring candidates is kept.
 */
function approximateEnds(text: string, pattern: string, maxErrors: number, from: number, to: number): { end: number; errors: number }[] {
  const m = pattern.length;
  const codes = codesOf(pattern);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const ends: { end: number; errors: number }[] = [];
  let runEnd = -2;
  for (let j = from + 1; j <= to; j++) {
    const c = text.charCodeAt(j - 1);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const substitute = prev[i - 1] + (codes[i - 1] === c ? 0 : 1);
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
  const window = codesOf(text.slice(end - width, end));
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const p = pattern.charCodeAt(m - i);
    for (let l = 1; l <= width; l++) {
      const substitute = prev[l - 1] + (p === window[width - l] ? 0 : 1);
      const del = prev[l] + 1;
      const ins = cur[l - 1] + 1;
      cur[l] = substitute < del ? (substitute < ins ? substitute : ins) : del < ins ? del : ins;
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

function exactAnchor(selector: PassageSelector, text: string, minAgreement = 0): Anchor | null {
  const occurrences = allOccurrences(text, selector.quote);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const start of occurrences) {
    const agreement = contextAgreement(selector, text, start, start + selector.quote.length);
    if (agreement < minAgreement) continue;
    // Context decides; nearness to the old position only breaks ties between equal contexts.
    const score = agreement - distanceFromHint(selector, text, start) * 0.01;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  return best < 0 ? null : { orphaned: false, start: best, end: best + selector.quote.length, method: "exact" };
}

/**
 * The prefix and the suffix both still there, with something of about the quote's length between
 * them: the words of the passage changed, not where it is. The candidate nearest the old position wins.
 */
function contextAnchor(selector: PassageSelector, text: string): Anchor | null {
  const { quote, prefix, suffix } = selector;
  if (prefix.length + suffix.length < CONTEXT_MIN_LENGTH) return null;
  const slack = Math.max(2, Math.ceil(quote.length * FUZZY_TOLERANCE));
  const [shortest, longest] = [Math.max(1, quote.length - slack), quote.length + slack];
  const starts = prefix.length > 0 ? allOccurrences(text, prefix).map((p) => p + prefix.length) : [0];
  let best: { start: number; end: number; distance: number } | null = null;
  for (const start of starts) {
    let end = -1;
    if (suffix.length === 0) {
      end = text.length - start >= shortest && text.length - start <= longest ? text.length : -1;
    } else {
      const at = text.indexOf(suffix, start + shortest);
      end = at >= 0 && at <= start + longest ? at : -1;
    }
    if (end < 0) continue;
    const distance = distanceFromHint(selector, text, start);
    if (!best || distance < best.distance) best = { start, end, distance };
  }
  return best ? { orphaned: false, start: best.start, end: best.end, method: "context" } : null;
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

/**
 * The stretches of `text` that can hold a match of `quote` with at most `maxErrors` edits. The
 * quote is cut into maxErrors + 1 pieces; each edit spoils at most one, so every match contains
 * some piece unchanged, near that piece's own offset (the pigeonhole filter). Null when the scan
 * is over the budget.
 */
function candidateWindows(text: string, quote: string, maxErrors: number, budget: AnchorBudget): [number, number][] | null {
  const m = quote.length;
  const pieces = maxErrors + 1;
  const pieceLength = Math.floor(m / pieces);
  if (!budget.spend(pieces * text.length * SCAN_COST_PER_CHARACTER)) return null;
  const windows: [number, number][] = [];
  for (let k = 0; k < pieces; k++) {
    const offset = k * pieceLength;
    const piece = quote.slice(offset, k === pieces - 1 ? m : offset + pieceLength);
    for (const at of allOccurrences(text, piece)) {
      if (!budget.spend(SCAN_COST_PER_HIT)) return null;
      windows.push([Math.max(0, at - offset - maxErrors), Math.min(text.length, at - offset + m + 2 * maxErrors)]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

function fuzzyAnchor(selector: PassageSelector, text: string, budget: AnchorBudget): Anchor | null {
  const { quote } = selector;
  if (quote.length < FUZZY_MIN_LENGTH) return null;
  if (quote.length > FUZZY_MAX_LENGTH) return OVER_BUDGET;
  const m = quote.length;
  const maxErrors = Math.floor(m * FUZZY_TOLERANCE);
  const windows = candidateWindows(text, quote, maxErrors, budget);
  if (!windows) return OVER_BUDGET;
  if (!budget.spend(windows.reduce((sum, [from, to]) => sum + (to - from) * m, 0))) return OVER_BUDGET;
  const ends = windows
    .flatMap(([from, to]) => approximateEnds(text, quote, maxErrors, from, to))
    .sort((a, b) => a.errors - b.errors || a.end - b.end)
    .slice(0, MAX_FUZZY_CANDIDATES);
  if (!budget.spend(ends.length * m * (m + maxErrors))) return OVER_BUDGET;
  let best: { start: number; end: number; score: number } | null = null;
  for (const { end } of ends) {
    const { start, errors } = bestStart(text, quote, end, maxErrors);
    if (errors > maxErrors || end <= start) continue;
    // Fewer edits first; context and nearness weigh like a fraction of an edit each.
    const score = -errors / quote.length + contextAgreement(selector, text, start, end) * 0.5 - distanceFromHint(selector, text, start) * 0.1;
    if (!best || score > best.score) best = { start, end, score };
  }
  return best ? { orphaned: false, start: best.start, end: best.end, method: "fuzzy" } : null;
}

/**
 * Where `selector` (made on another revision) sits in `text`, or ORPHANED (OVER_BUDGET when the
 * search it needed was not affordable). Pass the publish's shared budget; alone, a call gets one
 * of its own.
 */
export function anchorSelector(selector: PassageSelector, text: string, budget: AnchorBudget = new AnchorBudget()): Anchor {
  if (selector.quote.length === 0) return ORPHANED;
  if (selector.quote.length < FUZZY_MIN_LENGTH) {
    return exactAnchor(selector, text, SHORT_QUOTE_AGREEMENT) ?? contextAnchor(selector, text) ?? ORPHANED;
  }
  const placed = exactAnchor(selector, text) ?? positionAnchor(selector, text);
  if (placed) return placed;
  const fuzzy = fuzzyAnchor(selector, text, budget);
  if (fuzzy && !fuzzy.orphaned) return fuzzy;
  return contextAnchor(selector, text) ?? fuzzy ?? ORPHANED;
}
