import { allCatalogs, type MessageKey, type Translate } from "../i18n/catalog";

const known = allCatalogs().ko.intake as Record<string, string>;

/** A source's failure code (`timeout`, `http_status`, `page_built_by_script` …) as a sentence. */
export function describeSourceError(t: Translate, code: string, status: number | null = null): string {
  const key = `sourceError.${code}`;
  return key in known ? t(`intake.${key}` as MessageKey, { status: status ?? "?" }) : code;
}
