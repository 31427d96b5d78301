import type { Locale } from "../vocab";
import { en } from "./messages/en";
import { ko } from "./messages/ko";
import { formatMessage } from "./plural";

export type Messages = typeof ko;
export type Namespace = keyof Messages;
/** A key such as `common.save`. */
export type MessageKey = { [N in Namespace]: `${N}.${Extract<keyof Messages[N], string>}` }[Namespace];

// Compile-time proof that the English catalog has every namespace and key of the Korean one.
const catalogs: Record<Locale, { [N in Namespace]: { [K in keyof Messages[N]]: string } }> = { ko, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * Fills `{name}` placeholders and `{count, plural, one {…} other {…}}` blocks, the latter by the
 * plural rules of `locale` (see lib/i18n/plural). Only English messages have plural blocks.
 */
export function format(template: string, vars?: Vars, locale: Locale = "en"): string {
  return formatMessage(template, vars, locale);
}

/** A translator for one locale (pure: usable on the server, in scripts and in tests). */
export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => {
    const dot = key.indexOf(".");
    const ns = key.slice(0, dot) as Namespace;
    const name = key.slice(dot + 1);
    const template = (messages[ns] as Record<string, string>)[name];
    return format(template ?? key, vars, locale);
  };
}

/** The messages of some namespaces, to hand to a client component as a prop. */
export function pick<N extends Namespace>(locale: Locale, ...namespaces: N[]): Pick<Messages, N> {
  const out = {} as Pick<Messages, N>;
  for (const ns of namespaces) (out as Record<string, unknown>)[ns] = catalogs[locale][ns];
  return out;
}

export function allCatalogs() {
  return catalogs;
}
