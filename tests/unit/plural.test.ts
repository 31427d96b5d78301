import { describe, expect, it } from "vitest";
import { fill } from "../../components/i18n/messages-provider";
import { allCatalogs, format, translator } from "../../lib/i18n/catalog";
import { formatMessage, hasPluralBlock, pluralCategory } from "../../lib/i18n/plural";

describe("pluralCategory", () => {
  it("follows Intl.PluralRules", () => {
    expect(pluralCategory("en", 1)).toBe("one");
    expect(pluralCategory("en", 0)).toBe("other");
    expect(pluralCategory("en", 2)).toBe("other");
    expect(pluralCategory("en", 1.5)).toBe("other");
    expect(pluralCategory("ko", 1)).toBe("other");
    expect(pluralCategory("ru", 3)).toBe("few");
  });
});

describe("formatMessage", () => {
  const nodes = "{count} shared {count, plural, one {node} other {nodes}}: {labels}";

  it("picks the branch by the plural category of the variable", () => {
    expect(formatMessage(nodes, { count: 1, labels: "A" }, "en")).toBe("1 shared node: A");
    expect(formatMessage(nodes, { count: 2, labels: "A, B" }, "en")).toBe("2 shared nodes: A, B");
    expect(formatMessage(nodes, { count: 0, labels: "" }, "en")).toBe("0 shared nodes: ");
  });

  it("prefers an exact =n branch, and falls back to other", () => {
    const template = "{n, plural, =0 {none} one {one item} other {{n} items}}";
    expect(formatMessage(template, { n: 0 }, "en")).toBe("none");
    expect(formatMessage(template, { n: 1 }, "en")).toBe("one item");
    expect(formatMessage(template, { n: 7 }, "en")).toBe("7 items");
    // Russian's "few" has no branch here: "other" is used.
    expect(formatMessage(template, { n: 3 }, "ru")).toBe("3 items");
  });

  it("fills placeholders and nested blocks inside a branch", () => {
    const template = "{a, plural, one {{b, plural, one {1/1} other {1/{b}}}} other {{a}/{b}}}";
    expect(formatMessage(template, { a: 1, b: 1 }, "en")).toBe("1/1");
    expect(formatMessage(template, { a: 1, b: 4 }, "en")).toBe("1/4");
    expect(formatMessage(template, { a: 3, b: 4 }, "en")).toBe("3/4");
  });

  it("reads numbers given as localized strings", () => {
    expect(formatMessage("{count} {count, plural, one {policy} other {policies}}", { count: "1" }, "en")).toBe("1 policy");
    expect(formatMessage("{count} {count, plural, one {policy} other {policies}}", { count: "1,234" }, "en")).toBe("1,234 policies");
  });

  it("leaves a block whose variable is absent or not a number as written, for a later fill", () => {
    const template = "{rows} {rows, plural, one {row} other {rows}}";
    const raw = formatMessage(template, { rows: "{rows}" }, "en");
    expect(raw).toBe(template);
    expect(formatMessage(raw, { rows: 1 }, "en")).toBe("1 row");
    expect(formatMessage(template, { other: 1 }, "en")).toBe(template);
  });

  it("keeps plain text, unknown placeholders, literal # and stray braces", () => {
    expect(formatMessage("#{number} {missing} {", { number: 12 }, "en")).toBe("#12 {missing} {");
    expect(formatMessage("{count, plural, one {x}}", { count: 1 }, "en")).toBe("{count, plural, one {x}}"); // no "other": not a block
    expect(formatMessage("no placeholders", { count: 1 }, "en")).toBe("no placeholders");
    expect(formatMessage("{count} left", undefined, "en")).toBe("{count} left");
  });

  it("is what the catalog's format and the client's fill do", () => {
    expect(format(nodes, { count: 1, labels: "A" })).toBe("1 shared node: A");
    expect(fill(nodes, { count: 2, labels: "A" })).toBe("2 shared nodes: A");
    expect(fill("{n, plural, one {a} other {b}}", { n: 1 }, "ko")).toBe("b");
  });
});

