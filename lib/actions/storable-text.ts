/**
 * Postgres cannot store some strings as typed: NUL (U+0000) in `text` or `jsonb`, and a lone
 * UTF-16 surrogate (a JavaScript string that is not well-formed Unicode: `jsonb` refuses its
 * `\udXXX` escape, `text` gets U+FFFD instead). Refused up front, they become a field error
 * instead of a database error (a 500) or a silently changed value.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * The first top-level field of `input` holding, at any depth (keys included), a string that is
 * not storable; undefined when every string is. Walks iteratively: parsed input is bounded in
 * depth by the schemas, but the walk need not rely on it.
 */
export function unstorableField(input: unknown): string | undefined {
  if (input === null || typeof input !== "object") return typeof input === "string" && !isStorableText(input) ? "_form" : undefined;
  for (const [field, value] of Object.entries(input)) {
    if (!isStorableText(field)) return "_form";
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node === "string") {
        if (!isStorableText(node)) return field;
      } else if (Array.isArray(node)) {
        stack.push(...node);
      } else if (node !== null && typeof node === "object" && !(node instanceof Date)) {
        for (const [key, child] of Object.entries(node)) {
          if (!isStorableText(key)) return field;
          stack.push(child);
        }
      }
    }
  }
  return undefined;
}
