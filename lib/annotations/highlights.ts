/** A highlighted passage: [start, end) in a revision's plain text. */
export type HighlightRange = { id: string; start: number; end: number };

/** One piece of a text run: [start, end) and the annotations covering all of it (maybe none). */
export type HighlightPiece = { start: number; end: number; ids: string[] };

/**
 * Cuts the run [start, end) at every highlight boundary inside it, so overlapping highlights
 * become flat pieces, each listing the annotations that cover it. `ranges` must be sorted by start.
 */
export function splitRun(start: number, end: number, ranges: readonly HighlightRange[]): HighlightPiece[] {
  const touching = ranges.filter((r) => r.start < end && r.end > start && r.end > r.start);
  if (touching.length === 0) return [{ start, end, ids: [] }];
  const cuts = new Set<number>([start, end]);
  for (const r of touching) {
    if (r.start > start) cuts.add(r.start);
    if (r.end < end) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: HighlightPiece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    pieces.push({ start: a, end: b, ids: touching.filter((r) => r.start < b && r.end > a).map((r) => r.id) });
  }
  return pieces;
}
