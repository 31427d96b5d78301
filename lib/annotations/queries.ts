import "server-only";
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../db/client";
import {
  type PassageSelector,
  type RichTextDoc,
  annotationAnchors,
  annotationLinks,
  annotations,
  briefRevisions,
  comments,
  policies,
  responseItems,
  users,
} from "../../db/schema";
import { isUuid } from "../uuid";
import type { AnnotationStatus } from "../vocab";

export type AnnotationLinkView = { targetType: "policy" | "response_item"; targetId: string; title: string };

/** An annotation as the reader shows it on one revision (`start`/`end` on that revision). */
export type AnnotationView = {
  id: string;
  selector: PassageSelector;
  /** The revision the passage was selected on. */
  madeOnRevision: number;
  start: number | null;
  end: number | null;
  orphaned: boolean;
  method: string;
  /** Null unless asked for (see `listAnnotationsOnRevision`'s `bodies`). */
  body: RichTextDoc | null;
  tags: string[];
  status: AnnotationStatus;
  isPrivate: boolean;
  authorId: string;
  authorName: string;
  resolvedByName: string | null;
  resolvedAt: Date | null;
  editedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  replyCount: number;
  links: AnnotationLinkView[];
};

/** Shared notes, plus the viewer's own private ones; never deleted ones. */
export function visibleTo(viewerId: string) {
  return and(isNull(annotations.deletedAt), or(eq(annotations.isPrivate, false), eq(annotations.authorId, viewerId)));
}

