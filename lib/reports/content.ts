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
};

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
