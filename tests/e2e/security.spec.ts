import { type APIResponse, type Request, expect, test } from "@playwright/test";
import { adminEmail, adminPassword, signIn } from "./support";

// Every response carries the security headers, every script on a page carries the request's
// nonce, the browser reports no CSP violation on the main screens, and writes from another origin
// (or from none) are refused before they reach an action, a route handler or the database.

const itemTitle = "중국 오픈소스 생태계에 전략적으로 참여하면서 국산 LLM 생태계를 함께 조성";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

/** Asserts the security headers of `res`; returns the nonce of its policy. */
function expectSecurityHeaders(res: APIResponse, label: string): string {
  const headers = res.headers();
  const policy = headers["content-security-policy"];
  expect(policy, `${label}: content-security-policy`).toBeTruthy();
  const csp = directives(policy);
  const scripts = csp.get("script-src") ?? [];
  const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
  expect(nonce, `${label}: script-src nonce`).toBeTruthy();
  expect(scripts, `${label}: script-src`).toContain("'strict-dynamic'");
  expect(scripts, `${label}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${label}: script-src`).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get("base-uri"), `${label}: base-uri`).toEqual(["'self'"]);
  expect(csp.get("form-action"), `${label}: form-action`).toEqual(["'self'"]);
  expect(csp.get("object-src"), `${label}: object-src`).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], `${label}: x-content-type-options`).toBe("nosniff");
  expect(headers["referrer-policy"], `${label}: referrer-policy`).toBe("strict-origin-when-cross-origin");
  return nonce!;
}

/** Asserts that the page has scripts and that every one of them carries `nonce`. */
function expectNoncedScripts(html: string, nonce: string, label: string) {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `${label}: script tags`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, `${label}: script without the nonce`).toContain(` nonce="${nonce}"`);
}

test("every response carries the headers, and every script on a page the request's nonce", async ({ page, request }) => {
  test.setTimeout(180_000);
  // Anonymous: the pages for visitors without an account, a redirect, route handlers, files.
  const signInPage = await request.get("/sign-in");
  expect(signInPage.status()).toBe(200);
  const signInHtml = await signInPage.text();
  expectNoncedScripts(signInHtml, expectSecurityHeaders(signInPage, "/sign-in"), "/sign-in");
  const chunk = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(signInHtml)?.[1];
  expect(chunk, "a static chunk on /sign-in").toBeTruthy();

  const invite = await request.get("/invite/no-such-invitation");
  expectNoncedScripts(await invite.text(), expectSecurityHeaders(invite, "/invite/…"), "/invite/…");

  for (const path of ["/api/health", "/api/auth/csrf", "/api/auth/session", "/api/policies/export.csv", chunk!, "/icon.svg", "/_next/static/no-such-file.js"]) {
    expectSecurityHeaders(await request.get(path), path);
  }
  const redirect = await request.get("/policies", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, "/policies (anonymous redirect)");

  // Two different requests, two different nonces.
  const again = await request.get("/sign-in");
  expect(expectSecurityHeaders(again, "/sign-in again")).not.toBe(expectSecurityHeaders(signInPage, "/sign-in"));

  // Signed in: every screen, 404s (outside and inside the workspace) and an RSC request.
  await signIn(page, adminEmail, adminPassword);
  const screens = [
    "/",
    "/brief",
    "/brief/revisions",
    "/brief/edit",
    "/policies",
    "/policies/new",
    "/policies/import",
    "/response-items",
    "/response-items?view=board",
    "/response-items/new",
    "/response-items/report",
    "/framework",
    "/framework/matrix",
    "/activity",
    "/inbox",
    "/members",
    "/profile",
  ];
  for (const path of screens) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    expectNoncedScripts(await res.text(), expectSecurityHeaders(res, path), path);
  }
  for (const path of ["/no-such-page", "/policies/00000000-0000-4000-8000-000000000000"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expectNoncedScripts(await res.text(), expectSecurityHeaders(res, path), path);
  }
  const rsc = await page.request.get("/policies", { headers: { rsc: "1" } });
  expect(rsc.headers()["content-type"]).toContain("text/x-component");
  expectSecurityHeaders(rsc, "/policies (RSC)");
});

