import type { Metadata } from "next";
import Link from "next/link";
import { ItemForm } from "@/components/response-items/item-form";
import { itemFormProps } from "@/components/response-items/item-form-props";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getFrameworkOverview } from "@/lib/framework/queries";
import { getLocale, getT } from "@/lib/i18n/server";
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
        {...itemFormProps(framework, t, locale, t("items.create"))}
      />
    </div>
  );
}
