import type { ItemFormLabels } from "@/components/response-items/item-form";
import { editorLabels } from "@/lib/editor/labels";
import type { FrameworkDimensionView, NodeChip } from "@/lib/framework/queries";
import type { Translate } from "@/lib/i18n/catalog";
import { type Locale, priorities } from "@/lib/vocab";

/** What the new-item and edit-item pages give `ItemForm` alike: node choices, priorities, labels. */
export function itemFormProps(
  framework: FrameworkDimensionView[],
  t: Translate,
  locale: Locale,
  submit: string,
  /** The item's own nodes: archived ones among them stay pickable (kept), marked as archived. */
  own: NodeChip[] = [],
) {
  const labels: ItemFormLabels = {
    locale,
    title: t("items.itemTitle"),
    description: t("items.description"),
    nodes: t("items.nodes"),
    priority: t("items.priority"),
    dueOn: t("items.dueOn"),
    submit,
    saved: t("items.saved"),
  };
  return {
    nodeGroups: framework.map((d) => {
      const label = (n: { labelEn: string; labelKo: string }) => (locale === "en" ? n.labelEn : n.labelKo);
      const live = new Set(d.nodes.map((n) => n.id));
      const archived = own.filter((n) => n.dimensionKey === d.key && !live.has(n.id));
      return {
        name: locale === "en" ? d.nameEn : d.nameKo,
        nodes: [
          ...d.nodes.map((n) => ({ id: n.id, label: label(n) })),
          ...archived.map((n) => ({ id: n.id, label: `${label(n)} (${t("framework.archivedSuffix")})` })),
        ],
      };
    }),
    priorities: priorities.map((p) => ({ value: p, label: t(`vocab.priority.${p}`) })),
    labels,
    editorLabels: editorLabels(t),
  };
}