test("signing in and opening the main screens reports no CSP violation", async ({ page }) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|csp-violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`csp-violation ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });

  await signIn(page, adminEmail, adminPassword);
  const main = page.getByRole("navigation", { name: "주 메뉴" });
  for (const path of ["/", "/brief", "/policies", "/policies/new", "/response-items?view=board", "/framework/matrix"]) {
    await page.goto(path);
    await expect(page.locator("h1").first(), path).toBeVisible({ timeout: 30_000 });
    // The framework's scripts ran (a blocked bundle would leave `window.next` undefined).
    expect(await page.evaluate(() => (window as { next?: { version?: string } }).next?.version), path).toBeTruthy();
  }
  // Client-side navigation loads further chunks, which 'strict-dynamic' must let through.
  await main.getByRole("link", { name: "대응 과제" }).click();
  await expect(page).toHaveURL(/\/response-items/);
  await expect(page.getByRole("link", { name: itemTitle })).toBeVisible();

  // Auth.js' session endpoint answers the browser, and signing out (a server action) works.
  expect(await page.evaluate(() => fetch("/api/auth/session").then((res) => res.status))).toBe(200);
  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(violations).toEqual([]);
});

test("a server action refuses a POST from another origin, a null origin or none, and writes nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const text = `교차 출처 요청 ${Date.now().toString(36)}`;
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/response-items");
  await page.getByRole("link", { name: itemTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: itemTitle })).toBeVisible();
  const itemUrl = page.url();

  // Capture the browser's real "add comment" action request and stop it before the server.
  let action: Request | undefined;
  await page.route(itemUrl, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    action = route.request();
    await route.abort();
  });
  const box = page.getByRole("textbox", { name: "새 댓글" });
  await box.click();
  await box.pressSequentially(text);
  await page.getByRole("button", { name: "댓글 달기" }).click();
  await expect.poll(() => action).toBeTruthy();
  await page.unrouteAll();
  const sent = action!.headers();
  expect(sent["next-action"]).toBeTruthy();
  const body = action!.postDataBuffer()!;
  const replay = (origin: string | undefined) =>
    page.request.post(itemUrl, {
      headers: {
        accept: sent["accept"],
        "content-type": sent["content-type"],
        "next-action": sent["next-action"],
        "next-router-state-tree": sent["next-router-state-tree"],
        ...(origin === undefined ? {} : { origin }),
      },
      data: body,
      maxRedirects: 0,
    });

  for (const origin of ["https://evil.example", "null", undefined]) {
    const res = await replay(origin);
    expect(res.status(), `Origin: ${origin}`).toBe(403);
    expect(res.headers()["content-type"], `Origin: ${origin}`).toMatch(/^text\/plain/);
  }
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: itemTitle })).toBeVisible();
  await expect(page.locator("article.comment").filter({ hasText: text })).toHaveCount(0);

  // The very same request from our own origin goes through: the 403s came from the origin rule.
  const same = await replay(new URL(itemUrl).origin);
  expect(same.status()).toBe(200);
  await page.reload();
  await expect(page.locator("article.comment").filter({ hasText: text })).toHaveCount(1);
});

test("Auth.js' route handlers refuse a cross-origin sign-in: no session is issued", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const sessionCookies = async () => (await api.storageState()).cookies.filter(({ name }) => name.includes("session-token"));
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const form = { csrfToken, email: adminEmail, password: adminPassword, callbackUrl: baseURL! };

  for (const origin of ["https://evil.example", "null", undefined]) {
    const res = await api.post("/api/auth/callback/credentials", { form, headers: origin === undefined ? {} : { origin }, maxRedirects: 0 });
    expect(res.status(), `Origin: ${origin}`).toBe(403);
    expectSecurityHeaders(res, `refused, Origin: ${origin}`);
    expect(await sessionCookies(), `Origin: ${origin}`).toEqual([]);
  }
  const signOut = await api.post("/api/auth/signout", { form: { csrfToken }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(signOut.status()).toBe(403);

  const same = await api.post("/api/auth/callback/credentials", { form, headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(same.status()).toBe(302);
  expect(await sessionCookies()).toHaveLength(1);
  await api.dispose();
});
