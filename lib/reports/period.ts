import { addDays, todayIn } from "../format";

export const reportPresets = ["last_7_days", "last_month", "since_last_report"] as const;
export type ReportPreset = (typeof reportPresets)[number];

export type Period = { from: string; to: string };

/**
 * The dates a preset of the form fills in, on Seoul's calendar: the last seven days ending today,
 * the previous calendar month, or from the day after the last report's end until today (null
 * when there is no report yet).
 */
export function presetPeriod(preset: ReportPreset, options: { today?: string; lastReportTo?: string | null } = {}): Period | null {
  const today = options.today ?? todayIn();
  switch (preset) {
    case "last_7_days":
      return { from: addDays(today, -6), to: today };
    case "last_month": {
      const firstOfThisMonth = `${today.slice(0, 7)}-01`;
      const to = addDays(firstOfThisMonth, -1);
      return { from: `${to.slice(0, 7)}-01`, to };
    }
    case "since_last_report": {
      if (!options.lastReportTo) return null;
      const from = addDays(options.lastReportTo, 1);
      return { from: from <= today ? from : today, to: today };
    }
  }
}
