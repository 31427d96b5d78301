"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { Messages, Namespace } from "@/lib/i18n/catalog";
import { formatMessage } from "@/lib/i18n/plural";

type Provided = Partial<Messages>;

const MessagesContext = createContext<Provided>({});

/**
 * Hands a few catalog namespaces (picked on the server with `pick`) to client components below,
 * e.g. the workspace's error and loading views, which cannot call the server translator.
 */
export function MessagesProvider({ messages, children }: { messages: Provided; children: ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The messages of namespace `ns`; it must have been provided by an enclosing MessagesProvider. */
export function useMessages<N extends Namespace>(ns: N): Messages[N] {
  const messages = useContext(MessagesContext)[ns];
  if (!messages) throw new Error(`Messages of namespace "${ns}" were not provided`);
  return messages as Messages[N];
}

/** The messages of namespace `ns` when an enclosing MessagesProvider gave them (pages outside the workspace have none). */
export function useOptionalMessages<N extends Namespace>(ns: N): Messages[N] | undefined {
  return useContext(MessagesContext)[ns] as Messages[N] | undefined;
}

/**
 * Fills `{name}` placeholders and `{count, plural, one {…} other {…}}` blocks (the client-side twin
 * of lib/i18n/catalog's `format`). Plural blocks occur only in English messages, so English rules
 * are the default; pass the locale where it is known.
 */
export function fill(template: string, vars: Record<string, string | number>, locale: string = "en"): string {
  return formatMessage(template, vars, locale);
}
