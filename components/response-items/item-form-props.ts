import type { ItemFormLabels } from "@/components/response-items/item-form";
import { editorLabels } from "@/lib/editor/labels";
import type { FrameworkDimensionView } from "@/lib/framework/queries";
import type { Translate } from "@/lib/i18n/catalog";
import { type Locale, priorities } from "@/lib/vocab";

/** What the new-item and edit-item pages give `ItemForm` alike: node choices, priorities, labels. */
export function itemFormProps(framework: FrameworkDimensionView[], t: Translate, locale: Locale, submit: string) {
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
    nodeGroups: framework.map((d) => ({
      name: locale === "en" ? d.nameEn : d.nameKo,
      nodes: d.nodes.map((n) => ({ id: n.id, label: locale === "en" ? n.labelEn : n.labelKo })),
    })),
    priorities: priorities.map((p) => ({ value: p, label: t(`vocab.priority.${p}`) })),
    labels,
    editorLabels: editorLabels(t),
  };
}