describe("English messages with counts", () => {
  const t = translator("en");
  const en = allCatalogs().en;
  const ko = translator("ko");

  it("say 1 in the singular and 2 in the plural", () => {
    expect(t("items.sharedNodes", { count: 1, labels: "AI" })).toBe("1 shared node: AI");
    expect(t("items.sharedNodes", { count: 2, labels: "AI, Data" })).toBe("2 shared nodes: AI, Data");
    expect(t("comments.count", { count: 1 })).toBe("1 comment");
    expect(t("comments.count", { count: 2 })).toBe("2 comments");
    expect(t("annotations.replies", { count: 1 })).toBe("1 reply");
    expect(t("annotations.replies", { count: 2 })).toBe("2 replies");
    expect(t("members.listHeading", { count: 1 })).toBe("1 member");
    expect(t("members.expiryDays", { days: 1 })).toBe("1 day");
    expect(t("members.expiryDays", { days: 7 })).toBe("7 days");
    expect(t("nav.unreadCount", { count: 1 })).toBe("1 unread notification");
    expect(t("intake.countNew", { count: 1 })).toBe("1 new entry");
    expect(t("intake.countNew", { count: 2 })).toBe("2 new entries");
    expect(t("policies.count", { count: "1" })).toBe("1 policy");
    expect(t("policies.count", { count: (12345).toLocaleString("en") })).toBe("12,345 policies");
    expect(t("matrix.blindSpotsIntro", { days: 1 })).toBe("Nodes with policies in the last day that no response item covers.");
    expect(t("matrix.blindSpotsIntro", { days: 90 })).toBe("Nodes with policies in the last 90 days that no response item covers.");
    expect(t("validation.tooLong", { maximum: 1 })).toBe("Enter at most 1 character.");
    expect(t("validation.tooShort", { minimum: 10 })).toBe("Enter at least 10 characters.");
  });

  it("pluralize each number of a message on its own", () => {
    expect(t("revisions.published", { number: 3, anchored: 1, orphaned: 2 })).toBe("Revision 3 published. 1 annotation re-placed, 2 lost their place.");
    expect(t("revisions.published", { number: 3, anchored: 2, orphaned: 1 })).toBe("Revision 3 published. 2 annotations re-placed, 1 lost its place.");
    expect(t("intake.opmlResult", { created: 1, skipped: 2 })).toBe("1 new source, 2 already watched");
  });

  it("survive a two-step fill (the server keeps a placeholder, the client fills it)", () => {
    const raw = t("intake.opmlResult", { created: "{created}", skipped: "{skipped}" });
    expect(raw).toBe(en.intake.opmlResult);
    expect(fill(raw, { created: 1, skipped: 0 })).toBe("1 new source, 0 already watched");
    expect(fill(raw, { created: 3, skipped: 1 })).toBe("3 new sources, 1 already watched");
  });

  it("stay plain in Korean", () => {
    expect(ko("items.sharedNodes", { count: 1, labels: "AI" })).toBe("공유 노드 1개: AI");
    expect(ko("comments.count", { count: 2 })).toBe("댓글 2개");
  });
});

describe("the catalogs", () => {
  const catalogs = allCatalogs();
  const messagesOf = (locale: "ko" | "en") =>
    Object.entries(catalogs[locale]).flatMap(([ns, messages]) => Object.entries(messages as Record<string, string>).map(([key, text]) => [`${ns}.${key}`, text] as const));

  it("write no plural blocks in Korean", () => {
    expect(messagesOf("ko").filter(([, text]) => hasPluralBlock(text))).toEqual([]);
  });

  it("write every English plural block well-formed: it disappears once filled", () => {
    for (const [key, text] of messagesOf("en")) {
      if (!text.includes(", plural,")) continue;
      expect(hasPluralBlock(text), key).toBe(true);
      const vars = Object.fromEntries([...text.matchAll(/\{\s*(\w+)/g)].map((m) => [m[1], 2]));
      expect(formatMessage(text, vars, "en"), key).not.toMatch(/[{}]/);
    }
  });

  it("pluralize every English count that names a countable noun", () => {
    // Messages whose count reads the same for 1 and 2 (no noun after it, or a fixed plural).
    const invariant = new Set([
      "annotations.panelShow",
      "annotations.showResolved",
      "inbox.unreadSummary",
      "intake.useSelector",
      "items.needsReviewCount",
      "matrix.showing",
      "policies.countAtLeast",
      "validation.tooSmall",
      "validation.tooBig",
    ]);
    // Filled on the client by components/policies/import-form.tsx's own placeholder-only `fill`:
    // to pluralize once that form uses `fill` from components/i18n/messages-provider.
    const pending = new Set<string>();
    const countVar = /\{(count|days|rows|created|anchored|minimum|maximum)\}/;
    const missing = messagesOf("en").filter(([key, text]) => countVar.test(text) && !hasPluralBlock(text) && !invariant.has(key) && !pending.has(key));
    expect(missing).toEqual([]);
  });
});
