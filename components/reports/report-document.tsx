import Link from "next/link";
import type { Block, Cell } from "@/lib/reports/outline";

/** A CSS string literal of any text: everything but letters and digits as a hex escape (nothing can close the rule or the `<style>`). */
export function cssString(text: string): string {
  return `"${[...text].map((ch) => (/[\p{L}\p{N} ]/u.test(ch) ? ch : `\\${ch.codePointAt(0)?.toString(16)} `)).join("")}"`;
}

function Linked({ cell }: { cell: Cell }) {
  return cell.href ? <Link href={cell.href}>{cell.text}</Link> : <>{cell.text}</>;
}

function Fields({ rows }: { rows: [string, string][] }) {
  return (
    <table className="report-fields">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A report as a document for screen and print: the outline's blocks as HTML, with the page box
 * (A4, the title in the running header, page numbers in the footer) set by CSS paged media.
 */
export function ReportDocument({ blocks, pageLabel }: { blocks: Block[]; pageLabel: string }) {
  const title = blocks.find((b) => b.kind === "heading")?.text ?? "";
  const pageRule = `@page { size: A4; margin: 20mm 16mm 18mm; @top-center { content: ${cssString(title)}; font-size: 8pt; color: #555; } @bottom-center { content: ${cssString(`${pageLabel} `)} counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }`;
  return (
    <article className="report-document">
      <style>{pageRule}</style>
      {blocks.map((b, i) => {
        switch (b.kind) {
          case "heading": {
            const Tag = (["h1", "h2", "h3", "h4"] as const)[b.level - 1];
            return (
              <Tag key={i} id={b.section ? `section-${b.section}` : undefined}>
                <Linked cell={b} />
              </Tag>
            );
          }
          case "paragraph":
            return <p key={i} className={b.note ? "report-note" : undefined}>{b.text}</p>;
          case "fields":
            return <Fields key={i} rows={b.rows} />;
          case "record":
            return (
              <section key={i} className="report-record">
                <p>
                  <strong><Linked cell={b.title} /></strong> <span className="report-badge">{b.badge}</span>
                </p>
                <Fields rows={b.rows.filter(([, value]) => value)} />
              </section>
            );
          case "table":
            return (
              <table key={i} className="report-table">
                <thead>
                  <tr>{b.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
                </thead>
                <tbody>
                  {b.rows.map((row, r) => (
                    <tr key={r}>{row.map((c, k) => <td key={k}><Linked cell={c} /></td>)}</tr>
                  ))}
                </tbody>
              </table>
            );
          case "list":
            return (
              <ul key={i}>
                {b.items.map((parts, r) => (
                  <li key={r}>{parts.map((c, k) => <span key={k}>{k ? " — " : ""}<Linked cell={c} /></span>)}</li>
                ))}
              </ul>
            );
        }
      })}
    </article>
  );
}
