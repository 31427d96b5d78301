import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { NodeChip } from "@/lib/framework/queries";
import type { Locale } from "@/lib/vocab";

// One colour per seeded dimension, so a category reads apart from a pillar or a line of competition.
const toneByDimension: Record<string, BadgeTone> = { policy_area: "violet", pillar: "blue", competition: "green" };

/** The node's label in the interface language (Korean when there is no English label). */
export function nodeLabel(node: Pick<NodeChip, "labelKo" | "labelEn">, locale: Locale): string {
  return locale === "en" && node.labelEn ? node.labelEn : node.labelKo;
}

/** Framework nodes as chips; `empty` is shown when there are none; `linked` makes each chip a link to its node on the framework screen. */
export function NodeChips({ nodes, locale, empty, linked }: { nodes: NodeChip[]; locale: Locale; empty?: string; linked?: boolean }) {
  if (nodes.length === 0) return empty ? <span className="text-sm text-slate-500">{empty}</span> : null;
  return (
    <ul className="flex flex-wrap gap-1">
      {nodes.map((node) => (
        <li key={node.id}>
          {linked ? (
            <Link href={`/framework#node-${node.id}`} className="hover:no-underline">
              <Badge tone={toneByDimension[node.dimensionKey] ?? "neutral"}>
                <span lang={locale === "en" && node.labelEn ? "en" : "ko"}>{nodeLabel(node, locale)}</span>
              </Badge>
            </Link>
          ) : (
            <Badge tone={toneByDimension[node.dimensionKey] ?? "neutral"}>
              <span lang={locale === "en" && node.labelEn ? "en" : "ko"}>{nodeLabel(node, locale)}</span>
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
