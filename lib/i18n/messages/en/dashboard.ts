import type { Catalog } from "../../types";
import type { dashboard as ko } from "../ko/dashboard";

export const dashboard = {
  title: "Dashboard",
  greeting: "Hello, {name}.",
  myItems: "My open response items",
  myItemsEmpty: "No open response items are assigned to you.",
  allItems: "All response items",
  needsReview: "Impacts to review",
  needsReviewEmpty: "No policy impacts are waiting for your review.",
  needsReviewHint: "When a policy is marked as affecting one of your items, it appears here.",
  affects: "{policy} → #{number} {item}",
  recentPolicies: "Policies logged in the last 30 days",
  recentPoliciesEmpty: "No policies were logged in the last 30 days.",
  loggedBy: "logged by {name}",
  mentions: "Open annotations mentioning me",
  mentionsEmpty: "No open annotations mention you.",
  mentionsHint: "When someone @mentions you in an annotation or a comment in its thread, it appears here.",
  openBriefAt: "View in the brief",
  allPolicies: "All policies",
  brief: "Brief",
  briefRevision: "Revision {number}",
  openBrief: "Read the brief",
  noBrief: "No brief has been added.",
  recentActivity: "Recent activity",
  recentActivityEmpty: "No activity has been recorded yet.",
  allActivity: "All activity",
} as const satisfies Catalog<typeof ko>;
