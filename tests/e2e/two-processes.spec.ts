import { type Browser, type Page, expect, test } from "@playwright/test";
import { editorOn } from "./support";

// Two app processes (`next start` on two ports) on one Postgres database, started by
// scripts/e2e.mjs. A browser on process A must see what is written through process B live:
// the only path between them is Postgres LISTEN/NOTIFY.
const processA = process.env.E2E_PROCESS_A_URL;
const processB = process.env.E2E_PROCESS_B_URL;
const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

test.skip(!processA || !processB, "needs the two Postgres-backed servers (scripts/e2e.mjs without E2E_POSTGRES=off)");

async function signedIn(browser: Browser, baseURL: string, email: string, password: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return { context, page };
}

/** A second editor (invited on A), signed in on B. */
const editorOnB = (admin: Page, browser: Browser, name: string) => editorOn(admin, browser, processB!, name);

const unreadBadge = (page: Page) => page.getByRole("navigation", { name: "주 메뉴" }).getByTestId("nav-badge-inbox");

test("a comment written through process B appears live on process A, with A's unread count, and presence crosses processes", async ({ browser }) => {
  const a = await signedIn(browser, processA!, adminEmail, adminPassword);
  const b = await editorOnB(a.page, browser, "B 프로세스 편집자");
  const admin = a.page;
  const editor = b.page;

  // A watches a policy page; its unread count starts at zero (a fresh database).
  await admin.goto("/policies");
  // The first link to a policy itself (the list also links to /policies/new).
  const hrefs = await admin.locator('a[href^="/policies/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const policyPath = hrefs.find((href) => /^\/policies\/[0-9a-f-]{36}$/.test(href)) ?? "";
  expect(policyPath).toMatch(/^\/policies\/[0-9a-f-]{36}$/);
  await admin.goto(policyPath);
  await expect(admin.getByRole("heading", { name: "댓글" })).toBeVisible();
  await expect(unreadBadge(admin)).toHaveCount(0);
  await admin.evaluate(() => Object.assign(window, { __notReloaded: true })); // gone after a reload

  // B comments there, mentioning A's user.
  await editor.goto(policyPath);
  const box = editor.getByRole("textbox", { name: "새 댓글" });
  await box.click();
  await box.pressSequentially("다른 프로세스에서 씁니다 @관리");
  await editor.getByRole("listbox").getByRole("option", { name: /관리자/ }).click();
  const clickedAt = Date.now();
  await editor.getByRole("button", { name: "댓글 달기" }).click();
  await expect(editor.locator("article.comment").filter({ hasText: "다른 프로세스에서 씁니다" })).toBeVisible();
  const savedAt = Date.now(); // B's own page shows it: the write has committed

  // A shows it and A's unread count rises within 2 s of the write, with no reload.
  await expect(admin.locator("article.comment").filter({ hasText: "다른 프로세스에서 씁니다" })).toBeVisible({ timeout: 2_000 });
  const commentAt = Date.now();
  await expect(unreadBadge(admin)).toContainText("1", { timeout: Math.max(1, 2_000 - (Date.now() - savedAt)) });
  const badgeAt = Date.now();
  expect(await admin.evaluate(() => "__notReloaded" in window)).toBe(true);
  console.log(
    `two processes: B's click → B shows its comment ${savedAt - clickedAt} ms; then A shows it +${commentAt - savedAt} ms, A's unread badge +${badgeAt - savedAt} ms`,
  );

  // Presence: A has the brief open; B opening it through the other process shows up on A, and
  // B leaving takes it away again.
  await admin.goto("/brief");
  const presence = admin.getByTestId("presence");
  await expect(presence).toContainText("지금 이 페이지를 보는 다른 사람은 없습니다.");
  await editor.goto("/brief");
  // B's heartbeat has answered (it lists A): B's presence row is committed.
  await expect(editor.getByTestId("presence").getByRole("listitem").filter({ hasText: "관리자" })).toBeVisible();
  const arrivedAt = Date.now();
  await expect(presence.getByRole("listitem").filter({ hasText: "B 프로세스 편집자" })).toBeVisible({ timeout: 2_000 });
  const presenceAt = Date.now();
  await editor.goto("/policies");
  await expect(presence).toContainText("지금 이 페이지를 보는 다른 사람은 없습니다.", { timeout: 2_000 });
  console.log(`two processes: B's arrival on the brief shown on A +${presenceAt - arrivedAt} ms; B's departure shown on A within 2 s`);

  await b.context.close();
  await a.context.close();
});

test("a status move on the board through process B moves the card on process A's board within 2 s, without a reload", async ({ browser }) => {
  const a = await signedIn(browser, processA!, adminEmail, adminPassword);
  const b = await signedIn(browser, processB!, adminEmail, adminPassword);
  await a.page.goto("/response-items?view=board");
  await b.page.goto("/response-items?view=board");
  const card = (page: Page) => page.locator("li[data-live-key^='response_item:']").filter({ hasText: "#1" }).first();
  const itemId = (await card(a.page).getAttribute("data-live-key"))!.slice("response_item:".length);
  const columnOf = (page: Page) => page.locator(`section[data-status]:has(li[data-live-key="response_item:${itemId}"])`);
  const before = await columnOf(a.page).getAttribute("data-status");
  const target = before === "blocked" ? "in_progress" : "blocked";
  await a.page.evaluate(() => Object.assign(window, { __notReloaded: true }));

  // B moves it (to blocked it asks why).
  const onB = b.page.locator(`li[data-live-key="response_item:${itemId}"]`);
  await onB.getByRole("button", { name: "옮기기" }).click();
  const dialog = b.page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "상태" }).selectOption(target);
  if (target === "blocked") await dialog.getByLabel("무엇이 막고 있나요?").fill("예산 승인 대기");
  await dialog.getByRole("button", { name: "옮기기" }).click();
  await expect(b.page.locator(`section[data-status="${target}"] li[data-live-key="response_item:${itemId}"]`)).toBeVisible();
  const savedAt = Date.now();

  await expect(a.page.locator(`section[data-status="${target}"] li[data-live-key="response_item:${itemId}"]`)).toBeVisible({ timeout: 2_000 });
  console.log(`two processes: B's board move shown on A's board +${Date.now() - savedAt} ms`);
  expect(await a.page.evaluate(() => "__notReloaded" in window)).toBe(true);
  await b.context.close();
  await a.context.close();
});
