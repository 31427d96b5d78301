import type { PassageSelector } from "../../db/schema";

/** How many characters of context a selector keeps on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/** The selector of `text[start, end)`: the quote, its context, and the offsets. */
export function selectorAt(text: string, start: number, end: number): PassageSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** The selector of the first occurrence of `quote` in `text`, or null when it does not occur. */
export function selectorForQuote(text: string, quote: string): PassageSelector | null {
  const start = text.indexOf(quote);
  return start < 0 ? null : selectorAt(text, start, start + quote.length);
}
