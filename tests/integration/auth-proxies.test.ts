import { describe, expect, it, vi } from "vitest";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { SIGN_IN_WINDOW_MS } from "@/lib/auth/rate-limit";
import { createUser } from "../factories";
import { headersFrom } from "./auth-mocks";
import { withFreshDatabase } from "./harness";

// Read once, when the configuration is first used (lib/env.ts).
process.env.TRUSTED_PROXIES = "10.20.0.0/16, fd00:20::/32";

vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

/*
 * Sign-in limits behind reverse proxies (TRUSTED_PROXIES): the client is the right-most
 * X-Forwarded-For hop that is not a trusted proxy; what the client itself wrote further left, and
 * any X-Forwarded-For from a connection that is not a trusted proxy, changes nothing.
 */

const t = withFreshDatabase();
const sleep = async () => {};
const window = (n: number) => new Date(Date.UTC(2031, 0, 1) + n * SIGN_IN_WINDOW_MS);

async function failTenTimes(email: string, headers: Headers, now: Date) {
  for (let i = 0; i < 10; i++) {
    expect(await authorizeCredentials({ email, password: `wrong-${i}-password` }, { headers, now, sleep })).toEqual({ ok: false, reason: "invalid_credentials" });
  }
}

describe("sign-in limits behind trusted proxies", () => {
  it("counts the client the proxy saw, not the one the client claimed to be", async () => {
    const user = await createUser(t.db);
    const right = { email: user.email, password: user.password };
    const now = window(0);
    // The client sends "X-Forwarded-For: 192.0.2.<i>" to shake off the limit; the proxy appends its peer.
    for (let i = 0; i < 10; i++) {
      const headers = headersFrom("10.20.0.5", { "x-forwarded-for": `192.0.2.${i + 1}, 198.51.100.23` });
      await authorizeCredentials({ email: user.email, password: `wrong-${i}-password` }, { headers, now, sleep });
    }
    const viaProxy = (client: string) => headersFrom("10.20.0.5", { "x-forwarded-for": client });
    expect(await authorizeCredentials(right, { headers: viaProxy("198.51.100.23"), now, sleep })).toEqual({ ok: false, reason: "rate_limited" });
    // Through a second trusted hop, the same client is still the same client.
    const twoHops = headersFrom("10.20.0.6", { "x-forwarded-for": "198.51.100.23, 10.20.0.5" });
    expect(await authorizeCredentials(right, { headers: twoHops, now, sleep })).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authorizeCredentials(right, { headers: viaProxy("198.51.100.24"), now, sleep })).toMatchObject({ ok: true });
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", async () => {
    const user = await createUser(t.db);
    const right = { email: user.email, password: user.password };
    const now = window(2);
    await failTenTimes(user.email, headersFrom("203.0.113.7", { "x-forwarded-for": "198.51.100.50" }), now);
    // Claiming to be a trusted proxy's client does not escape the lock…
    expect(await authorizeCredentials(right, { headers: headersFrom("203.0.113.7", { "x-forwarded-for": "198.51.100.51" }), now, sleep })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // …and the address it named was never locked.
    const named = headersFrom("10.20.0.5", { "x-forwarded-for": "198.51.100.50" });
    expect(await authorizeCredentials(right, { headers: named, now, sleep })).toMatchObject({ ok: true });
  });

  it("walks IPv6 proxies the same way", async () => {
    const user = await createUser(t.db);
    const right = { email: user.email, password: user.password };
    const now = window(4);
    await failTenTimes(user.email, headersFrom("fd00:20::1", { "x-forwarded-for": "2001:db8::99, 2001:db8::5, fd00:20::9" }), now);
    const client = (address: string) => headersFrom("fd00:20::1", { "x-forwarded-for": address });
    expect(await authorizeCredentials(right, { headers: client("2001:DB8:0::5"), now, sleep })).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authorizeCredentials(right, { headers: client("2001:db8::99"), now, sleep })).toMatchObject({ ok: true });
  });
});
