import type { Block, Cell } from "./outline";

/**
 * Text as Markdown shows it literally: every character Markdown (CommonMark and GFM tables) could
 * read as syntax is backslash-escaped, line breaks become spaces (one block per line), and raw
 * HTML cannot form because `<` is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, " ").replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, "\\$&");
}

// A link's destination in angle brackets: only `<`, `>` and line breaks would end it.
const destination = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;

function cell(c: Cell, base: string): string {
  const text = escapeMarkdown(c.text);
  return c.href ? `[${text}](${destination(new URL(c.href, base).toString())})` : text;
}

/** The report as Markdown; links are absolute on `base` (the app's origin). */
export function reportMarkdown(blocks: Block[], base: string): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level)} ${cell(b, base)}`, "");
        break;
      case "paragraph":
        out.push(b.note ? `_${escapeMarkdown(b.text)}_` : escapeMarkdown(b.text), "");
        break;
      case "fields":
        out.push(...b.rows.map(([label, value]) => `- **${escapeMarkdown(label)}**: ${escapeMarkdown(value)}`), "");
        break;
      case "record":
        out.push(`**${cell(b.title, base)}** (${escapeMarkdown(b.badge)})`, "");
        out.push(...b.rows.filter(([, value]) => value).map(([label, value]) => `- **${escapeMarkdown(label)}**: ${escapeMarkdown(value)}`), "");
        break;
      case "table":
        out.push(`| ${b.head.map(escapeMarkdown).join(" | ")} |`, `| ${b.head.map(() => "---").join(" | ")} |`);
        out.push(...b.rows.map((row) => `| ${row.map((c) => cell(c, base)).join(" | ")} |`), "");
        break;
      case "list":
        out.push(...b.items.map((parts) => `- ${parts.map((c) => cell(c, base)).join(" — ")}`), "");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
