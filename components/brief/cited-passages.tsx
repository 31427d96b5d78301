import Link from "next/link";
import type { Translate } from "@/lib/i18n/catalog";
import type { CitedPassage } from "@/lib/policies/queries";

/** The passages of the shown revision that policies cite: each with "cited by N policies" and links to them. */
export function CitedPassages({ passages, t }: { passages: CitedPassage[]; t: Translate }) {
  return (
    <section aria-labelledby="cited-passages" className="space-y-2" data-testid="cited-passages">
      <h2 id="cited-passages" className="text-lg font-semibold">
        {t("brief.citedPassages")}
      </h2>
      <ul className="space-y-3">
        {passages.map((passage) => (
          <li key={`${passage.start}-${passage.end}`} className="space-y-1">
            <blockquote lang="ko" className="border-l-4 border-sky-300 bg-white py-1 pr-3 pl-4 text-sm text-slate-800">
              {passage.quote}
            </blockquote>
            <p className="text-sm">
              <Link href={`/brief?start=${passage.start}&end=${passage.end}#cited-passage`}>{t("brief.citedBy", { count: passage.policies.length })}</Link>
              {": "}
              {passage.policies.map((policy, i) => (
                <span key={policy.id}>
                  {i > 0 ? ", " : null}
                  <Link href={`/policies/${policy.id}`}>{policy.titleKo}</Link>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