async function replyCounts(ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db()
    .select({ id: comments.targetId, n: count() })
    .from(comments)
    .where(and(eq(comments.targetType, "annotation"), inArray(comments.targetId, ids), isNull(comments.deletedAt)))
    .groupBy(comments.targetId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

async function linksOf(ids: string[]): Promise<Map<string, AnnotationLinkView[]>> {
  const out = new Map<string, AnnotationLinkView[]>();
  if (ids.length === 0) return out;
  const rows = await db()
    .select({
      annotationId: annotationLinks.annotationId,
      targetType: annotationLinks.targetType,
      targetId: annotationLinks.targetId,
      policyTitle: policies.titleKo,
      itemTitle: responseItems.title,
    })
    .from(annotationLinks)
    .leftJoin(policies, and(eq(annotationLinks.targetType, "policy"), eq(policies.id, annotationLinks.targetId)))
    .leftJoin(responseItems, and(eq(annotationLinks.targetType, "response_item"), eq(responseItems.id, annotationLinks.targetId)))
    .where(inArray(annotationLinks.annotationId, ids))
    .orderBy(asc(annotationLinks.createdAt));
  for (const row of rows) {
    if (row.targetType === "annotation") continue;
    const title = row.targetType === "policy" ? row.policyTitle : row.itemTitle;
    if (title === null) continue;
    const list = out.get(row.annotationId) ?? [];
    list.push({ targetType: row.targetType, targetId: row.targetId, title });
    out.set(row.annotationId, list);
  }
  return out;
}

/**
 * Every annotation `viewerId` may see that has an anchor on `revisionId` (placed or orphaned),
 * in document order (orphans last). Four queries, whatever the number of annotations. `bodies`:
 * whose rich-text body to load — every one, or only the open thread's (the reader shows no other),
 * or none.
 */
export async function listAnnotationsOnRevision(
  revisionId: string,
  viewerId: string,
  { bodies = "all" }: { bodies?: "all" | { only: string | null } } = {},
): Promise<AnnotationView[]> {
  const body =
    bodies === "all"
      ? annotations.body
      : bodies.only === null
        ? sql<RichTextDoc | null>`null`
        : sql<RichTextDoc | null>`case when ${annotations.id} = ${bodies.only} then ${annotations.body} end`.mapWith(annotations.body);
  const author = alias(users, "author");
  const resolver = alias(users, "resolver");
  const made = alias(briefRevisions, "made");
  const rows = await db()
    .select({
      id: annotations.id,
      selector: annotations.selector,
      madeOnRevision: made.number,
      start: annotationAnchors.start,
      end: annotationAnchors.end,
      orphaned: annotationAnchors.orphaned,
      method: annotationAnchors.method,
      body,
      tags: annotations.tags,
      status: annotations.status,
      isPrivate: annotations.isPrivate,
      authorId: annotations.authorId,
      authorName: author.displayName,
      resolvedByName: resolver.displayName,
      resolvedAt: annotations.resolvedAt,
      editedAt: annotations.editedAt,
      createdAt: annotations.createdAt,
      updatedAt: annotations.updatedAt,
      version: annotations.version,
    })
    .from(annotationAnchors)
    .innerJoin(annotations, eq(annotations.id, annotationAnchors.annotationId))
    .innerJoin(author, eq(author.id, annotations.authorId))
    .innerJoin(made, eq(made.id, annotations.revisionId))
    .leftJoin(resolver, eq(resolver.id, annotations.resolvedById))
    .where(and(eq(annotationAnchors.revisionId, revisionId), visibleTo(viewerId)))
    .orderBy(sql`${annotationAnchors.start} asc nulls last`, asc(annotationAnchors.end), asc(annotations.createdAt), asc(annotations.id));
  const ids = rows.map((r) => r.id);
  const [replies, links] = await Promise.all([replyCounts(ids), linksOf(ids)]);
  return rows.map((row) => ({ ...row, replyCount: replies.get(row.id) ?? 0, links: links.get(row.id) ?? [] }));
}

/** Threads the margin lists at first, and how many more each "show more" adds. */
export const MARGIN_STEP = 20;

/** The margin's filters, and how many of the matching threads it lists (`threads`). */
export type AnnotationFilters = { tag: string | null; authorId: string | null; status: AnnotationStatus | "all"; threads: number };

/** The reader's filters, read from the URL; resolved threads are hidden unless asked for. */
export function parseAnnotationFilters(params: Record<string, string | string[] | undefined>): AnnotationFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
  const status = one(params.status);
  return {
    tag: one(params.tag) || null,
    authorId: one(params.author) || null,
    status: status === "resolved" || status === "all" ? status : "open",
    threads: Math.min(Math.max(MARGIN_STEP, Number.parseInt(one(params.threads) ?? "", 10) || MARGIN_STEP), 100_000),
  };
}

/**
 * Where a click on a highlight whose thread the margin does not list lands (`?at=<offset>`): the
 * reader at `basePath` with the first thread, in document order, among those passing `filters`
 * whose passage covers the offset. Null when the URL asks for no such thing.
 */
export function annotationAtHref(basePath: string, params: Record<string, string | string[] | undefined>, list: AnnotationView[], filters: AnnotationFilters): string | null {
  const at = typeof params.at === "string" && /^\d{1,9}$/.test(params.at) ? Number(params.at) : null;
  if (at === null || isUuid(params.annotation)) return null;
  const covering = applyAnnotationFilters(list, filters).find((a) => !a.orphaned && a.start !== null && a.end !== null && a.start <= at && at < a.end);
  const query = annotationFiltersQuery(filters);
  return covering ? `${basePath}${query}${query ? "&" : "?"}annotation=${covering.id}` : `${basePath}${query}`;
}

/** The query string of `filters` (defaults left out), with `change` applied. */
export function annotationFiltersQuery(filters: AnnotationFilters, change: Partial<AnnotationFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams();
  if (f.tag) q.set("tag", f.tag);
  if (f.authorId) q.set("author", f.authorId);
  if (f.status !== "open") q.set("status", f.status);
  if (f.threads > MARGIN_STEP) q.set("threads", String(f.threads));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function applyAnnotationFilters(list: AnnotationView[], filters: AnnotationFilters): AnnotationView[] {
  return list.filter(
    (a) =>
      (filters.status === "all" || a.status === filters.status) &&
      (!filters.tag || a.tags.includes(filters.tag)) &&
      (!filters.authorId || a.authorId === filters.authorId),
  );
}

/** Active teammates, for @mentions in annotation bodies. */
export async function listMentionables(): Promise<{ id: string; label: string }[]> {
  return db().select({ id: users.id, label: users.displayName }).from(users).where(isNull(users.deactivatedAt)).orderBy(asc(users.displayName));
}

/** How many of the most recent policies the link picker offers (as the item page's impact picker). */
export const LINK_POLICY_LIMIT = 500;

/** Policies (the most recent ones) and live response items an annotation can be linked to (titles only). */
export async function listLinkOptions() {
  const [policyRows, itemRows] = await Promise.all([
    db()
      .select({ id: policies.id, title: policies.titleKo })
      .from(policies)
      .where(isNull(policies.deletedAt))
      .orderBy(sql`${policies.announcedOn} desc nulls last`, asc(policies.titleKo))
      .limit(LINK_POLICY_LIMIT),
    db().select({ id: responseItems.id, title: responseItems.title }).from(responseItems).where(isNull(responseItems.archivedAt)).orderBy(asc(responseItems.number)),
  ]);
  return { policies: policyRows, items: itemRows };
}
