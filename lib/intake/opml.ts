import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decodeEntities, type SourceKind } from "./feeds";

/** A source as carried in an OPML file. */
export type OpmlSource = {
  name: string;
  url: string;
  kind: SourceKind;
  intervalMinutes?: number | null;
  enabled?: boolean;
  linkSelector?: string | null;
  titleSelector?: string | null;
  dateSelector?: string | null;
};

const PD_NAMESPACE = "https://policy-desk.app/opml";
const KINDS: readonly SourceKind[] = ["rss", "atom", "json_feed", "html_list"];

/** Escapes an attribute value; tabs and line breaks as references so XML attribute normalisation cannot turn them into spaces. */
function escapeAttr(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Writes sources as OPML 2.0; feeds as type="rss" outlines, list pages as type="link", our extras in the pd: namespace. */
export function exportOpml(sources: OpmlSource[], title: string): string {
  const lines = sources.map((source) => {
    const attrs: [string, string][] = [["text", source.name], ["title", source.name]];
    if (source.kind === "html_list") {
      attrs.push(["type", "link"], ["url", source.url], ["htmlUrl", source.url]);
    } else {
      // Feed readers only know type="rss" (for Atom too); the exact kind travels in pd:kind.
      attrs.push(["type", "rss"], ["xmlUrl", source.url]);
    }
    attrs.push(["pd:kind", source.kind]);
    if (source.linkSelector != null) attrs.push(["pd:linkSelector", source.linkSelector]);
    if (source.titleSelector != null) attrs.push(["pd:titleSelector", source.titleSelector]);
    if (source.dateSelector != null) attrs.push(["pd:dateSelector", source.dateSelector]);
    if (source.intervalMinutes != null) attrs.push(["pd:interval", String(source.intervalMinutes)]);
    if (source.enabled === false) attrs.push(["pd:enabled", "false"]);
    return `    <outline ${attrs.map(([name, value]) => `${name}="${escapeAttr(value)}"`).join(" ")}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:pd="${PD_NAMESPACE}">`,
    "  <head>",
    `    <title>${escapeText(title)}</title>`,
    "  </head>",
    "  <body>",
    ...lines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}

type Node = Record<string | symbol, unknown>;

function lineAt(xml: string, index: number | undefined): number | null {
  if (index === undefined || index < 0) return null;
  let line = 1;
  for (let i = 0; i < index && i < xml.length; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads sources from OPML (ours or any feed reader's); folders are flattened.
 * Never throws: unreadable files and unusable outlines are reported in `errors`.
 */
export function parseOpml(xml: string): { sources: OpmlSource[]; errors: { line: number | null; message: string }[] } {
  const sources: OpmlSource[] = [];
  const errors: { line: number | null; message: string }[] = [];
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    errors.push({ line: validation.err.line ?? null, message: `Invalid XML: ${validation.err.msg}` });
    return { sources, errors };
  }
  let doc: Node;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      // No entity expansion by the parser (see feeds.ts); attribute values are decoded below.
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      // Attribute values are kept exactly, so names and selectors round-trip.
      trimValues: false,
      captureMetaData: true,
      isArray: (name) => name === "outline",
    }).parse(xml) as Node;
  } catch (error) {
    errors.push({ line: null, message: `Invalid XML: ${error instanceof Error ? error.message : String(error)}` });
    return { sources, errors };
  }
  const opml = doc.opml as Node | undefined;
  if (!opml || typeof opml !== "object") {
    errors.push({ line: null, message: "Not an OPML document (no <opml> root element)" });
    return { sources, errors };
  }

  // Our attributes are recognised by namespace URI, whatever prefix the file binds it to.
  const prefixes = new Set(["pd"]);
  for (const [key, value] of Object.entries(opml)) {
    if (key.startsWith("@_xmlns:") && value === PD_NAMESPACE) prefixes.add(key.slice("@_xmlns:".length));
  }
  // The typings declare the boxed `Symbol` type; the value is a primitive symbol.
  const metaKey = XMLParser.getMetaDataSymbol() as unknown as symbol;

  const read = (node: Node, name: string): string | undefined => {
    const value = node[`@_${name}`];
    return typeof value === "string" ? decodeEntities(value) : undefined;
  };
  const readPd = (node: Node, name: string): string | undefined => {
    for (const prefix of prefixes) {
      const value = read(node, `${prefix}:${name}`);
      if (value !== undefined) return value;
    }
    return undefined;
  };

  const visit = (outlines: unknown): void => {
    if (!Array.isArray(outlines)) return;
    for (const raw of outlines) {
      if (!raw || typeof raw !== "object") continue;
      const node = raw as Node;
      const line = lineAt(xml, (node[metaKey] as { startIndex?: number } | undefined)?.startIndex);
      const type = read(node, "type")?.trim().toLowerCase();
      const pdKind = readPd(node, "kind")?.trim();
      const xmlUrl = read(node, "xmlUrl")?.trim();
      const pageUrl = (read(node, "htmlUrl") ?? read(node, "url"))?.trim();
      const isList = pdKind === "html_list" || (type === "link" && !xmlUrl);
      const url = isList ? pageUrl : xmlUrl;

      if (!url) {
        if (type === "rss" || isList) errors.push({ line, message: `Outline "${read(node, "text") ?? ""}" has no URL` });
        // Anything else without a URL is a folder: its children are sources.
        visit(node.outline);
        continue;
      }
      let valid = false;
      try {
        const protocol = new URL(url).protocol;
        valid = protocol === "http:" || protocol === "https:";
      } catch {
        valid = false;
      }
      if (!valid) {
        errors.push({ line, message: `Outline URL is not an absolute http(s) URL: ${url}` });
        continue;
      }

      let kind: SourceKind = isList ? "html_list" : "rss";
      if (pdKind && !isList) {
        if ((KINDS as readonly string[]).includes(pdKind) && pdKind !== "html_list") kind = pdKind as SourceKind;
        else errors.push({ line, message: `Unknown pd:kind "${pdKind}"; read as rss` });
      }

      const intervalRaw = readPd(node, "interval");
      let intervalMinutes: number | null = null;
      if (intervalRaw !== undefined) {
        const n = Number(intervalRaw.trim());
        if (Number.isInteger(n) && n > 0) intervalMinutes = n;
        else errors.push({ line, message: `Invalid pd:interval "${intervalRaw}"; ignored` });
      }

      sources.push({
        name: read(node, "text") || read(node, "title") || url,
        url,
        kind,
        intervalMinutes,
        enabled: readPd(node, "enabled")?.trim().toLowerCase() !== "false",
        linkSelector: readPd(node, "linkSelector") ?? null,
        titleSelector: readPd(node, "titleSelector") ?? null,
        dateSelector: readPd(node, "dateSelector") ?? null,
      });
      // A feed outline with children is unusual; its children are still read.
      visit(node.outline);
    }
  };
  const body = opml.body as Node | undefined;
  visit(body && typeof body === "object" ? body.outline : undefined);
  return { sources, errors };
}
