import type { BriefRelation, ItemStatus, Locale, ReportSection } from "../vocab";

/**
 * What a report holds, frozen at generation: names and titles as they were then, in the report's
 * language where the workspace has both; vocabulary codes stay codes (translated when shown, in
 * the report's language). Ids let every entry link back to its record.
 */
export type ReportContent = {
  from: string;
  to: string;
  language: Locale;
  sections: ReportSection[];
  policies?: {
    total: number;
    dimensions: { id: string; name: string; nodes: { id: string; label: string; policies: ReportPolicy[] }[] }[];
    /** Policies of the period tagged with no framework node. */
    untagged: ReportPolicy[];
  };
  impacts?: { raised: ReportImpact[]; acknowledged: ReportImpact[] };
  items?: { statusChanged: ReportItemChange[]; due: ReportItemDue[] };
  blindSpots?: { nodeId: string; dimension: string; label: string; policyCount: number }[];
  annotations?: { opened: ReportAnnotation[]; resolved: ReportAnnotation[] };
  /**
   * Entries a capped list leaves out (see REPORT_CAPS), by list: `node:<id>`, `untagged`,
   * `impacts.raised`, `impacts.acknowledged`, `items.statusChanged`, `items.due`,
   * `annotations.opened`, `annotations.resolved`. Absent in reports saved before caps.
   */
  omitted?: Record<string, number>;
};

/**
 * How many entries a report lists, per list and in all for the policies: a briefing someone
 * reads, and a document Word opens in seconds. The rest is counted ("and 180 more").
 */
export const REPORT_CAPS = { perNode: 10, policies: 150, impacts: 50, statusChanged: 50, due: 100, annotations: 50 } as const;

/** Trims every list of `content` to REPORT_CAPS, recording what each leaves out in `omitted`. */
export function capContent(content: ReportContent): ReportContent {
  const omitted: Record<string, number> = {};
  const cap = <T>(key: string, list: T[], max: number): T[] => {
    if (list.length > max) omitted[key] = list.length - max;
    return list.slice(0, max);
  };
  const out: ReportContent = { ...content };
  if (content.policies) {
    let room: number = REPORT_CAPS.policies;
    const take = <T>(key: string, list: T[]) => {
      const kept = cap(key, list, Math.min(REPORT_CAPS.perNode, room));
      room -= kept.length;
      return kept;
    };
    out.policies = {
      ...content.policies,
      dimensions: content.policies.dimensions.map((d) => ({ ...d, nodes: d.nodes.map((n) => ({ ...n, policies: take(`node:${n.id}`, n.policies) })) })),
      untagged: take("untagged", content.policies.untagged),
    };
  }
  if (content.impacts) out.impacts = { raised: cap("impacts.raised", content.impacts.raised, REPORT_CAPS.impacts), acknowledged: cap("impacts.acknowledged", content.impacts.acknowledged, REPORT_CAPS.impacts) };
  if (content.items) out.items = { statusChanged: cap("items.statusChanged", content.items.statusChanged, REPORT_CAPS.statusChanged), due: cap("items.due", content.items.due, REPORT_CAPS.due) };
  if (content.annotations) out.annotations = { opened: cap("annotations.opened", content.annotations.opened, REPORT_CAPS.annotations), resolved: cap("annotations.resolved", content.annotations.resolved, REPORT_CAPS.annotations) };
  if (Object.keys(omitted).length) out.omitted = omitted;
  return out;
}

export type ReportPolicy = {
  id: string;
  /** `new`: created or announced in the period; `changed`: edited in it. */
  change: "new" | "changed";
  titleKo: string;
  titleZh: string | null;
  issuers: string[];
  documentNumber: string | null;
  announcedOn: string | null;
  relation: BriefRelation | null;
  summary: string;
};

export type ReportImpact = {
  id: string;
  policyId: string;
  policyTitle: string;
  itemId: string;
  itemNumber: number;
  itemTitle: string;
  note: string;
  at: string;
  by: string | null;
};

export type ReportItemChange = {
  id: string;
  number: number;
  title: string;
  owner: string | null;
  status: ItemStatus;
  updates: { at: string; author: string; body: string; statusBefore: ItemStatus; statusAfter: ItemStatus }[];
};

export type ReportItemDue = { id: string; number: number; title: string; owner: string | null; status: ItemStatus; dueOn: string; overdue: boolean };

export type ReportAnnotation = { id: string; quote: string; body: string; author: string; at: string };

/** Where an entry of a report leads (relative to the app's origin). */
export const reportLinks = {
  policy: (id: string) => `/policies/${id}`,
  item: (id: string) => `/response-items/${id}`,
  annotation: (id: string) => `/brief?annotation=${id}`,
  node: (id: string) => `/policies?node=${id}`,
} as const;
