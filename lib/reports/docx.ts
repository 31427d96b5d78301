import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  AlignmentType,
} from "docx";
import type { Block, Cell } from "./outline";

/**
 * Korean and Chinese are set in Noto Sans CJK KR (LibreOffice with Debian's fonts-noto-cjk; it
 * covers Hangul and Han both), named for the East Asian slot too. OOXML has no font list: where
 * it is missing, Word substitutes by script and the Korean default on Windows is Malgun Gothic;
 * LibreOffice asks fontconfig for a font with the characters.
 */
export const REPORT_FONT = { ascii: "Noto Sans CJK KR", hAnsi: "Noto Sans CJK KR", eastAsia: "Noto Sans CJK KR", cs: "Noto Sans CJK KR", hint: "eastAsia" } as const;

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const A4 = { width: 11906, height: 16838 }; // twentieths of a point
const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function runs(c: Cell, base: string, options: { bold?: boolean } = {}) {
  const run = new TextRun({ text: c.text, bold: options.bold, ...(c.href ? { style: "Hyperlink" } : {}) });
  return c.href ? [new ExternalHyperlink({ link: new URL(c.href, base).toString(), children: [run] })] : [run];
}

// Text width of an A4 page with the margins below: label–value tables give the value three quarters.
const TEXT_WIDTH = A4.width - 2 * 1134;
const tableOf = (rows: Paragraph[][][], head?: Paragraph[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(head ? {} : { columnWidths: [Math.round(TEXT_WIDTH / 4), TEXT_WIDTH - Math.round(TEXT_WIDTH / 4)] }),
    borders,
    rows: [
      ...(head ? [new TableRow({ tableHeader: true, children: head.map((children) => new TableCell({ children, shading: { fill: "EEEEEE" } })) })] : []),
      ...rows.map((row) => new TableRow({ children: row.map((children) => new TableCell({ children })) })),
    ],
  });

const para = (text: string, options: { bold?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, bold: options.bold })] });

/** The report as a Word document: real headings (the navigation outline), real tables, A4, the title and page number in the header. */
export async function reportDocx(blocks: Block[], base: string): Promise<Buffer> {
  const title = blocks.find((b) => b.kind === "heading")?.text ?? "";
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        children.push(new Paragraph({ heading: headingLevels[b.level], children: runs(b, base) }));
        break;
      case "paragraph":
        children.push(new Paragraph({ children: [new TextRun({ text: b.text, italics: b.note, color: b.note ? "555555" : undefined })] }));
        break;
      case "fields":
        children.push(tableOf(b.rows.map(([label, value]) => [[para(label, { bold: true })], [para(value)]])));
        children.push(new Paragraph({}));
        break;
      case "record":
        children.push(new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [...runs(b.title, base, { bold: true }), new TextRun({ text: ` (${b.badge})` })] }));
        children.push(tableOf(b.rows.filter(([, value]) => value).map(([label, value]) => [[para(label, { bold: true })], [para(value)]])));
        break;
      case "table":
        children.push(tableOf(b.rows.map((row) => row.map((c) => [new Paragraph({ children: runs(c, base) })])), b.head.map((h) => [para(h, { bold: true })])));
        children.push(new Paragraph({}));
        break;
      case "list":
        for (const parts of b.items) {
          children.push(new Paragraph({ bullet: { level: 0 }, children: parts.flatMap((c, i) => [...(i ? [new TextRun(" — ")] : []), ...runs(c, base)]) }));
        }
        break;
    }
  }
  const doc = new Document({
    title,
    styles: {
      default: { document: { run: { font: REPORT_FONT, size: 20 } } },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 16, color: "555555" })] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 16 })] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
