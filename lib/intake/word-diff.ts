import { diffArrays, diffLines, type ChangeObject } from "diff";

/** One run of a word diff. */
export type WordDiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Above this length (either side) the diff is computed per line, to bound time and memory. */
const MAX_WORD_DIFF_CHARS = 200_000;

const CJK_CLASS = "[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]";
// Fallback tokens: whitespace runs, single CJK characters, other words, single punctuation marks.
const FALLBACK_TOKEN = new RegExp(`\\s+|${CJK_CLASS}|(?:(?!${CJK_CLASS})[\\p{L}\\p{N}_])+|[^\\s]`, "gu");
/** Beyond this many edits the word diff gives up and the texts are compared per line. */
const MAX_EDIT_LENGTH = 20_000;

let segmenter: Intl.Segmenter | null | undefined;

function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/**
 * Splits text into tokens whose concatenation is the text: whitespace runs, punctuation and words,
 * with Chinese split into words (Intl.Segmenter) or, without it, single characters — Chinese has no spaces,
 * so a whitespace tokenizer would turn a one-phrase edit into a whole-sentence change.
 */
function tokenize(text: string): string[] {
  const seg = zhSegmenter();
  if (seg) return Array.from(seg.segment(text), (s) => s.segment);
  return text.match(FALLBACK_TOKEN) ?? [];
}

function push(parts: WordDiffPart[], kind: WordDiffPart["kind"], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function toParts<T>(changes: ChangeObject<T>[], join: (value: T) => string): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  for (const change of changes) push(parts, change.added ? "added" : change.removed ? "removed" : "same", join(change.value));
  return parts;
}

/**
 * Word diff of two plain texts, Chinese-aware; adjacent parts of one kind are merged.
 * "same" + "removed" parts rebuild `before`, "same" + "added" rebuild `after`.
 */
export function wordDiff(before: string, after: string): WordDiffPart[] {
  if (before.length > MAX_WORD_DIFF_CHARS || after.length > MAX_WORD_DIFF_CHARS) {
    return toParts(diffLines(before, after), (value) => value);
  }
  // diffWordsWithSpace has its own (space-based) tokenizer, so the tokens are diffed as arrays instead.
  const changes = diffArrays(tokenize(before), tokenize(after), { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return toParts(diffLines(before, after), (value) => value);
  return toParts(changes, (value) => value.join(""));
}
