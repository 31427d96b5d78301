import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { type RichTextDoc, briefRevisions, briefs, users } from "../../db/schema";

export type BriefRevisionView = {
  id: string;
  number: number;
  doc: RichTextDoc;
  plainText: string;
  createdAt: Date;
  authorName: string | null;
  note: string | null;
};

export type BriefView = {
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  language: string;
  version: number;
  revision: BriefRevisionView | null;
};

export type BriefSummary = { id: string; title: string; revisionNumber: number | null };

/** Revisions as the reader shows them (with their author's name); the caller narrows it down. */
function revisionViews() {
  return db()
    .select({
      id: briefRevisions.id,
      number: briefRevisions.number,
      doc: briefRevisions.doc,
      plainText: briefRevisions.plainText,
      createdAt: briefRevisions.createdAt,
      note: briefRevisions.note,
      authorName: users.displayName,
    })
    .from(briefRevisions)
    .leftJoin(users, eq(users.id, briefRevisions.authorId));
}

async function firstBrief() {
  const [brief] = await db().select().from(briefs).orderBy(asc(briefs.createdAt), asc(briefs.id)).limit(1);
  return brief ?? null;
}

/** The brief the team works on (the first one created, or the one named) with its current revision, or null. */
export async function getCurrentBrief(id?: string): Promise<BriefView | null> {
  const brief = id ? ((await db().select().from(briefs).where(eq(briefs.id, id)).limit(1))[0] ?? null) : await firstBrief();
  if (!brief) return null;
  const revisionQuery = revisionViews();
  // The current revision when set, else the newest one.
  const [revision] = brief.currentRevisionId
    ? await revisionQuery.where(eq(briefRevisions.id, brief.currentRevisionId)).limit(1)
    : await revisionQuery.where(eq(briefRevisions.briefId, brief.id)).orderBy(desc(briefRevisions.number)).limit(1);
  return {
    id: brief.id,
    title: brief.title,
    publisher: brief.publisher,
    publishedOn: brief.publishedOn,
    language: brief.language,
    version: brief.version,
    revision: revision ?? null,
  };
}

/** Title and current revision number of the brief, for links to it. */
export async function getBriefSummary(): Promise<BriefSummary | null> {
  const brief = await firstBrief();
  if (!brief) return null;
  let revisionNumber: number | null = null;
  if (brief.currentRevisionId) {
    const [rev] = await db()
      .select({ number: briefRevisions.number })
      .from(briefRevisions)
      .where(eq(briefRevisions.id, brief.currentRevisionId))
      .limit(1);
    revisionNumber = rev?.number ?? null;
  }
  return { id: brief.id, title: brief.title, revisionNumber };
}

export type RevisionListRow = { id: string; number: number; createdAt: Date; authorName: string | null; note: string | null };

/** Every revision of the brief, newest first. */
export async function listRevisions(briefId: string): Promise<RevisionListRow[]> {
  return db()
    .select({ id: briefRevisions.id, number: briefRevisions.number, createdAt: briefRevisions.createdAt, note: briefRevisions.note, authorName: users.displayName })
    .from(briefRevisions)
    .leftJoin(users, eq(users.id, briefRevisions.authorId))
    .where(eq(briefRevisions.briefId, briefId))
    .orderBy(desc(briefRevisions.number));
}

/** One revision of the brief by its number, or null. */
export async function getRevisionByNumber(briefId: string, number: number): Promise<BriefRevisionView | null> {
  const [revision] = await revisionViews()
    .where(and(eq(briefRevisions.briefId, briefId), eq(briefRevisions.number, number)))
    .limit(1);
  return revision ?? null;
}
