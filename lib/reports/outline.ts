import { formatDate, formatDateTime } from "../format";
import { translator, type Translate } from "../i18n/catalog";
import type { ReportSection } from "../vocab";
import { type ReportContent, type ReportImpact, reportLinks, type ReportPolicy } from "./content";

/** A piece of text, linked to its record when it has one (a path of the app). */
export type Cell = { text: string; href?: string };

/**
 * A report as a sequence of blocks: the one place that decides what a report says and in what
 * order. The print page, the DOCX and the Markdown each only render these blocks, so the three
 * formats cannot drift apart.
 */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string; href?: string; section?: ReportSection }
  | { kind: "paragraph"; text: string; note?: boolean }
  | { kind: "fields"; rows: [string, string][] }
  /** One record (a policy) with its facts: a bold linked title, then label–value rows. */
  | { kind: "record"; title: Cell; badge: string; rows: [string, string][] }
  | { kind: "table"; head: string[]; rows: Cell[][] }
  | { kind: "list"; items: Cell[][] };

/** What the outline needs besides the frozen content: the header facts of a saved report. */
export type ReportMeta = { title: string; authorName: string | null; generatedAt: Date | null };

export function reportOutline(meta: ReportMeta, content: ReportContent): Block[] {
  const locale = content.language;
  const t = translator(locale);
  const blocks: Block[] = [{ kind: "heading", level: 1, text: meta.title }];
  const facts: [string, string][] = [[t("reports.period"), t("reports.periodValue", { from: formatDate(content.from, locale), to: formatDate(content.to, locale) })]];
  if (meta.authorName) facts.push([t("reports.author"), meta.authorName]);
  if (meta.generatedAt) facts.push([t("reports.generatedAt"), formatDateTime(meta.generatedAt, locale)]);
  blocks.push({ kind: "fields", rows: facts });
  const when = (iso: string) => formatDateTime(iso, locale);
  const section = (key: ReportSection) => blocks.push({ kind: "heading", level: 2, text: t(`reports.section.${key}`), section: key });
  const none = () => blocks.push({ kind: "paragraph", text: t("reports.none"), note: true });
  // After a list the report capped: how many entries it leaves out.
  const more = (key: string) => {
    const count = content.omitted?.[key] ?? 0;
    if (count > 0) blocks.push({ kind: "paragraph", text: t("reports.omitted", { count }), note: true });
  };

  for (const key of content.sections) {
    section(key);
    if (key === "policies" && content.policies) {
      const p = content.policies;
      blocks.push({ kind: "paragraph", text: t("reports.policiesTotal", { count: p.total }), note: true });
      for (const dimension of p.dimensions) {
        blocks.push({ kind: "heading", level: 3, text: dimension.name });
        for (const node of dimension.nodes) {
          blocks.push({ kind: "heading", level: 4, text: node.label, href: reportLinks.node(node.id) });
          policyBlocks(blocks, node.policies, t, locale);
          more(`node:${node.id}`);
        }
      }
      if (p.untagged.length) {
        blocks.push({ kind: "heading", level: 3, text: t("reports.untagged") });
        policyBlocks(blocks, p.untagged, t, locale);
        more("untagged");
      }
      if (!p.total) none();
    }
    if (key === "impacts" && content.impacts) {
      for (const [label, list, key] of [
        [t("reports.impactsRaised"), content.impacts.raised, "impacts.raised"],
        [t("reports.impactsAcknowledged"), content.impacts.acknowledged, "impacts.acknowledged"],
      ] as const) {
        blocks.push({ kind: "heading", level: 3, text: label });
        if (list.length) blocks.push(impactTable(list, t, when));
        else none();
        more(key);
      }
    }
    if (key === "items" && content.items) {
      blocks.push({ kind: "heading", level: 3, text: t("reports.statusChanged") });
      if (!content.items.statusChanged.length) none();
      for (const item of content.items.statusChanged) {
        blocks.push({ kind: "heading", level: 4, text: `#${item.number} ${item.title}`, href: reportLinks.item(item.id) });
        blocks.push({ kind: "fields", rows: [[t("reports.owner"), item.owner ?? t("reports.unassigned")], [t("reports.status"), t(`vocab.itemStatus.${item.status}`)]] });
        blocks.push({
          kind: "list",
          items: item.updates.map((u) => [
            {
              text: t("reports.progressUpdate", {
                at: when(u.at),
                author: u.author,
                before: t(`vocab.itemStatus.${u.statusBefore}`),
                after: t(`vocab.itemStatus.${u.statusAfter}`),
              }),
            },
            { text: u.body },
          ]),
        });
      }
      more("items.statusChanged");
      blocks.push({ kind: "heading", level: 3, text: t("reports.dueItems") });
      if (content.items.due.length) {
        blocks.push({
          kind: "table",
          head: [t("reports.item"), t("reports.owner"), t("reports.status"), t("reports.dueOn")],
          rows: content.items.due.map((i) => [
            { text: `#${i.number} ${i.title}`, href: reportLinks.item(i.id) },
            { text: i.owner ?? t("reports.unassigned") },
            { text: t(`vocab.itemStatus.${i.status}`) },
            { text: `${formatDate(i.dueOn, locale)}${i.overdue ? ` (${t("reports.overdue")})` : ""}` },
          ]),
        });
      } else none();
      more("items.due");
    }
    if (key === "blind_spots" && content.blindSpots) {
      blocks.push({ kind: "paragraph", text: t("reports.blindSpotsIntro"), note: true });
      if (content.blindSpots.length) {
        blocks.push({
          kind: "table",
          head: [t("reports.dimension"), t("reports.node"), t("reports.newPolicies")],
          rows: content.blindSpots.map((b) => [{ text: b.dimension }, { text: b.label, href: reportLinks.node(b.nodeId) }, { text: String(b.policyCount) }]),
        });
      } else none();
    }
    if (key === "annotations" && content.annotations) {
      for (const [label, list, key] of [
        [t("reports.annotationsOpened"), content.annotations.opened, "annotations.opened"],
        [t("reports.annotationsResolved"), content.annotations.resolved, "annotations.resolved"],
      ] as const) {
        blocks.push({ kind: "heading", level: 3, text: label });
        if (list.length) {
          blocks.push({
            kind: "table",
            head: [t("reports.quote"), t("reports.comment"), t("reports.by"), t("reports.at")],
            rows: list.map((a) => [{ text: a.quote, href: reportLinks.annotation(a.id) }, { text: a.body }, { text: a.author }, { text: when(a.at) }]),
          });
        } else none();
        more(key);
      }
    }
  }
  return blocks;
}

