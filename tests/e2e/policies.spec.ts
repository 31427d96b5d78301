import { type Browser, type Page, expect, test } from "@playwright/test";
import { signIn, joinByInvitation } from "./support";

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

/** Selects `quote` inside the brief's text box, as a reader dragging over it would. */
/** A member invited by the admin with `role`, who joins in a browser context of their own and signs in again. */
async function invitedMember(admin: Page, browser: Browser, role: "editor" | "viewer", email: string, name: string, password: string) {
  const joined = await joinByInvitation(admin, browser, { role, email, name, password });
  await joined.context.clearCookies();
  await signIn(joined.page, email, password);
  return joined;
}

async function selectInBrief(page: Page, quote: string) {
  await page.getByTestId("brief-plain-text").evaluate((box, text) => {
    const node = box.firstChild as Text;
    const start = node.data.indexOf(text);
    if (start < 0) throw new Error(`not in the brief: ${text}`);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, quote);
}

test.setTimeout(240_000);

test("an editor logs a policy with two nodes and a passage, finds it by a Chinese substring, opens it and comments; a viewer sees it and cannot edit", async ({ page: admin, browser }) => {
  const stamp = Date.now().toString(36);
  const titleZh = `关于端到端测试人工智能标识${stamp}的通知`;
  const titleKo = `종단 간 시험 AI 표시 통지 ${stamp}`;
  const quote = "AI 표준 및 거버넌스 경쟁의 심화";
  const commentText = `표시 의무의 시행일을 확인해 주세요 ${stamp}`;

  // The admin invites an editor and a viewer; each joins and signs in in a browser of their own.
  await signIn(admin, adminEmail, adminPassword);
  const { page, context: editorContext } = await invitedMember(admin, browser, "editor", `editor-${stamp}@e2e.test`, `편집자 ${stamp}`, "editor-password-1");
  const { page: viewer, context: viewerContext } = await invitedMember(admin, browser, "viewer", `viewer-${stamp}@e2e.test`, "열람자 박", "viewer-password-1");

  // The editor logs a new policy with two framework nodes and a passage of the brief.
  await page.goto("/policies");
  await page.getByRole("link", { name: "정책 기록" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "새 정책 기록" })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("원문 제목(중국어)").fill(titleZh);
  await page.getByLabel("정책명").fill(titleKo);
  await page.getByLabel("문서 번호").fill(`国信办〔2099〕${stamp}号`);
  await page.getByLabel("발표일", { exact: true }).fill("2025-03-14");
  await page.getByLabel("원문 링크").fill("https://www.cac.gov.cn/e2e");
  await page.getByRole("checkbox", { name: /국가인터넷정보판공실/ }).check();
  await page.getByRole("checkbox", { name: "규제", exact: true }).check();
  await page.getByRole("checkbox", { name: quote }).check();
  await page.getByLabel("브리프와의 관계").selectOption("extends");
  await selectInBrief(page, quote);
  await page.getByRole("button", { name: "선택한 구절 추가" }).click();
  await expect(page.locator("q", { hasText: quote })).toBeVisible();
  await page.getByRole("button", { name: "저장", exact: true }).click();
  const policyPath = /\/policies\/[0-9a-f-]{36}$/;
  await expect(page).toHaveURL(policyPath, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: titleKo })).toBeVisible();
  const policyUrl = page.url();

  // The editor finds it by a Chinese substring from the middle of its title, and opens it.
  await page.goto("/policies");
  await page.getByLabel("검색").fill(`标识${stamp}`);
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: titleKo }).click();
  await expect(page).toHaveURL(policyUrl);
  await expect(page.getByRole("link", { name: "규제", exact: true })).toHaveAttribute("href", /\/framework#node-/);
  await expect(page.getByRole("link", { name: quote })).toHaveAttribute("href", /\/framework#node-/);
  await expect(page.locator("blockquote", { hasText: quote })).toBeVisible();
  await expect(page.getByRole("heading", { name: "변경 내역" })).toBeVisible();

  // The editor comments on it.
  const box = page.getByRole("textbox", { name: "새 댓글" });
  await box.click();
  await box.pressSequentially(commentText);
  await page.getByRole("button", { name: "댓글 달기" }).click();
  await expect(page.locator("article.comment").filter({ hasText: commentText })).toContainText(`편집자 ${stamp}`);
  await editorContext.close();

  // The viewer sees the policy and the comment, but no edit controls and no comment form.
  await viewer.goto(policyUrl);
  await expect(viewer.getByRole("heading", { level: 1, name: titleKo })).toBeVisible();
  await expect(viewer.locator("article.comment").filter({ hasText: commentText })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "수정" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "삭제" })).toHaveCount(0);
  await expect(viewer.getByRole("textbox", { name: "새 댓글" })).toHaveCount(0);
  await expect(viewer.getByText("열람 권한으로는 댓글을 쓸 수 없습니다.")).toBeVisible();
  await viewer.goto("/policies");
  await expect(viewer.getByRole("link", { name: titleKo })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "정책 기록" })).toHaveCount(0);
  await viewer.goto(`${policyUrl}/edit`);
  await expect(viewer.getByText("403")).toBeVisible();
  await viewerContext.close();
});

test("a CP949 CSV with an unknown issuer and a repeated row: the preview names the encoding and the new issuer, and the import succeeds", async ({ page }) => {
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/policies/import");
  await page.getByLabel(/CSV 파일/).setInputFiles("tests/fixtures/import/policies-cp949.csv");
  await page.getByRole("button", { name: "미리 보기" }).click();
  await expect(page.getByTestId("import-encoding")).toHaveText("파일 인코딩: CP949 (EUC-KR)");
  await expect(page.getByTestId("import-new-bodies")).toHaveText("公安部");
  await expect(page.getByText("2행과 같은 정책")).toBeVisible();
  await page.getByRole("button", { name: "가져오기", exact: true }).click();
  await expect(page.getByText("정책 1건을 가져왔습니다.")).toBeVisible();
  await page.goto(`/policies?q=${encodeURIComponent("안전 거버넌스")}`);
  await page.getByRole("link", { name: "인공지능 안전 거버넌스 프레임워크" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "인공지능 안전 거버넌스 프레임워크" })).toBeVisible();
  await expect(page.getByText("人工智能安全治理").first()).toBeVisible();
  await expect(page.getByText("公安部")).toBeVisible();
});
