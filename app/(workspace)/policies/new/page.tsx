import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PolicyEditForbidden, PolicyFormSection } from "@/components/policies/policy-form-page";
import type { PolicyFormValues } from "@/components/policies/policy-form";
import { FormAlert } from "@/components/ui/form";
import { AppError } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { type DraftResult, draftFromUrl, entryForLogging } from "@/lib/intake/draft-from-url";
import { draftFromUrlSchema } from "@/lib/intake/schemas";
import { describeSourceError } from "@/lib/intake/source-errors";
import { createPolicyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("policies.newTitle") };
}

const blank: PolicyFormValues = {
  titleZh: "", titleKo: "", titleEn: "", documentNumber: "", instrumentType: "regulation", status: "issued",
  announcedOn: "", announcedPrecision: "day", effectiveOn: "", sourceUrl: "", lastCheckedOn: "", significance: "medium",
  relation: "", summary: null, issuingBodyIds: [], nodeIds: [], passages: [],
};

type SearchParams = Promise<{ intake?: string | string[]; url?: string | string[] }>;

/**
 * A new policy: blank, or started from its page — an intake entry (`?intake=`) or a pasted URL
 * (`?url=`). The server reads the page under the fetch safety rule; every value read is a guess.
 */
export default async function NewPolicyPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/policies/new");
  if (!can(actor.role, "policies.edit")) return <PolicyEditForbidden />;
  const [t, params] = await Promise.all([getT(), searchParams]);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

  let values = blank;
  let entry: Awaited<ReturnType<typeof entryForLogging>> | null = null;
  let entryError: string | null = null;
  let url = one(params.url).trim();
  const intakeId = one(params.intake);
  if (/^[0-9a-f-]{36}$/i.test(intakeId)) {
    try {
      entry = await entryForLogging(intakeId);
      // Logged already (by this form's own save, or by someone else): the policy is the answer.
      if (entry.state === "logged" && entry.policyId) redirect(`/policies/${entry.policyId}`);
      if (entry.state !== "new" && entry.state !== "duplicate") entryError = t("intake.entryAlreadyDecided");
      else url = entry.url;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      entryError = t("common.notFoundBody");
    }
  }
  const parsedUrl = url ? draftFromUrlSchema.safeParse({ url }) : null;
  let draft: DraftResult | null = null;
  if (parsedUrl?.success) draft = await draftFromUrl({ actor, url: parsedUrl.data.url });
  if (draft?.ok) {
    values = {
      ...blank,
      titleZh: draft.draft.titleZh ?? entry?.title ?? "",
      documentNumber: draft.draft.documentNumber ?? "",
      instrumentType: draft.draft.instrumentType,
      announcedOn: draft.draft.announcedOn ?? "",
      effectiveOn: draft.draft.effectiveOn ?? "",
      sourceUrl: draft.draft.sourceUrl,
      issuingBodyIds: draft.draft.issuingBodyIds,
    };
  } else if (url && parsedUrl?.success) {
    values = { ...blank, titleZh: entry?.title ?? "", sourceUrl: url };
  }
  if (entry && !entryError) values = { ...values, intakeEntryId: entry.id };
  const fieldNames: Record<string, string> = {
    titleZh: t("policies.titleZh"),
    documentNumber: t("policies.documentNumber"),
    issuingBodyIds: t("policies.issuingBodies"),
    announcedOn: t("policies.announcedOn"),
    effectiveOn: t("policies.effectiveOn"),
    instrumentType: t("policies.instrumentType"),
  };

  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={entry ? "/intake" : "/policies"}>← {entry ? t("nav.intake") : t("policies.backToList")}</Link></p>
      <h1 className="text-2xl font-semibold">{entry ? t("intake.fromEntryTitle") : t("policies.newTitle")}</h1>
      {entry && !entryError ? <p className="text-sm text-slate-700">{t("intake.fromEntryIntro", { source: entry.sourceName })}</p> : null}
      {entryError ? <FormAlert tone="error">{entryError}</FormAlert> : null}

      {!entry ? (
        <form action="/policies/new" className="space-y-2 rounded-md border border-slate-200 bg-white p-3" aria-labelledby="fill-from-url">
          <h2 id="fill-from-url" className="text-sm font-semibold text-slate-900">{t("intake.fillFromUrl")}</h2>
          <p className="text-xs text-slate-600">{t("intake.fillFromUrlHint")}</p>
          <div className="flex flex-wrap gap-2">
            <label htmlFor="fill-url" className="sr-only">{t("intake.url")}</label>
            <input id="fill-url" name="url" type="url" defaultValue={url} placeholder="https://www.gov.cn/…" className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("intake.fillButton")}</button>
          </div>
          {parsedUrl && !parsedUrl.success ? <p role="alert" className="text-sm text-red-700">{t("policies.error.url")}</p> : null}
        </form>
      ) : null}

      {draft && !draft.ok ? <FormAlert tone="error">{t("intake.draftFailed", { reason: describeSourceError(t, draft.error, draft.status) })}</FormAlert> : null}
      {draft?.ok && draft.draft.guessed.length ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("intake.guessedFields", { fields: draft.draft.guessed.map((f) => fieldNames[f] ?? f).join(", ") })}
        </p>
      ) : null}
      {draft?.ok && draft.draft.unknownBodies.length ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" lang="ko">
          {t("intake.unknownBodies", { names: draft.draft.unknownBodies.join(", ") })}
        </p>
      ) : null}

      {!entryError ? (
        <PolicyFormSection
          // A new draft (another URL) must start a fresh form, not keep the last one's fields.
          key={values.sourceUrl || "blank"}
          action={createPolicyAction}
          values={values}
          guessed={draft?.ok ? draft.draft.guessed : undefined}
          unknownBodies={draft?.ok ? draft.draft.unknownBodies : undefined}
        />
      ) : null}
    </div>
  );
}
