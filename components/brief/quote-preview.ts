/** The start of a long quote (whole characters, not UTF-16 halves) followed by "…"; a short one whole. */
export function quotePreview(quote: string, length: number): string {
  const characters = Array.from(quote);
  return characters.length <= length ? quote : `${characters.slice(0, length).join("")}…`;
}
