import { expect, test } from "@playwright/test";
import { linkIn, mailsTo } from "./mail";
import { adminEmail, adminPassword, joinByInvitation, signIn } from "./support";

/*
 * Issue 14, point 7: "forgot password" on the sign-in page → the mail arrives at the test SMTP
 * server → its link sets a new password → signing in with it works; the session that was open in
 * another browser is over (its next navigation lands on the sign-in page).
 */

test.setTimeout(240_000);

test("a forgotten password is reset through the mailed link, and the other browser is signed out", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const email = `forgetful-${stamp}@e2e.test`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, adminEmail, adminPassword);
  // A member signed in in one browser (the invitation's acceptance signs them in).
  const { page: other, context: otherContext } = await joinByInvitation(admin, browser, { role: "editor", email, name: `잊는 사람 ${stamp}`, password: "old-password-1" });
  await adminContext.close();

  // In another browser, they forgot it.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "비밀번호를 잊으셨나요?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("이메일").fill(email);
  await page.getByRole("button", { name: "재설정 링크 보내기" }).click();
  await expect(page.getByText("이 주소로 된 계정이 있다면 재설정 링크를 보냈습니다.")).toBeVisible();
  // The same answer for an address without an account.
  await page.getByLabel("이메일").fill(`nobody-${stamp}@e2e.test`);
  await page.getByRole("button", { name: "재설정 링크 보내기" }).click();
  await expect(page.getByText("이 주소로 된 계정이 있다면 재설정 링크를 보냈습니다.")).toBeVisible();

  const [mail] = await mailsTo(email, "비밀번호 재설정");
  expect(mail.parsed.subject).toBe("[정책 데스크] 비밀번호 재설정 링크");
  const link = linkIn(mail, "/reset-password/");

  // The link's page: mismatched passwords keep what was typed; then the new password is set.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "새 비밀번호 정하기" })).toBeVisible();
  await page.getByLabel("비밀번호", { exact: true }).fill("new-password-22");
  await page.getByLabel("비밀번호 확인").fill("something-else-22");
  await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(page.getByText("두 비밀번호가")).toBeVisible();
  await expect(page.getByLabel("비밀번호", { exact: true })).toHaveValue("new-password-22");
  await page.getByLabel("비밀번호 확인").fill("new-password-22");
  await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done/, { timeout: 60_000 });
  await expect(page.getByText("비밀번호를 바꿨습니다. 새 비밀번호로 로그인하세요.")).toBeVisible();

  // The new password signs in; the old session in the other browser is over.
  await signIn(page, email, "new-password-22");
  await other.goto("/inbox");
  await expect(other).toHaveURL(/\/sign-in/);

  // The link worked once.
  await context.clearCookies();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1, name: "이 재설정 링크는 사용할 수 없습니다" })).toBeVisible();
  await expect(page.getByRole("link", { name: "새 재설정 링크 요청" })).toHaveAttribute("href", "/forgot-password");

  await otherContext.close();
  await context.close();
});
