/** One run of a text diff: unchanged, only in the old text, or only in the new one. */
export type DiffPart = { kind: "same" | "removed" | "added"; text: string };

/** Words with their following whitespace kept apart, so joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Above this many token pairs, compare line by line instead (the table stays small). */
const MAX_CELLS = 4_000_000;

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  // Trim the common head and tail first: revisions usually change a little in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  push("same", a.slice(0, head).join(""));
  const n = x.length;
  const m = y.length;
  // lengths[i][j] = LCS of x[i..] and y[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = x[i] === y[j] ? lengths[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push("same", x[i++]);
      j++;
    } else if (lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1]) push("removed", x[i++]);
    else push("added", y[j++]);
  }
  while (i < n) push("removed", x[i++]);
  while (j < m) push("added", y[j++]);
  push("same", a.slice(a.length - tail).join(""));
  return parts;
}

/**
 * A word diff of two plain texts (a line diff when they are too long for a word table).
 * Joining the "same" and "removed" parts gives the old text; "same" and "added" the new one.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length <= MAX_CELLS) return lcsDiff(a, b);
  const lines = (text: string) => text.split(/(?<=\n)/);
  return lcsDiff(lines(before), lines(after));
}
