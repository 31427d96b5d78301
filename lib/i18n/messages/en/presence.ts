import type { Catalog } from "../../types";
import type { presence as ko } from "../ko/presence";

export const presence = {
  heading: "Who is viewing now",
  alone: "Nobody else has this page open.",
  others: "Also viewing:",
  editingHeading: "Editing now",
  editingAlone: "Nobody else is editing this.",
  editingOthers: "Also editing:",
} as const satisfies Catalog<typeof ko>;
