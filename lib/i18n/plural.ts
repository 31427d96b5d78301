/**
 * Message formatting shared by the server translator (lib/i18n/catalog) and client components
 * (components/i18n/messages-provider's `fill`). Pure: no catalog, no React, no server-only code.
 *
 * A message is plain text with two kinds of placeholder:
 *
 * - `{name}` is replaced by the variable `name` (left as written when the variable is absent);
 * - `{name, plural, one {…} other {…}}` picks one branch by the plural category of the number in
 *   `name` (`new Intl.PluralRules(locale).select(n)`: zero, one, two, few, many, other), or by an
 *   exact value written `=0 {…}`, which wins over the category. `other` is the fallback and must be
 *   present. The chosen branch is a message itself, so it may hold `{name}` placeholders:
 *   `"{count} shared {count, plural, one {node} other {nodes}}"`. There is no ICU `#` shorthand:
 *   the catalogs write `#` literally (`#{number}` is a response item's number).
 *
 * A plural block whose variable is absent or not a number is left as written, so a message can be
 * filled in two steps (the server fills some variables, a client component the rest).
 *
 * Only the English catalog has plural blocks: Korean has no plural forms, so its messages stay plain.
 */

export type MessageVars = Record<string, string | number>;

const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The plural category (`one`, `other` …) of `n` in `locale`. */
export function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules.select(n);
}

/** A variable as a number for plural selection: numbers as they are, digit strings such as "1,234" read; anything else null. */
function numberOf(value: string | number | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const digits = value.replace(/[\s\u00a0\u202f,']/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return null;
  return Number(digits);
}

type PluralBlock = { name: string; branches: Map<string, string>; end: number };

const pluralHead = /\{\s*(\w+)\s*,\s*plural\s*,/y;
const branchKey = /\s*(=-?\d+(?:\.\d+)?|zero|one|two|few|many|other)\s*\{/y;
const blockEnd = /\s*\}/y;
const simple = /\{(\w+)\}/y;

/** The plural block opening at `at` (a `{`), or null when the text there is not a well-formed one. */
function pluralAt(template: string, at: number): PluralBlock | null {
  pluralHead.lastIndex = at;
  const head = pluralHead.exec(template);
  if (!head) return null;
  const branches = new Map<string, string>();
  let i = pluralHead.lastIndex;
  for (;;) {
    blockEnd.lastIndex = i;
    if (blockEnd.exec(template)) {
      if (!branches.has("other")) return null;
      return { name: head[1], branches, end: blockEnd.lastIndex };
    }
    branchKey.lastIndex = i;
    const key = branchKey.exec(template);
    if (!key) return null;
    // The branch runs to its matching closing brace (branches may hold placeholders and blocks).
    let depth = 1;
    let j = branchKey.lastIndex;
    for (; j < template.length && depth > 0; j++) {
      if (template[j] === "{") depth++;
      else if (template[j] === "}") depth--;
    }
    if (depth > 0) return null;
    branches.set(key[1], template.slice(branchKey.lastIndex, j - 1));
    i = j;
  }
}

/** The branch of `block` for `n`: an exact `=n` branch, else the category's, else `other`. */
function branchFor(block: PluralBlock, n: number, locale: string): string {
  return block.branches.get(`=${n}`) ?? block.branches.get(pluralCategory(locale, n)) ?? block.branches.get("other")!;
}

/** Fills the placeholders and plural blocks of `template` (see the module comment). */
export function formatMessage(template: string, vars: MessageVars | undefined, locale: string): string {
  if (!vars || !template.includes("{")) return template;
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    simple.lastIndex = open;
    const placeholder = simple.exec(template);
    if (placeholder) {
      const name = placeholder[1];
      out += Object.hasOwn(vars, name) ? String(vars[name]) : placeholder[0];
      i = simple.lastIndex;
      continue;
    }
    const block = pluralAt(template, open);
    if (block) {
      const n = numberOf(Object.hasOwn(vars, block.name) ? vars[block.name] : undefined);
      out += n === null ? template.slice(open, block.end) : formatMessage(branchFor(block, n, locale), vars, locale);
      i = block.end;
      continue;
    }
    out += "{";
    i = open + 1;
  }
  return out;
}

/** Whether `template` has a plural block (for tests of the catalogs). */
export function hasPluralBlock(template: string): boolean {
  for (let at = template.indexOf("{"); at >= 0; at = template.indexOf("{", at + 1)) {
    if (pluralAt(template, at)) return true;
  }
  return false;
}
