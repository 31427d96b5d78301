import type { Locale } from "./vocab";

/**
 * The team works in Seoul and the server cannot see a reader's clock, so times are shown in
 * Korean time for both languages (English readers get the zone name spelled out).
 */
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

export type DatePrecision = "day" | "month" | "year";

const intlLocale: Record<Locale, string> = { ko: "ko-KR", en: "en-GB" };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date ('YYYY-MM-DD', as Postgres `date` columns arrive) as UTC midnight. */
function calendarDate(value: string): Date | null {
  const m = DATE_ONLY.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const dateOptions: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { year: "numeric", month: "short", day: "numeric" },
  month: { year: "numeric", month: "long" },
  year: { year: "numeric" },
};

/**
 * A date for display: `'2017-12-01'` → "2017년 12월 1일" / "1 Dec 2017". Calendar dates are shown
 * as stored (no time-zone shift); instants are shown in `timeZone`. Empty input gives "".
 */
export function formatDate(
  value: string | Date | null | undefined,
  locale: Locale,
  options: { precision?: DatePrecision; timeZone?: string } = {},
): string {
  if (value == null || value === "") return "";
  const precision = options.precision ?? "day";
  const calendar = typeof value === "string" ? calendarDate(value) : null;
  const instant = calendar ?? (typeof value === "string" ? new Date(value) : value);
  if (Number.isNaN(instant.getTime())) return String(value);
  const timeZone = calendar ? "UTC" : (options.timeZone ?? DEFAULT_TIME_ZONE);
  const key = `${locale}|${precision}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...dateOptions[precision], timeZone });
    dateFormats.set(key, format);
  }
  return format.format(instant);
}

// Building an Intl formatter costs about a millisecond; a page listing 500 notes reuses one.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
      ...(locale === "en" ? { timeZoneName: "short" as const } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** An instant with its time: "2025년 11월 26일 15:04" / "26 Nov 2025, 15:04 GMT+9". */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  if (value == null || value === "") return "";
  const instant = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return String(value);
  return dateTimeFormat(locale, timeZone).format(instant);
}

/** Machine-readable value for `<time dateTime>`. */
export function isoDateTime(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString();
}

/** Today's calendar date in `timeZone`, as 'YYYY-MM-DD' (comparable with `date` columns). */
export function todayIn(timeZone = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The calendar date `days` after `date` (both 'YYYY-MM-DD'; negative goes back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
