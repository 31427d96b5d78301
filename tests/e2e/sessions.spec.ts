import { expect, test } from "@playwright/test";
import { adminEmail, adminPassword, joinByInvitation, signIn } from "./support";

// Sessions end on the server: a copied cookie is worthless after signing out, and "sign out
// everywhere" on the profile ends every browser's session, whose open pages say so live.

test("signing out ends the session on the server: the same cookie no longer opens the workspace", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/policies");
  const copied = await context.cookies();
  expect(copied.some((cookie) => cookie.name.includes("session-token"))).toBe(true);

  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who copied the cookie before presents it again.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/policies");
  await expect(stolen).toHaveURL(/\/sign-in/);
  expect((await stolen.request.get("/api/session")).status()).toBe(401);
  await Promise.all([context.close(), thief.close()]);
});

test("sign out everywhere: the profile lists both browsers, and the other one is told live that its session ended", async ({ browser, page }) => {
  await signIn(page, adminEmail, adminPassword);
  const member = { role: "viewer" as const, email: `sessions-${Date.now()}@e2e.test`, name: "세션 확인", password: "sessions-password-1" };
  const laptop = await joinByInvitation(page, browser, member);
  const phoneContext = await browser.newContext({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1" });
  const phone = await phoneContext.newPage();
  await signIn(phone, member.email, member.password);
  await phone.goto("/policies");

  await laptop.page.goto("/profile");
  const rows = laptop.page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "이 브라우저" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Safari 18 · iOS" })).toHaveCount(1);

  laptop.page.once("dialog", (dialog) => void dialog.accept());
  await laptop.page.getByRole("button", { name: "모든 기기에서 로그아웃" }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in/);

  // The phone's page is not replaced by the sign-in page: it says the session ended.
  await expect(phone.getByRole("alert").filter({ hasText: "로그인이 끝났습니다" })).toBeVisible({ timeout: 30_000 });
  await expect(phone).toHaveURL(/\/policies/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in/);
  await Promise.all([laptop.context.close(), phoneContext.close()]);
});
