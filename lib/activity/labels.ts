import { allCatalogs, type MessageKey, type Translate } from "../i18n/catalog";

const known = allCatalogs().ko.activity as Record<string, string>;

/** The translated sentence for an activity action code; the code itself when none exists yet. */
export function activityActionLabel(t: Translate, action: string): string {
  const name = `action.${action}`;
  return name in known ? t(`activity.${name}` as MessageKey) : action;
}

/** The translated name of an activity entry's entity type; the type itself when unknown. */
export function entityTypeLabel(t: Translate, entityType: string): string {
  const name = `entity.${entityType}`;
  return name in known ? t(`activity.${name}` as MessageKey) : entityType;
}
