import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportAnnotationsForm } from "@/components/brief/import-annotations-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getCurrentBrief } from "@/lib/brief/queries";
import type { MessageKey } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { importW3CAnnotationsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("annotations.importTitle") };
}

export default async function ImportAnnotationsPage() {
  const actor = await requireActor("/brief/import");
  const [t, brief] = await Promise.all([getT(), getCurrentBrief()]);
  if (!brief || !brief.revision) notFound();
  if (!can(actor.role, "annotations.edit")) {
    return (
      <div className="mx-auto max-w-2xl py-12">
        <p className="text-sm font-medium text-slate-500">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("common.forbidden")}</h1>
      </div>
    );
  }
  // Templates keep their {count} for the client to fill.
  const raw = (key: MessageKey) => t(key, { count: "{count}" });
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("annotations.importTitle")} intro={t("annotations.importIntro")} meta={<Link href="/brief">← {t("brief.title")}</Link>} />
      <ImportAnnotationsForm
        briefId={brief.id}
        action={importW3CAnnotationsAction}
        labels={{
          file: t("annotations.importFile"),
          submit: t("annotations.importSubmit"),
          working: t("annotations.importWorking"),
          noFile: t("annotations.importNoFile"),
          placed: raw("annotations.importPlaced"),
          orphaned: raw("annotations.importOrphanedList"),
          skipped: raw("annotations.importSkipped"),
          back: t("annotations.importBack"),
        }}
      />
    </div>
  );
}
