import { expect, test } from "@playwright/test";
import { linkIn, mailsTo } from "./mail";
import { adminEmail, adminPassword, joinByInvitation, signIn } from "./support";

/*
 * Issue 14, point 8: an editor saves a filtered policies view with "alert me" on, on a phone-sized
 * window (the navigation's saved searches group must stay usable at 390 px); a policy that someone
 * else logs and that matches the view reaches the editor's inbox, naming the search, and their
 * mailbox (the test SMTP server of scripts/e2e.mjs): the editor chose "mail at once" for these
 * alerts on the profile (the default is the digest).
 */

test.setTimeout(240_000);

test("a saved search with an alert tells its owner when someone else logs a matching policy", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const word = `경보${stamp}`;
  const searchName = `표준 경보 ${stamp}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, adminEmail, adminPassword);
  const editorEmail = `saver-${stamp}@e2e.test`;
  const { page, context } = await joinByInvitation(admin, browser, { role: "editor", email: editorEmail, name: `저장자 ${stamp}`, password: "saver-password-1" });
  await page.setViewportSize({ width: 390, height: 844 });

  // Saved-search alerts by mail at once (the default is the digest).
  await page.goto("/profile");
  await page.getByRole("row", { name: /저장한 검색 알림/ }).getByLabel("바로 메일").check();
  await page.getByRole("button", { name: "알림 설정 저장" }).click();
  await expect(page.getByText("알림 설정을 저장했습니다.")).toBeVisible();

  // The editor narrows the policies list, then saves the view with "alert me" on.
  await page.goto("/policies");
  await page.getByLabel("검색").fill(word);
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}`));
  await page.getByText("이 검색 저장").click();
  await page.getByLabel("이름").fill(searchName);
  await page.getByLabel("조건에 새로 맞는 정책이 생기면 알려 주기").check();
  await page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "검색을 저장했습니다." })).toBeVisible();

  // It is in the navigation's saved searches group, which opens and fits a 390 px window.
  const group = page.getByTestId("saved-search-nav");
  await group.locator("summary").click();
  const link = group.getByRole("link", { name: new RegExp(searchName) });
  await expect(link).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(link).toHaveAttribute("href", `/policies?q=${encodeURIComponent(word)}`);

  // Someone else logs a policy that matches, and one that does not.
  const log = async (titleKo: string, titleZh: string) => {
    await admin.goto("/policies/new");
    await admin.getByLabel("원문 제목(중국어)").fill(titleZh);
    await admin.getByLabel("정책명").fill(titleKo);
    await admin.getByRole("button", { name: "저장", exact: true }).click();
    await expect(admin).toHaveURL(/\/policies\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  };
  const matching = `${word} 생성형 AI 표준`;
  await log(matching, `生成式人工智能标准${stamp}`);
  await log(`무관한 정책 ${stamp}`, `无关政策${stamp}`);

  // The editor's inbox names the policy and the search; the other policy is not there.
  await page.goto("/inbox");
  const alert = page.getByTestId("notification").filter({ hasText: "저장한 검색 알림" });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(matching);
  await expect(alert).toContainText(searchName);
  // And the mail: one, for the matching policy only, linking to it.
  const [mail] = await mailsTo(editorEmail, matching);
  expect(mail.parsed.subject).toContain("저장한 검색 알림");
  expect(linkIn(mail, "/policies/")).toMatch(/\/policies\/[0-9a-f-]{36}/);
  const others = (await mailsTo(editorEmail, "")).filter((m) => (m.parsed.subject ?? "").includes(`무관한 정책 ${stamp}`));
  expect(others).toHaveLength(0);
  await alert.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: matching })).toBeVisible();

  // The search is managed on its own screen: the alert can be turned off there.
  await page.goto("/saved-searches");
  await page.getByRole("button", { name: `「${searchName}」 알림 끄기` }).click();
  await expect(page.getByRole("button", { name: `「${searchName}」 알림 켜기` })).toBeVisible();

  await context.close();
  await adminContext.close();
});
