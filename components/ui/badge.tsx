import type { ReactNode } from "react";

/** Tone → its class in globals.css (`.tb` and `.tb-*`: short names, since lists carry hundreds). */
const tones = {
  neutral: "tb-slate",
  blue: "tb-blue",
  green: "tb-green",
  amber: "tb-amber",
  red: "tb-red",
  violet: "tb-violet",
} as const;

export type BadgeTone = keyof typeof tones;

/** A small label: a status, a priority, a framework node. */
export function Badge({ tone = "neutral", children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`tb ${tones[tone]}`}>
      {children}
    </span>
  );
}
