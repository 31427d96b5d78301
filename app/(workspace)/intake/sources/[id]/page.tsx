import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceFormPage, SourcesForbidden } from "@/components/intake/source-form-page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getSource } from "@/lib/intake/queries";
import { isUuid } from "@/lib/uuid";
import { testSourceAction, updateSourceAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("intake.editSourceTitle") };
}

export default async function EditSourcePage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/intake/sources/${encodeURIComponent(id)}`);
  // An id that is not a UUID names no source (and must not reach the uuid column).
  const source = isUuid(id) ? await getSource(id) : null;
  if (!source) notFound();
  // The actions check this too; the page only spares viewers a form that would be refused.
  if (!can(actor.role, "intake.manage")) return <SourcesForbidden />;
  const t = await getT();
  return (
    <SourceFormPage
      title={t("intake.editSourceTitle")}
      save={updateSourceAction}
      test={testSourceAction}
      values={{
        id: source.id,
        version: source.version,
        name: source.name,
        url: source.url,
        kind: source.kind,
        linkSelector: source.linkSelector ?? "",
        titleSelector: source.titleSelector ?? "",
        dateSelector: source.dateSelector ?? "",
        intervalMinutes: String(source.intervalMinutes),
        enabled: source.enabled,
      }}
    />
  );
}
