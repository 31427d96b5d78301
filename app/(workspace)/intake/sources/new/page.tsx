import type { Metadata } from "next";
import { SourceFormPage, SourcesForbidden } from "@/components/intake/source-form-page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { DEFAULT_INTERVAL_MINUTES } from "@/lib/intake/schemas";
import { createSourceAction, testSourceAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("intake.newSourceTitle") };
}

export default async function NewSourcePage() {
  const actor = await requireActor("/intake/sources/new");
  // The actions check this too; the page only spares viewers a form that would be refused.
  if (!can(actor.role, "intake.manage")) return <SourcesForbidden />;
  const t = await getT();
  return (
    <SourceFormPage
      title={t("intake.newSourceTitle")}
      save={createSourceAction}
      test={testSourceAction}
      values={{ name: "", url: "", kind: "rss", linkSelector: "", titleSelector: "", dateSelector: "", intervalMinutes: String(DEFAULT_INTERVAL_MINUTES), enabled: true }}
    />
  );
}
