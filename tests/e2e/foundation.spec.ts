import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";
const briefTitle = "글로벌 AI 패권 경쟁 : 중국 동향과 시사점";

test("an anonymous visitor is sent to sign in, and a wrong password gets one generic message", async ({ page }) => {
  await page.goto("/policies");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpolicies/);
  await page.getByLabel("이메일").fill(adminEmail);
  await page.getByLabel("비밀번호", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
});

test("admin reads the brief, invites an editor who joins and reaches the policies; English changes the interface only", async ({ page, browser }) => {
  await signIn(page, adminEmail, adminPassword);

  // The brief, with Table 1 as a real table.
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "브리프" }).click();
  await expect(page.getByRole("heading", { level: 1, name: briefTitle })).toBeVisible();
  const tableOne = page.getByRole("table").filter({ hasText: "정책명" });
  await expect(tableOne.getByRole("columnheader", { name: "구분" })).toBeVisible();
  await expect(tableOne.getByRole("row")).toHaveCount(8);
  await expect(tableOne).toContainText("생성형 인공지능 서비스 관리 장정 조례");
  await expect(page.getByText("민간 주도의 기술혁신을 뒷받침할 수 있도록 자금․세제․규제 완화 정책 필요")).toBeVisible();

  // Invite an editor.
  const editorEmail = `editor-${Date.now()}@e2e.test`;
  await page.goto("/members");
  await page.getByLabel("이메일").fill(editorEmail);
  await page.getByLabel("역할", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "초대 링크 만들기" }).click();
  const link = await page.getByLabel("초대 링크").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  // The editor accepts in a browser of their own, then signs in.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto(link);
  await editor.getByLabel("이름").fill("편집자 김");
  await editor.getByLabel("비밀번호", { exact: true }).fill("editor-password-1");
  await editor.getByLabel("비밀번호 확인").fill("editor-password-1");
  await editor.getByRole("button", { name: "계정 만들기" }).click();
  await expect(editor).not.toHaveURL(/\/invite\//);
  await editor.context().clearCookies();
  await signIn(editor, editorEmail, "editor-password-1");
  await editor.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "정책" }).click();
  await expect(editor).toHaveURL(/\/policies$/);
  await expect(editor.getByText("生成式人工智能服务管理暂行办法")).toBeVisible();
  // Editors do not manage members.
  await expect(editor.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "구성원" })).toHaveCount(0);

  // English changes the interface, not the brief.
  await editor.goto("/brief");
  await editor.getByRole("button", { name: "English" }).click();
  await expect(editor.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Policies" })).toBeVisible();
  await expect(editor.getByRole("heading", { level: 1, name: briefTitle })).toBeVisible();
  await expect(editor.getByRole("table").filter({ hasText: "정책명" })).toContainText("생성형 인공지능 서비스 관리 장정 조례");
  await editor.reload();
  await expect(editor.locator("html")).toHaveAttribute("lang", "en");
  await editorContext.close();
});

test("health check answers for load balancers", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/sign-in", "/api/health", "/api/auth/csrf"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});
