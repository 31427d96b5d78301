import { and, asc, inArray, isNull } from "drizzle-orm";
import { db } from "../../db/client";
import { sources } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { type OpmlSource, exportOpml, parseOpml } from "./opml";
import { DEFAULT_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, type SourceData, sourceSchema } from "./schemas";

export type OpmlImportReport = { created: number; skipped: number; errors: { line: number | null; message: string }[] };

/**
 * Adds the sources of an OPML file (a feed reader's export, or ours with selectors). A URL already
 * watched is skipped; an outline the source form would refuse is reported, not imported.
 */
export async function importSourcesFromOpml({ actor, opml }: { actor: Actor; opml: string }): Promise<OpmlImportReport> {
  assertCan(actor, "intake.manage");
  const parsed = parseOpml(opml);
  const errors = [...parsed.errors];
  const valid: SourceData[] = [];
  for (const outline of parsed.sources) {
    const result = sourceSchema.safeParse({
      ...outline,
      intervalMinutes: Math.max(outline.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES),
      enabled: outline.enabled ?? true,
    });
    if (result.success) valid.push(result.data);
    else errors.push({ line: null, message: `${outline.name || outline.url}: ${result.error.issues.map((i) => i.path.join(".")).join(", ")}` });
  }
  if (valid.length === 0) return { created: 0, skipped: 0, errors };
  return db().transaction(async (tx) => {
    const existing = await tx
      .select({ url: sources.url })
      .from(sources)
      .where(and(inArray(sources.url, valid.map((v) => v.url)), isNull(sources.deletedAt)));
    const taken = new Set(existing.map((e) => e.url));
    const fresh = valid.filter((v) => !taken.has(v.url) && taken.add(v.url));
    if (fresh.length) {
      const rows = await tx.insert(sources).values(fresh.map((v) => ({ ...v, createdById: actor.id }))).returning({ id: sources.id });
      await recordActivity(tx, { actorId: actor.id, action: "source.imported", entityType: "source", entityId: rows[0].id, after: { count: rows.length } });
    }
    return { created: fresh.length, skipped: valid.length - fresh.length, errors };
  });
}

/** The watched sources as OPML 2.0, selectors included. */
export async function exportSourcesOpml(title: string): Promise<string> {
  const rows = await db().select().from(sources).where(isNull(sources.deletedAt)).orderBy(asc(sources.name));
  const outlines: OpmlSource[] = rows.map((s) => ({
    name: s.name,
    url: s.url,
    kind: s.kind,
    intervalMinutes: s.intervalMinutes,
    enabled: s.enabled,
    linkSelector: s.linkSelector,
    titleSelector: s.titleSelector,
    dateSelector: s.dateSelector,
  }));
  return exportOpml(outlines, title);
}
