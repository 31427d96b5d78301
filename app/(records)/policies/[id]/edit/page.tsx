import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditingNow } from "@/components/live/editing-now";
import { PolicyEditForbidden, PolicyFormSection } from "@/components/policies/policy-form-page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policies/queries";
import { policyFormValues } from "@/lib/policies/form-values";
import { updatePolicyAction } from "@/app/(workspace)/policies/actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policies.editTitle") };
}

export default async function EditPolicyPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/policies/${encodeURIComponent(id)}/edit`);
  const policy = await getPolicy(id);
  if (!policy) notFound();
  if (!can(actor.role, "policies.edit")) return <PolicyEditForbidden />;
  const t = await getT();
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={`/policies/${policy.id}`}>← {policy.titleKo}</Link></p>
      <h1 className="text-2xl font-semibold">{t("policies.editTitle")}</h1>
      <EditingNow entityType="policy" entityId={policy.id} />
      <PolicyFormSection
        action={updatePolicyAction}
        values={policyFormValues(policy)}
      />
    </div>
  );
}
