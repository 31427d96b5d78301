import { z } from "zod";
import type { MessageKey } from "../i18n/catalog";
import { locales, reportSections } from "../vocab";

/** A period is at most a year: a report is a briefing, not an archive. */
export const MAX_PERIOD_DAYS = 366;

const day = z.iso.date({ message: "reports.error.date" satisfies MessageKey });
/** Checkboxes named `sections`: one value arrives as a string, several as an array. */
const sections = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(reportSections)).min(1, { message: "reports.error.noSection" satisfies MessageKey }),
);

const span = (p: { from: string; to: string }) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
// zod runs an object's refinements even when a field failed: only a period of two real dates is compared.
const bothDates = (p: { from: unknown; to: unknown }) => day.safeParse(p.from).success && day.safeParse(p.to).success;
function checkPeriod<T extends { from: string; to: string }>(schema: z.ZodType<T>) {
  return schema
    .refine((p) => !bothDates(p) || p.from <= p.to, { path: ["to"], message: "reports.error.order" satisfies MessageKey })
    .refine((p) => !bothDates(p) || p.from > p.to || span(p) < MAX_PERIOD_DAYS, { path: ["to"], message: "reports.error.tooLong" satisfies MessageKey });
}

/** `/reports/new`: the form and the action. An empty title is filled in from the period. */
export const generateReportSchema = checkPeriod(
  z.object({
    title: z.string().trim().max(200).default(""),
    from: day,
    to: day,
    language: z.enum(locales),
    sections,
  }),
);
export type GenerateReportInput = z.input<typeof generateReportSchema>;
export type GenerateReportData = z.output<typeof generateReportSchema>;

export const reportRefSchema = z.object({ id: z.guid() });
export type ReportRefInput = z.input<typeof reportRefSchema>;

/** The query of `/api/reports/period.docx` and `period.md`: a period; language and sections optional. */
export const periodQuerySchema = checkPeriod(
  z.object({
    from: day,
    to: day,
    language: z.enum(locales).optional(),
    sections: sections.optional(),
  }),
);
