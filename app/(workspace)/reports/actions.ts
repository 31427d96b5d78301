"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { deleteReport } from "@/lib/reports/delete-report";
import { generateReport } from "@/lib/reports/generate-report";
import { generateReportSchema, reportRefSchema } from "@/lib/reports/schemas";

/** Generates and saves a frozen period report (editors and admins). */
export const generateReportAction = validatedAction({ schema: generateReportSchema, permission: "reports.generate" }, async (input, actor) => {
  const result = await generateReport({ actor, input });
  revalidatePath("/reports");
  return result;
});

/** Deletes a report: its author's own, or any by an admin. */
export const deleteReportAction = validatedAction({ schema: reportRefSchema, permission: "reports.generate" }, async (input, actor) => {
  await deleteReport({ actor, input });
  revalidatePath("/reports");
});

