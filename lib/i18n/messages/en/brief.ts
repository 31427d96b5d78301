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
  annotationsLater: "Annotating passages and discussing them comes in a later update.",
  body: "Text of the brief",
} as const satisfies Catalog<typeof ko>;
