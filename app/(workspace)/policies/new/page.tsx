import type { Metadata } from "next";
import Link from "next/link";
import { PolicyEditForbidden, PolicyFormSection } from "@/components/policies/policy-form-page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { createPolicyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policies.newTitle") };
}

export default async function NewPolicyPage() {
  const actor = await requireActor("/policies/new");
  if (!can(actor.role, "policies.edit")) return <PolicyEditForbidden />;
  const t = await getT();
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/policies">← {t("policies.backToList")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("policies.newTitle")}</h1>
      <PolicyFormSection
        action={createPolicyAction}
        values={{
          titleZh: "", titleKo: "", titleEn: "", documentNumber: "", instrumentType: "regulation", status: "issued",
          announcedOn: "", announcedPrecision: "day", effectiveOn: "", sourceUrl: "", lastCheckedOn: "", significance: "medium",
          relation: "", summary: null, issuingBodyIds: [], nodeIds: [], passages: [],
        }}
      />
    </div>
  );
}
