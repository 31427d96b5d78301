import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../db/client";
import { type PassageSelector, annotationAnchors, annotations, briefRevisions, briefs, comments, users } from "../../db/schema";
import { AppError } from "../actions/result";
import { isUuid } from "../uuid";
import { visibleTo } from "./queries";

export type ExportedReply = { id: string; author: string; createdAt: string; editedAt: string | null; deleted: boolean; text: string | null };

export type ExportedAnnotation = {
  id: string;
  selector: PassageSelector;
  madeOnRevision: { id: string; number: number };
  /** Where it sits on the brief's current revision now (null when it has no anchor there yet). */
  anchoredTo: { revisionId: string; number: number; start: number | null; end: number | null; orphaned: boolean; method: string } | null;
  orphaned: boolean;
  status: string;
  tags: string[];
  isPrivate: boolean;
  author: string;
  createdAt: string;
  editedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  body: unknown;
  bodyText: string;
  thread: ExportedReply[];
};

export type BriefExport = {
  brief: { id: string; title: string; publisher: string | null; publishedOn: string | null };
  revision: { id: string; number: number; createdAt: string; plainText: string } | null;
  annotations: ExportedAnnotation[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything an export holds for `viewerId`: the brief, its current revision, and every
 * annotation they may see (private notes only their own), each with its thread of replies.
 * Four queries, whatever the number of annotations.
 */
export async function loadBriefExport(briefId: string, viewerId: string): Promise<BriefExport> {
  if (!isUuid(briefId)) throw new AppError("not_found");
  const [brief] = await db().select().from(briefs).where(eq(briefs.id, briefId)).limit(1);
  if (!brief) throw new AppError("not_found");
  const [revision] = brief.currentRevisionId
    ? await db()
        .select({ id: briefRevisions.id, number: briefRevisions.number, createdAt: briefRevisions.createdAt, plainText: briefRevisions.plainText })
        .from(briefRevisions)
        .where(eq(briefRevisions.id, brief.currentRevisionId))
        .limit(1)
    : [];

  const author = alias(users, "author");
  const resolver = alias(users, "resolver");
  const made = alias(briefRevisions, "made");
  const rows = await db()
    .select({
      a: annotations,
      authorName: author.displayName,
      resolverName: resolver.displayName,
      madeNumber: made.number,
      anchor: { start: annotationAnchors.start, end: annotationAnchors.end, orphaned: annotationAnchors.orphaned, method: annotationAnchors.method },
    })
    .from(annotations)
    .innerJoin(author, eq(author.id, annotations.authorId))
    .innerJoin(made, eq(made.id, annotations.revisionId))
    .leftJoin(resolver, eq(resolver.id, annotations.resolvedById))
    .leftJoin(annotationAnchors, and(eq(annotationAnchors.annotationId, annotations.id), eq(annotationAnchors.revisionId, revision?.id ?? annotations.revisionId)))
    .where(and(eq(annotations.briefId, brief.id), visibleTo(viewerId)))
    .orderBy(asc(annotations.createdAt), asc(annotations.id));

  const ids = rows.map((r) => r.a.id);
  const replies = ids.length
    ? await db()
        .select({ c: comments, author: users.displayName })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(and(eq(comments.targetType, "annotation"), inArray(comments.targetId, ids)))
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];
  const threads = new Map<string, ExportedReply[]>();
  for (const { c, author: name } of replies) {
    const list = threads.get(c.targetId) ?? [];
    const deleted = c.deletedAt !== null;
    list.push({ id: c.id, author: name, createdAt: c.createdAt.toISOString(), editedAt: iso(c.editedAt), deleted, text: deleted ? null : c.bodyText });
    threads.set(c.targetId, list);
  }

  const list = rows.map(({ a, authorName, resolverName, madeNumber, anchor }) => ({
    id: a.id,
    selector: a.selector,
    madeOnRevision: { id: a.revisionId, number: madeNumber },
    anchoredTo: revision && anchor ? { revisionId: revision.id, number: revision.number, ...anchor } : null,
    orphaned: anchor ? anchor.orphaned : true,
    status: a.status,
    tags: a.tags,
    isPrivate: a.isPrivate,
    author: authorName,
    createdAt: a.createdAt.toISOString(),
    editedAt: iso(a.editedAt),
    resolvedBy: resolverName,
    resolvedAt: iso(a.resolvedAt),
    body: a.body,
    bodyText: a.bodyText,
    thread: threads.get(a.id) ?? [],
  }));
  // Document order on the current revision; orphans last.
  list.sort((x, y) => (x.anchoredTo?.start ?? Number.MAX_SAFE_INTEGER) - (y.anchoredTo?.start ?? Number.MAX_SAFE_INTEGER));
  return {
    brief: { id: brief.id, title: brief.title, publisher: brief.publisher, publishedOn: brief.publishedOn },
    revision: revision ? { ...revision, createdAt: revision.createdAt.toISOString() } : null,
    annotations: list,
  };
}

const quoteBlock = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");

/** The brief's text followed by its annotations, as Markdown (labels in English and Korean-neutral). */
export function briefExportMarkdown(data: BriefExport): string {
  const out: string[] = [`# ${data.brief.title}`, ""];
  if (data.brief.publisher) out.push(`- Publisher: ${data.brief.publisher}`);
  if (data.brief.publishedOn) out.push(`- Published: ${data.brief.publishedOn}`);
  if (data.revision) out.push(`- Revision: ${data.revision.number} (${data.revision.createdAt})`);
  out.push("", "## Text", "", data.revision ? data.revision.plainText.split("\n").join("\n\n") : "", "", `## Annotations (${data.annotations.length})`, "");
  data.annotations.forEach((a, i) => {
    out.push(`### ${i + 1}. ${a.status}${a.orphaned ? " · orphaned" : ""}${a.isPrivate ? " · private" : ""}`, "");
    out.push(quoteBlock(a.selector.quote), "");
    out.push(`- Author: ${a.author}, ${a.createdAt}${a.editedAt ? ` (edited ${a.editedAt})` : ""}`);
    out.push(`- Made on revision ${a.madeOnRevision.number}${a.anchoredTo && !a.orphaned ? `; on revision ${a.anchoredTo.number} at ${a.anchoredTo.start}–${a.anchoredTo.end}` : ""}`);
    if (a.tags.length) out.push(`- Tags: ${a.tags.map((t) => `#${t}`).join(" ")}`);
    if (a.resolvedBy) out.push(`- Resolved by ${a.resolvedBy}, ${a.resolvedAt}`);
    out.push("", a.bodyText, "");
    for (const reply of a.thread) {
      out.push(`- **${reply.author}** (${reply.createdAt}${reply.editedAt ? ", edited" : ""}): ${reply.deleted ? "_(deleted)_" : (reply.text ?? "").replace(/\n/g, " ")}`);
    }
    if (a.thread.length) out.push("");
  });
  return out.join("\n");
}
