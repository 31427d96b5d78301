import type { Catalog } from "../../types";
import type { dashboard as ko } from "../ko/dashboard";

export const dashboard = {
  title: "Dashboard",
  greeting: "Hello, {name}.",
  myItems: "My response items",
  myItemsEmpty: "No response items are assigned to you.",
  allItems: "All response items",
  needsReview: "Impacts to review",
  needsReviewEmpty: "No policy impacts are waiting for your review.",
  needsReviewHint: "When a policy is marked as affecting one of your items, it appears here.",
  affects: "{policy} → #{number} {item}",
  recentPolicies: "Recent policies",
  recentPoliciesEmpty: "No policies have been logged yet.",
  allPolicies: "All policies",
  brief: "Brief",
  briefRevision: "Revision {number}",
  openBrief: "Read the brief",
  noBrief: "No brief has been added.",
  recentActivity: "Recent activity",
  recentActivityEmpty: "No activity has been recorded yet.",
  allActivity: "All activity",
} as const satisfies Catalog<typeof ko>;
