import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditingNow } from "@/components/live/editing-now";
import { PublishRevisionForm } from "@/components/brief/publish-revision-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getCurrentBrief } from "@/lib/brief/queries";
import { editorLabels } from "@/lib/editor/labels";
import { getT } from "@/lib/i18n/server";
import { publishRevisionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("revisions.editTitle") };
}

export default async function EditBriefPage() {
  const actor = await requireActor("/brief/edit");
  const [t, brief] = await Promise.all([getT(), getCurrentBrief()]);
  if (!brief || !brief.revision) notFound();
  // The action checks this too; the page only spares viewers a form they cannot send.
  if (!can(actor.role, "briefs.edit")) {
    return (
      <div className="mx-auto max-w-2xl py-12">
        <p className="text-sm font-medium text-slate-500">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("common.forbidden")}</h1>
      </div>
    );
  }
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader title={t("revisions.editTitle")} intro={t("revisions.editIntro")} meta={<Link href="/brief">← {t("brief.title")}</Link>} />
      <EditingNow entityType="brief" entityId={brief.id} />
      <PublishRevisionForm
        briefId={brief.id}
        version={brief.version}
        doc={brief.revision.doc}
        action={publishRevisionAction}
        labels={{
          doc: t("revisions.doc"),
          note: t("revisions.noteLabel"),
          publish: t("revisions.publish"),
          publishing: t("revisions.publishing"),
          published: t("revisions.published"),
          publishedPassages: t("revisions.publishedPassages"),
        }}
        editorLabels={editorLabels(t)}
      />
    </div>
  );
}
