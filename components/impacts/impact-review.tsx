import { NeedsReviewBadge } from "@/components/response-items/item-badges";
import { formatDate } from "@/lib/format";
import type { Translate } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/vocab";

/** Where an impact stands with the item's owner: acknowledged (by whom, when) or awaiting review. */
export function ImpactReview({
  impact,
  t,
  locale,
}: {
  impact: { acknowledgedAt: Date | null; acknowledgedByName: string | null };
  t: Translate;
  locale: Locale;
}) {
  return impact.acknowledgedAt ? (
    <span className="text-xs text-emerald-800">{t("items.acknowledgedBy", { name: impact.acknowledgedByName ?? "—", date: formatDate(impact.acknowledgedAt, locale) })}</span>
  ) : (
    <NeedsReviewBadge label={t("items.awaitingReview")} />
  );
}
