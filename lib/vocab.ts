/** Vocabularies of PRODUCT.md, shared by the Drizzle schema, zod and the UI's translations. */
export const roles = ["admin", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

export const locales = ["ko", "en"] as const;
export type Locale = (typeof locales)[number];

export const instrumentTypes = [
  "law",
  "regulation",
  "departmental_rule",
  "plan",
  "standard",
  "guideline",
  "fund",
  "pilot_program",
  "other",
] as const;
export type InstrumentType = (typeof instrumentTypes)[number];

export const policyStatuses = ["draft_for_comment", "issued", "in_force", "amended", "repealed"] as const;
export type PolicyStatus = (typeof policyStatuses)[number];

export const briefRelations = ["confirms", "extends", "contradicts", "new"] as const;
export type BriefRelation = (typeof briefRelations)[number];

export const itemStatuses = ["not_started", "in_progress", "blocked", "done", "dropped"] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const priorities = ["high", "medium", "low"] as const;
export type Priority = (typeof priorities)[number];

export const annotationStatuses = ["open", "resolved"] as const;
export type AnnotationStatus = (typeof annotationStatuses)[number];

export const commentTargets = ["annotation", "policy", "response_item"] as const;
export type CommentTarget = (typeof commentTargets)[number];

export const notificationKinds = [
  "mention",
  "assignment",
  "impact",
  "reply",
  "due_soon",
  "overdue",
  "intake",
  "source_changed",
  "sign_in_failures",
  "saved_search_match",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * How a member hears of one kind of notification: not at all (`off`), in the inbox only, in the
 * inbox and by mail at once, or in the inbox and in the next digest mail.
 */
export const notificationDeliveries = ["off", "in_app", "email", "digest"] as const;
export type NotificationDelivery = (typeof notificationDeliveries)[number];

/** What a member gets when they never chose: the things addressed to them by mail, the rest in the digest. */
export const defaultNotificationDelivery: Record<NotificationKind, NotificationDelivery> = {
  mention: "email",
  assignment: "email",
  impact: "email",
  reply: "digest",
  due_soon: "digest",
  overdue: "digest",
  intake: "digest",
  source_changed: "digest",
  // A security notice is no news for tomorrow morning.
  sign_in_failures: "email",
  saved_search_match: "digest",
};

export const digestFrequencies = ["daily", "weekly", "off"] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** Where one outgoing mail stands: waiting, being handed over, waiting for a retry, delivered (SMTP) or written to the outbox folder (no SMTP), or given up. */
export const mailStatuses = ["queued", "sending", "retrying", "sent", "written", "failed"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** How a watched source publishes its list of new documents. */
export const sourceKinds = ["rss", "atom", "json_feed", "html_list"] as const;
export type SourceKindCode = (typeof sourceKinds)[number];

/** Where an intake entry stands in triage. */
export const intakeStates = ["new", "logged", "dismissed", "duplicate"] as const;
export type IntakeState = (typeof intakeStates)[number];

/** Which screen a saved search reopens: the policies list or the intake queue (each with its URL filters). */
export const savedSearchScopes = ["policies", "intake"] as const;
export type SavedSearchScope = (typeof savedSearchScopes)[number];

/** The sections a period report may hold, in the order it shows them. */
export const reportSections = ["policies", "impacts", "items", "blind_spots", "annotations"] as const;
export type ReportSection = (typeof reportSections)[number];
