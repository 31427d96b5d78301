import type { Catalog } from "../../types";
import type { presence as ko } from "../ko/presence";

export const presence = {
  heading: "Who is viewing now",
  alone: "Nobody else has this page open.",
  others: "Also viewing:",
} as const satisfies Catalog<typeof ko>;
