import { type Browser, type Page, expect, test } from "@playwright/test";
import { signIn } from "./support";

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

/** An editor invited by the admin, signed in in a browser context of their own. */
async function invitedEditor(admin: Page, browser: Browser) {
  const email = `collab-${Date.now()}@e2e.test`;
  await admin.goto("/members");
  await admin.getByLabel("이메일").fill(email);
  await admin.getByLabel("역할", { exact: true }).selectOption("editor");
  await admin.getByRole("button", { name: "초대 링크 만들기" }).click();
  const link = await admin.getByLabel("초대 링크").inputValue();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("이름").fill("편집자 댓글");
  await page.getByLabel("비밀번호", { exact: true }).fill("editor-password-1");
  await page.getByLabel("비밀번호 확인").fill("editor-password-1");
  await page.getByRole("button", { name: "계정 만들기" }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
  await context.clearCookies();
  await signIn(page, email, "editor-password-1");
  return { page, context };
}

const unreadBadge = (page: Page) => page.getByRole("navigation", { name: "주 메뉴" }).getByTestId("nav-badge-inbox");

/** The first link on `page` to a record under `prefix` (e.g. "/response-items/<uuid>"). */
async function firstRecordPath(page: Page, prefix: string) {
  const hrefs = await page.locator(`a[href^="${prefix}/"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => new RegExp(`^${prefix}/[0-9a-f-]{36}$`).test(href)) ?? "";
  expect(found).not.toBe("");
  return found;
}

test("an editor's comment on a response item, mentioning the admin, reaches the admin's open page and unread count live, and the inbox links to it", async ({ page: admin, browser }) => {
  await signIn(admin, adminEmail, adminPassword);
  // Start from a clean inbox so the count is known.
  await admin.goto("/inbox");
  const markAll = admin.getByRole("button", { name: "모두 읽음으로 표시" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(unreadBadge(admin)).toHaveCount(0);
  }

  const { page: editor, context } = await invitedEditor(admin, browser);

  // Both open the same response item.
  await admin.goto("/response-items");
  const policyPath = await firstRecordPath(admin, "/response-items");
  await admin.goto(policyPath);
  await expect(admin.getByRole("heading", { name: "댓글" })).toBeVisible();
  await expect(unreadBadge(admin)).toHaveCount(0);
  await editor.goto(policyPath);

  // The editor comments, mentioning the admin.
  const box = editor.getByRole("textbox", { name: "새 댓글" });
  await box.click();
  await box.pressSequentially("검토 부탁드립니다 @관리");
  await editor.getByRole("listbox").getByRole("option", { name: /관리자/ }).click();
  await editor.getByRole("button", { name: "댓글 달기" }).click();
  await expect(editor.locator("article.comment").filter({ hasText: "검토 부탁드립니다" })).toBeVisible();

  // The admin's page shows it and the unread count rises, without a reload, within 2 s.
  await expect(admin.locator("article.comment").filter({ hasText: "검토 부탁드립니다" })).toBeVisible({ timeout: 2_000 });
  await expect(unreadBadge(admin)).toContainText("1", { timeout: 2_000 });

  // The inbox links to the comment itself, highlighted by the address.
  await admin.goto("/inbox");
  const notification = admin.getByTestId("notification").first();
  await expect(notification).toContainText("나를 언급함");
  await expect(notification).toContainText("편집자 댓글");
  await notification.getByRole("link").click();
  await expect(admin).toHaveURL(new RegExp(`${policyPath}#comment-[0-9a-f-]{36}$`));
  const commentId = new URL(admin.url()).hash.slice(1);
  await expect(admin.locator(`article#${commentId}`)).toContainText("검토 부탁드립니다");
  await expect(admin.locator(`article#${commentId}`)).toHaveCSS("box-shadow", /rgb/);

  await context.close();
});

test("two editors edit the same policy: the second save is merged, shows both titles, keeps the second editor's text and saves it", async ({ page: admin, browser }) => {
  await signIn(admin, adminEmail, adminPassword);
  const { page: editor, context } = await invitedEditor(admin, browser);
  await admin.goto("/policies");
  const policyPath = await firstRecordPath(admin, "/policies");

  // Both open the edit form on the same version.
  await admin.goto(`${policyPath}/edit`);
  await editor.goto(`${policyPath}/edit`);
  const adminTitle = admin.getByLabel("정책명", { exact: true });
  const editorTitle = editor.getByLabel("정책명", { exact: true });
  await expect(editorTitle).toBeVisible();

  // The first save wins.
  const first = `관리자가 고친 제목 ${Date.now()}`;
  await adminTitle.fill(first);
  await admin.getByRole("button", { name: "저장", exact: true }).click();
  // Generous: on a loaded machine the first save (and the policy page it opens) can take a while.
  await expect(admin).toHaveURL(new RegExp(`${policyPath}$`), { timeout: 30_000 });
  await expect(admin.getByText(first).first()).toBeVisible();

  // The second, on the stale version, is refused and merged: both titles side by side, what the
  // editor typed still in the form; saving again applies it against the new version.
  const second = `편집자가 고친 제목 ${Date.now()}`;
  await editorTitle.fill(second);
  await editor.getByRole("button", { name: "저장", exact: true }).click();
  const field = editor.getByTestId("conflict-panel").locator("li[data-field='titleKo']");
  await expect(field.locator("[data-value='theirs']")).toHaveText(first, { timeout: 30_000 });
  await expect(field.locator("[data-value='mine']")).toHaveText(second);
  await expect(editor).toHaveURL(new RegExp(`${policyPath}/edit$`));
  await expect(editorTitle).toHaveValue(second);
  await field.getByRole("button", { name: "내 값 유지" }).click();
  await editor.getByRole("button", { name: "저장", exact: true }).click();
  await expect(editor).toHaveURL(new RegExp(`${policyPath}$`), { timeout: 30_000 });
  await expect(editor.getByRole("heading", { level: 1, name: second })).toBeVisible();

  await context.close();
});
