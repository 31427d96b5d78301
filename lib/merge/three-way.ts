import { diffIndices } from "node-diff3";
import type { RichTextDoc } from "../../db/schema/brief";

/**
 * Three-way merges of an edit made on a version someone else has since changed: `base` is what
 * both started from, `mine` the refused edit, `theirs` what is saved now. Pure and isomorphic:
 * the forms merge in the browser, the tests call it directly.
 */

export type Merged<T> = { value: T; conflict: boolean };

/** Structural equality for JSON-like values (form values, rich-text documents). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** One value: whoever changed it wins; both changed it differently → a conflict (mine kept). */
export function mergeValue<T>(base: T, mine: T, theirs: T): Merged<T> {
  if (sameValue(mine, theirs) || sameValue(theirs, base)) return { value: mine, conflict: false };
  if (sameValue(mine, base)) return { value: theirs, conflict: false };
  return { value: mine, conflict: true };
}

/**
 * A set (tags, issuers): what either side added is in, what either side removed is out. Never a
 * conflict. The order is mine, then what only they added.
 */
export function mergeSet<T>(base: T[], mine: T[], theirs: T[]): Merged<T[]> {
  const key = (v: T) => stableJson(v);
  const inBase = new Set(base.map(key));
  const inMine = new Set(mine.map(key));
  const inTheirs = new Set(theirs.map(key));
  const removedByThem = new Set([...inBase].filter((k) => !inTheirs.has(k)));
  const value = mine.filter((v) => !removedByThem.has(key(v)));
  const seen = new Set(value.map(key));
  for (const v of theirs) {
    const k = key(v);
    if (!inBase.has(k) && !inMine.has(k) && !seen.has(k)) {
      value.push(v);
      seen.add(k);
    }
  }
  return { value, conflict: false };
}

/** A change one side made to the base: base blocks [start, end) replaced by `blocks`. */
type Hunk = { start: number; end: number; blocks: string[]; side: "mine" | "theirs" };

function hunksOf(base: string[], other: string[], side: Hunk["side"]): Hunk[] {
  return diffIndices(base, other).map((h) => ({
    start: h.buffer1[0],
    end: h.buffer1[0] + h.buffer1[1],
    blocks: other.slice(h.buffer2[0], h.buffer2[0] + h.buffer2[1]),
    side,
  }));
}

/** `base[start, end)` with one side's hunks (all inside that range) applied. */
function applyWithin(base: string[], start: number, end: number, hunks: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const h of hunks) {
    out.push(...base.slice(at, h.start), ...h.blocks);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

/**
 * Three-way merge of block lists. Unlike a line-oriented diff3, changes to neighbouring blocks
 * are not a conflict: only hunks whose base ranges overlap (or two insertions at one place) are.
 */
export function mergeBlocks(base: string[], mine: string[], theirs: string[]): Merged<string[]> {
  const hunks = [...hunksOf(base, mine, "mine"), ...hunksOf(base, theirs, "theirs")].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { start: number; end: number; hunks: Hunk[] }[] = [];
  for (const h of hunks) {
    const group = groups.at(-1);
    const overlaps = group && (h.start < group.end || (h.start === h.end && group.start === group.end && h.start === group.start));
    if (group && overlaps) {
      group.end = Math.max(group.end, h.end);
      group.hunks.push(h);
    } else groups.push({ start: h.start, end: h.end, hunks: [h] });
  }
  const value: string[] = [];
  let conflict = false;
  let at = 0;
  for (const group of groups) {
    value.push(...base.slice(at, group.start));
    const side = (name: Hunk["side"]) => applyWithin(base, group.start, group.end, group.hunks.filter((h) => h.side === name));
    const [ours, yours] = [side("mine"), side("theirs")];
    const sides = new Set(group.hunks.map((h) => h.side));
    if (sides.size === 1) value.push(...(sides.has("mine") ? ours : yours));
    else if (ours.length === yours.length && ours.every((b, i) => b === yours[i])) value.push(...ours);
    else {
      conflict = true;
      value.push(...ours, ...yours);
    }
    at = group.end;
  }
  value.push(...base.slice(at));
  return { value, conflict };
}

/**
 * A rich-text document, block by block (paragraphs, headings, lists): changes to different
 * blocks are both applied; where both sides changed the same blocks, both versions are kept, mine
 * first, and the merge reports a conflict for a person to settle in the editor.
 */
export function mergeDoc(base: RichTextDoc | null, mine: RichTextDoc | null, theirs: RichTextDoc | null): Merged<RichTextDoc | null> {
  const quick = mergeValue(base, mine, theirs);
  if (!quick.conflict) return quick;
  const blocks = (doc: RichTextDoc | null) => (doc?.content ?? []).map((block) => stableJson(block));
  const merged = mergeBlocks(blocks(base), blocks(mine), blocks(theirs));
  return { value: { type: "doc", content: merged.value.map((block) => JSON.parse(block) as unknown) }, conflict: merged.conflict };
}

/** How a field of a form merges. */
export type FieldMerge = "value" | "set" | "doc";

/**
 * Merges every field of a form's values. Returns the merged values (mine where both changed) and
 * the fields where both changed differently, for the form to show side by side.
 */
export function mergeFields<V extends Record<string, unknown>>(
  kinds: Partial<Record<keyof V & string, FieldMerge>>,
  base: V,
  mine: V,
  theirs: V,
): { merged: V; conflicts: (keyof V & string)[] } {
  const merged = { ...mine };
  const conflicts: (keyof V & string)[] = [];
  for (const field of Object.keys(kinds) as (keyof V & string)[]) {
    const kind = kinds[field];
    const result =
      kind === "set"
        ? mergeSet(base[field] as unknown[], mine[field] as unknown[], theirs[field] as unknown[])
        : kind === "doc"
          ? mergeDoc(base[field] as RichTextDoc | null, mine[field] as RichTextDoc | null, theirs[field] as RichTextDoc | null)
          : mergeValue(base[field], mine[field], theirs[field]);
    merged[field] = result.value as V[typeof field];
    if (result.conflict) conflicts.push(field);
  }
  return { merged, conflicts };
}
