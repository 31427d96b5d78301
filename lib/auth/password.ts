import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum, which isolatedModules cannot inline: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

// OWASP's baseline for Argon2id (19 MiB, 2 passes, 1 lane): ~25 ms here, affordable per sign-in.
const options: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password as a PHC string (`$argon2id$v=19$…`), salt included. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** True when `password` matches `passwordHash`; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no account to check against, so the
 * response time does not tell an attacker which e-mail addresses exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("policy-desk-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
