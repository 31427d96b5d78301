import { normaliseSearchText } from "./normalise";
import type { SearchQuery } from "./query";

/** A piece of text to show, marked when it is (part of) a matched term. */
export type Segment = { text: string; match: boolean };

const CJK = /[\p{Script=Hangul}\p{Script=Han}]/u;

/**
 * `text` normalised as the stored search text is, with, for each UTF-16 unit of the result, the
 * offset in `text` of the character it came from: so a match found on normalised text (國務院 for
 * 国务院, ＡＩ for ai, 인공 지능 for 인공지능) is marked on the characters the reader sees.
 */
function normaliseWithOffsets(text: string): { normal: string; from: number[]; to: number[] } {
  const chars: { start: number; end: number; normal: string }[] = [];
  let offset = 0;
  for (const c of text) {
    chars.push({ start: offset, end: offset + c.length, normal: /\s/u.test(c) ? " " : normaliseSearchText(c) });
    offset += c.length;
  }
  let normal = "";
  const from: number[] = [];
  const to: number[] = [];
  chars.forEach((c, i) => {
    let piece = c.normal;
    if (piece === " ") {
      // Whitespace collapses to one space, and disappears next to Korean or Chinese (as in normaliseSearchText).
      const next = chars.slice(i + 1).find((n) => n.normal && n.normal !== " ");
      if (!normal || normal.endsWith(" ") || CJK.test(normal.slice(-1)) || !next || CJK.test(next.normal[0])) piece = "";
    }
    for (let k = 0; k < piece.length; k++) {
      from.push(c.start);
      to.push(c.end);
    }
    normal += piece;
  });
  return { normal, from, to };
}

/** The ranges of `text` (start, end offsets) where the query's included terms appear, merged. */
export function matchRanges(text: string, query: SearchQuery): [number, number][] {
  const { normal, from, to } = normaliseWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const term of query.include) {
    for (const form of term.forms) {
      if (!form) continue;
      for (let at = normal.indexOf(form); at >= 0; at = normal.indexOf(form, at + form.length)) {
        ranges.push([from[at], to[at + form.length - 1]]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` cut into plain and matched segments, for rendering as text nodes (never as markup). */
export function highlight(text: string, query: SearchQuery): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, query)) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || !segments.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/**
 * A window of about `width` characters of `text` around its first match (the start when nothing
 * matches), cut into segments; an ellipsis marks text left out on either side.
 */
export function snippet(text: string, query: SearchQuery, width = 120): Segment[] {
  const flat = text.replace(/\s+/gu, " ").trim();
  const first = matchRanges(flat, query)[0];
  const start = first ? Math.max(0, Math.min(first[0] - Math.floor(width / 3), flat.length - width)) : 0;
  const end = Math.min(flat.length, start + width);
  const window = `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
  return highlight(window, query);
}
