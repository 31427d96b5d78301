import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { users } from "../../db/schema";
import { AppError } from "../actions/result";

/**
 * Locks the active admins' rows for the rest of the transaction and returns how many there are.
 * Two admins demoting each other at the same moment then run one after the other, and the second
 * sees that only one admin is left.
 */
export async function lockActiveAdmins(tx: Executor): Promise<number> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .for("update");
  return rows.length;
}

/** The member's row, locked; 404 when missing, 409 when it changed since the form read `version`. */
export async function loadMemberForUpdate(tx: Executor, userId: string, version: number) {
  const [member] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for("update");
  if (!member) throw new AppError("not_found", { message: "members.memberNotFound" });
  if (member.version !== version) throw new AppError("conflict");
  return member;
}

/** Column updates shared by every change to a user row: a new version and a fresh timestamp. */
export function touched(now: Date) {
  return { version: sql`${users.version} + 1`, updatedAt: now };
}

/** …plus a new session version, which signs the member out everywhere. */
export function touchedAndSignedOut(now: Date) {
  return { ...touched(now), sessionVersion: sql`${users.sessionVersion} + 1` };
}
