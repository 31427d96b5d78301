import { db, type Executor } from "../../db/client";
import { reports } from "../../db/schema";
import { recordActivity } from "../activity/record";
import { assertCan } from "../auth/guard";
import type { Actor } from "../auth/session";
import { translator } from "../i18n/catalog";
import { buildReportContent, type ReportRequest } from "./build";
import { type GenerateReportInput, generateReportSchema } from "./schemas";

/**
 * Generates a period report and saves it frozen: the content is read and stored in one
 * transaction, so it is the workspace as it was at one instant, and never recomputed.
 */
export async function generateReport({ actor, input }: { actor: Actor; input: GenerateReportInput }) {
  assertCan(actor, "reports.generate");
  const data = generateReportSchema.parse(input);
  const title = data.title || translator(data.language)("reports.defaultTitle", { from: data.from, to: data.to });
  return saveReport({ ...data, authorId: actor.id, title });
}

/** Builds and stores one report (also the weekly job's, which has no actor). */
export async function saveReport(data: { authorId: string | null; title: string } & ReportRequest, executor?: Executor) {
  const run = <T>(fn: (tx: Executor) => Promise<T>) => (executor ? fn(executor) : db().transaction(fn));
  return run(async (tx) => {
    const content = await buildReportContent(tx, data);
    const [row] = await tx
      .insert(reports)
      .values({ title: data.title, periodFrom: data.from, periodTo: data.to, language: data.language, sections: [...data.sections], authorId: data.authorId, content })
      .returning({ id: reports.id });
    await recordActivity(tx, {
      actorId: data.authorId,
      action: "report.generated",
      entityType: "report",
      entityId: row.id,
      after: { title: data.title, from: data.from, to: data.to, language: data.language, sections: data.sections },
    });
    return { reportId: row.id };
  });
}
