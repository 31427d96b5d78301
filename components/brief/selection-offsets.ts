/**
 * Maps a DOM selection inside the annotated text to offsets in the revision's plain text. The
 * server marks every inline piece with `data-o` (its start offset), so a text position is that
 * offset plus the position inside the piece: UTF-16 units on both sides, no text re-derived here.
 */
function pieceOffset(root: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>("[data-o]");
    if (piece && root.contains(piece)) return Number(piece.dataset.o) + offset;
  }
  // A boundary between elements (a triple click, a selection ending at a block's edge): the
  // nearest piece after a start, or before an end.
  const point = document.createRange();
  point.setStart(node, offset);
  const pieces = [...root.querySelectorAll<HTMLElement>("[data-o]")];
  if (edge === "start") {
    const next = pieces.find((p) => point.comparePoint(p, 0) >= 0);
    return next ? Number(next.dataset.o) : null;
  }
  const before = pieces.filter((p) => point.comparePoint(p, p.childNodes.length) <= 0).pop();
  return before ? Number(before.dataset.o) + (before.textContent?.length ?? 0) : null;
}

/** The selection's [start, end) in `plainText`, trimmed of surrounding whitespace, or null. */
export function selectionOffsets(root: HTMLElement, selection: Selection | null, plainText: string): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  let start = pieceOffset(root, range.startContainer, range.startOffset, "start");
  let end = pieceOffset(root, range.endContainer, range.endOffset, "end");
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(plainText[start])) start++;
  while (end > start && /\s/.test(plainText[end - 1])) end--;
  return end > start ? { start, end } : null;
}