function policyBlocks(blocks: Block[], list: ReportPolicy[], t: Translate, locale: ReportContent["language"]) {
  for (const p of list) {
    blocks.push({
      kind: "record",
      title: { text: p.titleKo, href: reportLinks.policy(p.id) },
      badge: t(p.change === "new" ? "reports.changeNew" : "reports.changeChanged"),
      rows: [
        [t("reports.titleZh"), p.titleZh ?? ""],
        [t("reports.issuer"), p.issuers.join(", ")],
        [t("reports.documentNumber"), p.documentNumber ?? ""],
        [t("reports.date"), formatDate(p.announcedOn, locale)],
        [t("reports.relation"), p.relation ? t(`vocab.relation.${p.relation}`) : ""],
        [t("reports.summary"), p.summary],
      ],
    });
  }
}

function impactTable(list: ReportImpact[], t: Translate, when: (iso: string) => string): Block {
  return {
    kind: "table",
    head: [t("reports.impactPolicy"), t("reports.impactItem"), t("reports.note"), t("reports.by"), t("reports.at")],
    rows: list.map((i) => [
      { text: i.policyTitle, href: reportLinks.policy(i.policyId) },
      { text: `#${i.itemNumber} ${i.itemTitle}`, href: reportLinks.item(i.itemId) },
      { text: i.note },
      { text: i.by ?? "" },
      { text: when(i.at) },
    ]),
  };
}
