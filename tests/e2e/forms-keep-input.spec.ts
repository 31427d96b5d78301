import { type Page, expect, test } from "@playwright/test";
import { adminEmail, adminPassword, signIn } from "./support";

/*
 * React 19 resets a `<form action>` after every submission, refusals included. Each form here is
 * filled, then refused by the server — the session is gone (cookies cleared in another tab, as
 * after a sign-out elsewhere) — and must still show what was typed, with the refusal said.
 */
type Case = { name: string; path: string; fill: (page: Page) => Promise<void>; submit: (page: Page) => Promise<void>; kept: (page: Page) => Promise<void> };

const typed = "사라지면 안 되는 입력 不能丢失";
const cases: Case[] = [
  {
    name: "new response item",
    path: "/response-items/new",
    fill: (page) => page.getByLabel("제목", { exact: true }).fill(typed),
    submit: (page) => page.getByRole("button", { name: "만들기" }).click(),
    kept: (page) => expect(page.getByLabel("제목", { exact: true })).toHaveValue(typed),
  },
  {
    name: "invitation",
    path: "/members",
    fill: (page) => page.getByLabel("이메일").fill("keep-me@e2e.test"),
    submit: (page) => page.getByRole("button", { name: "초대 링크 만들기" }).click(),
    kept: (page) => expect(page.getByLabel("이메일")).toHaveValue("keep-me@e2e.test"),
  },
  {
    name: "password change",
    path: "/profile",
    fill: async (page) => {
      await page.getByLabel("현재 비밀번호").fill("whatever-current-1");
      await page.getByLabel("새 비밀번호", { exact: true }).fill("a-new-password-1");
    },
    submit: (page) => page.getByRole("button", { name: "비밀번호 변경" }).click(),
    kept: (page) => expect(page.getByLabel("새 비밀번호", { exact: true })).toHaveValue("a-new-password-1"),
  },
  {
    name: "new source",
    path: "/intake/sources/new",
    fill: (page) => page.getByLabel("이름").fill(typed),
    submit: (page) => page.getByRole("button", { name: "저장" }).click(),
    kept: (page) => expect(page.getByLabel("이름")).toHaveValue(typed),
  },
  {
    name: "new policy",
    path: "/policies/new",
    fill: (page) => page.getByLabel("정책명", { exact: true }).fill(typed),
    submit: (page) => page.getByRole("button", { name: "저장", exact: true }).click(),
    kept: (page) => expect(page.getByLabel("정책명", { exact: true })).toHaveValue(typed),
  },
];

for (const c of cases) {
  test(`the ${c.name} form keeps what was typed when the server refuses it`, async ({ page, context }) => {
    await signIn(page, adminEmail, adminPassword);
    await page.goto(c.path);
    await c.fill(page);
    await context.clearCookies();
    await c.submit(page);
    await expect(page.getByRole("alert").filter({ hasText: /로그인이 필요합니다/ }).first()).toBeVisible();
    await c.kept(page);
  });
}

test("a form whose request never gets an answer keeps what was typed, says so, and sends it again", async ({ page }) => {
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/response-items/new");
  await page.getByLabel("제목", { exact: true }).fill(typed);
  // The network drops the action's request (server down, connection lost).
  await page.route("**/response-items/new", (route) => (route.request().method() === "POST" ? route.abort("connectionfailed") : route.continue()));
  await page.getByRole("button", { name: "만들기" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "서버에 닿지 못했습니다" }).first()).toBeVisible();
  await expect(page.getByLabel("제목", { exact: true })).toHaveValue(typed);
  // Back online: the same form, sent again, is saved.
  await page.unrouteAll();
  await page.getByRole("button", { name: "만들기" }).click();
  await expect(page).toHaveURL(/\/response-items\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: typed })).toBeVisible();
});

test("unsent text in the comment and progress-update boxes is a draft that survives a reload, until sent or discarded", async ({ page }) => {
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/policies");
  const hrefs = await page.locator('main a[href^="/policies/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const policyPath = hrefs.find((href) => /^\/policies\/[0-9a-f-]{36}$/.test(href))!;

  // A comment being written comes back after a reload, and is forgotten once sent.
  await page.goto(policyPath);
  const box = page.getByRole("textbox", { name: "새 댓글" });
  await box.click();
  await page.keyboard.type("아직 보내지 않은 의견");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "새 댓글" })).toHaveText("아직 보내지 않은 의견");
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await page.getByRole("button", { name: "댓글 달기" }).click();
  await expect(page.locator("article.comment").filter({ hasText: "아직 보내지 않은 의견" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "새 댓글" })).toHaveText("");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);

  // A progress update being written comes back after a reload, and is gone once discarded.
  await page.goto("/response-items");
  const items = await page.locator('main a[href^="/response-items/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const itemPath = items.find((href) => /^\/response-items\/[0-9a-f-]{36}$/.test(href))!;
  await page.goto(itemPath);
  await page.getByLabel("내용", { exact: true }).fill("회의 결과 정리 중");
  await page.reload();
  await expect(page.getByLabel("내용", { exact: true })).toHaveValue("회의 결과 정리 중");
  await page.getByTestId("draft-restored").getByRole("button", { name: "초안 버리기" }).click();
  await expect(page.getByLabel("내용", { exact: true })).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("내용", { exact: true })).toHaveValue("");
});
