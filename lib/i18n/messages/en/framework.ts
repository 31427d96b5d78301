import type { Catalog } from "../../types";
import type { framework as ko } from "../ko/framework";

export const framework = {
  title: "Framework",
  intro: "The brief's analytical framework, with the number of policies and response items linked to each node.",
  laterNote: "The node × response item matrix and editing nodes come in a later update.",
  empty: "The framework has not been set up yet.",
  noNodes: "This dimension has no nodes.",
  node: "Node",
  policies: "Policies",
  items: "Response items",
  caption: "{dimension}: links per node",
} as const satisfies Catalog<typeof ko>;
