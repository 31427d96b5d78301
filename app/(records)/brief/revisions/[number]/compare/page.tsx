import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { diffText } from "@/lib/brief/diff";
import { getCurrentBrief, getRevisionByNumber } from "@/lib/brief/queries";
import { getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT();
  const n = Number((await params).number);
  return { title: t("revisions.compareTitle", { from: n - 1, to: n }) };
}

/** What changed from the previous revision: a word diff of the plain text. */
export default async function CompareRevisionPage({ params }: Props) {
  const { number } = await params;
  await requireActor(`/brief/revisions/${number}/compare`);
  const n = Number(number);
  const [t, brief] = await Promise.all([getT(), getCurrentBrief()]);
  if (!brief || !Number.isInteger(n) || n < 2) notFound();
  const [before, after] = await Promise.all([getRevisionByNumber(brief.id, n - 1), getRevisionByNumber(brief.id, n)]);
  if (!before || !after) notFound();
  const parts = diffText(before.plainText, after.plainText);
  const changed = parts.some((p) => p.kind !== "same");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("revisions.compareTitle", { from: before.number, to: after.number })}
        intro={t("revisions.compareIntro")}
        meta={<Link href="/brief/revisions">← {t("revisions.history")}</Link>}
      />
      {after.note ? <p className="text-sm text-slate-700">{after.note}</p> : null}
      {changed ? (
        <div lang={brief.language} className="rounded-lg border border-slate-200 bg-white px-5 py-6 text-[15px] leading-[1.85] whitespace-pre-wrap sm:px-8">
          {parts.map((part, i) =>
            part.kind === "same" ? (
              <span key={i}>{part.text}</span>
            ) : part.kind === "removed" ? (
              <del key={i} className="bg-red-50 text-red-800" title={t("revisions.removed")}>
                {part.text}
              </del>
            ) : (
              <ins key={i} className="bg-emerald-50 text-emerald-900" title={t("revisions.added")}>
                {part.text}
              </ins>
            ),
          )}
        </div>
      ) : (
        <p className="text-slate-600">{t("revisions.noChanges")}</p>
      )}
    </div>
  );
}
