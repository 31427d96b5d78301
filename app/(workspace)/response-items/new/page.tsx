import type { Metadata } from "next";
import Link from "next/link";
import { ItemForm } from "@/components/response-items/item-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { editorLabels } from "@/lib/editor/labels";
import { getFrameworkOverview } from "@/lib/framework/queries";
import { getLocale, getT } from "@/lib/i18n/server";
import { priorities } from "@/lib/vocab";
import { createResponseItemAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("items.newTitle") };
}

export default async function NewResponseItemPage() {
  const actor = await requireActor("/response-items/new");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  if (!can(actor.role, "responseItems.edit")) {
    return (
      <div>
        <PageHeader title={t("items.newTitle")} />
        <EmptyState title={t("common.forbidden")}>
          <Link href="/response-items">{t("items.backToList")}</Link>
        </EmptyState>
      </div>
    );
  }
  const framework = await getFrameworkOverview({ counts: false });
  return (
    <div className="max-w-3xl">
      <p className="mb-3 text-sm">
        <Link href="/response-items">← {t("items.backToList")}</Link>
      </p>
      <PageHeader title={t("items.newTitle")} />
      <ItemForm
        action={createResponseItemAction}
        nodeGroups={framework.map((d) => ({
          name: locale === "en" ? d.nameEn : d.nameKo,
          nodes: d.nodes.map((n) => ({ id: n.id, label: locale === "en" ? n.labelEn : n.labelKo })),
        }))}
        priorities={priorities.map((p) => ({ value: p, label: t(`vocab.priority.${p}`) }))}
        labels={{
          title: t("items.itemTitle"),
          description: t("items.description"),
          nodes: t("items.nodes"),
          priority: t("items.priority"),
          dueOn: t("items.dueOn"),
          submit: t("items.create"),
          saved: t("items.saved"),
        }}
        editorLabels={editorLabels(t)}
      />
    </div>
  );
}
