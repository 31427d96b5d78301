import type { RichTextDoc } from "../schema";
import { outline, summaryBlocks } from "./brief-text";
import { tableOne, tableOneCaption } from "./policies";

type Node = Record<string, unknown>;

const text = (value: string, marks?: Node[]): Node => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const paragraph = (...content: Node[]): Node => ({ type: "paragraph", content });
const heading = (level: number, value: string): Node => ({ type: "heading", attrs: { level }, content: [text(value)] });
const cell = (type: "tableCell" | "tableHeader", value: string, rowspan = 1): Node => ({
  type,
  attrs: { colspan: 1, rowspan, colwidth: null },
  content: [paragraph(text(value))],
});

/** Table 1 as a real table: one row per policy, the category cell spanning its policies. */
function tableOneNode(): Node {
  const rows: Node[] = [{ type: "tableRow", content: ["구분", "시기", "정책명"].map((h) => cell("tableHeader", h)) }];
  const categories = [...new Set(tableOne.map((p) => p.category))];
  for (const category of categories) {
    const inCategory = tableOne.filter((p) => p.category === category);
    inCategory.forEach((policy, i) => {
      const cells = [cell("tableCell", policy.period), cell("tableCell", policy.titleKo)];
      if (i === 0) cells.unshift(cell("tableCell", category, inCategory.length));
      rows.push({ type: "tableRow", content: cells });
    });
  }
  return { type: "table", content: rows };
}

/** Revision 1 of the brief: the summary once, Table 1, and the report's outline. */
export function briefDocument(): RichTextDoc {
  const content: Node[] = [];
  for (const block of summaryBlocks) {
    content.push(paragraph(text(`□ ${block.statement}`, [{ type: "bold" }])));
    content.push({
      type: "bulletList",
      content: block.points.map((paragraphs) => ({ type: "listItem", content: paragraphs.map((p) => paragraph(text(p))) })),
    });
  }
  content.push(heading(2, tableOneCaption));
  content.push(tableOneNode());
  content.push(heading(2, "목차"));
  content.push({
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "항목"), cell("tableHeader", "쪽")] },
      ...outline.map((line) => {
        const at = line.lastIndexOf(" ");
        return { type: "tableRow", content: [cell("tableCell", line.slice(0, at)), cell("tableCell", line.slice(at + 1))] };
      }),
    ],
  });
  return { type: "doc", content };
}
