import type { Catalog } from "../../types";
import type { brief as ko } from "../ko/brief";

export const brief = {
  title: "Brief",
  publisher: "Publisher",
  publishedOn: "Published",
  revision: "Current revision",
  revisionValue: "Revision {number}",
  revisionMeta: "Added {date}",
  revisionMetaBy: "Added {date} by {name}",
  unknown: "Unknown",
  noRevision: "This brief has no text yet.",
  originalLanguage: "The brief is shown in its original language (Korean).",
  body: "Text of the brief",
  tools: "Brief tools",
  citedPassageShown: "The passage opened from a policy is marked in the text.",
  citedBy: "Cited by {count} {count, plural, one {policy} other {policies}}",
  citedPassages: "Passages cited by policies",
} as const satisfies Catalog<typeof ko>;
