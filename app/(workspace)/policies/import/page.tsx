import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/policies/import-form";
import { PolicyEditForbidden } from "@/components/policies/policy-form-page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { CSV_COLUMNS } from "@/lib/policies/csv";
import { importPoliciesAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policies.importTitle") };
}

export default async function ImportPoliciesPage() {
  const actor = await requireActor("/policies/import");
  if (!can(actor.role, "policies.edit")) return <PolicyEditForbidden />;
  const t = await getT();
  const raw = (key: Parameters<typeof t>[0], names: string[]) => t(key, Object.fromEntries(names.map((n) => [n, `{${n}}`])));
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/policies">← {t("policies.backToList")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("policies.importTitle")}</h1>
      <p className="text-slate-600">{t("policies.importIntro")}</p>
      <p className="text-sm text-slate-600">{t("policies.importColumns", { columns: CSV_COLUMNS.join(", ") })}</p>
      <ImportForm
        action={importPoliciesAction}
        labels={{
          file: t("policies.importFile"),
          dryRun: t("policies.importDryRun"),
          commit: t("policies.importCommit"),
          working: t("policies.importWorking"),
          noFile: t("policies.importNoFile"),
          toCreate: t("policies.importToCreate"),
          duplicates: t("policies.importDuplicates"),
          invalid: t("policies.importInvalid"),
          blocked: t("policies.importBlocked"),
          summary: raw("policies.importSummary", ["rows", "create", "duplicates", "invalid"]),
          done: raw("policies.importDone", ["count"]),
          line: raw("policies.importLine", ["line"]),
          encoding: raw("policies.importEncoding", ["encoding"]),
          newBodies: t("policies.importNewBodies"),
          duplicateOfLine: raw("policies.importDuplicateOfLine", ["line"]),
        }}
      />
    </div>
  );
}
