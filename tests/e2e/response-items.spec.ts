import { type Page, expect, test } from "@playwright/test";

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";
const itemTitle = "중국 오픈소스 생태계에 전략적으로 참여하면서 국산 LLM 생태계를 함께 조성";
// A seeded policy tagged 투자; the item gets that node below (seeded policies carry none of its own).
const policyTitle = "차세대 인공지능 발전계획(2018~2020)";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("an owner is assigned, an impact puts the item in review, and the owner's update clears it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, adminEmail, adminPassword);

  // Invite an editor, who joins in a browser of their own.
  const editorEmail = `owner-${Date.now()}@e2e.test`;
  const editorName = `담당 편집자 ${Date.now() % 10000}`;
  await page.goto("/members");
  await page.getByLabel("이메일").fill(editorEmail);
  await page.getByLabel("역할", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "초대 링크 만들기" }).click();
  const link = await page.getByLabel("초대 링크").inputValue();
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await owner.goto(link);
  await owner.getByLabel("이름").fill(editorName);
  await owner.getByLabel("비밀번호", { exact: true }).fill("owner-password-1");
  await owner.getByLabel("비밀번호 확인").fill("owner-password-1");
  await owner.getByRole("button", { name: "계정 만들기" }).click();
  await expect(owner).not.toHaveURL(/\/invite\//);

  // The admin assigns the item to the editor.
  await page.goto("/response-items");
  await page.getByRole("link", { name: itemTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: itemTitle })).toBeVisible();
  const itemUrl = page.url();
  await page.getByLabel("담당자 지정").selectOption({ label: editorName });
  await page.getByRole("button", { name: "지정", exact: true }).click();
  await expect(page.getByText("담당자를 바꿨습니다.")).toBeVisible();

  // Tag the item with a node a seeded policy carries, then link that policy with a note.
  await page.getByText("과제 수정").click();
  await page.getByRole("checkbox", { name: "투자", exact: true }).check();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("저장했습니다.")).toBeVisible();
  await page.getByText("정책 연결", { exact: true }).click();
  await page.getByRole("combobox", { name: "정책", exact: true }).selectOption({ label: `${policyTitle} (2017-12)` });
  await page.getByLabel("영향 메모(선택)").fill("투자 축 정책: 국산 LLM 투자 계획 재검토");
  await page.getByRole("button", { name: "연결", exact: true }).click();
  await expect(page.getByText("정책을 연결했습니다.")).toBeVisible();
  await expect(page.getByText("검토 필요 1건")).toBeVisible();

  // The matrix shows the cell: one affecting policy, awaiting review.
  await page.goto("/framework/matrix");
  const reviewCells = page.locator("td[data-review]");
  await expect(reviewCells.filter({ hasText: "1" })).toHaveCount(1);

  // The owner signs in and finds the item waiting for review.
  await ownerContext.clearCookies();
  await signIn(owner, editorEmail, "owner-password-1");
  const reviewPanel = owner.getByRole("region", { name: "검토가 필요한 영향" });
  await expect(reviewPanel.getByRole("link")).toContainText(itemTitle);
  await owner.goto("/response-items?review=1");
  await expect(owner.getByRole("link", { name: itemTitle })).toBeVisible();

  // A progress update moving it to in progress acknowledges the impact.
  await owner.goto(itemUrl);
  await owner.getByRole("combobox", { name: "상태", exact: true }).selectOption("in_progress");
  await owner.getByRole("textbox", { name: "내용" }).fill("투자 계획 검토를 시작함");
  await owner.getByRole("button", { name: "기록하기" }).click();
  await expect(owner.getByText("진행 상황을 기록했습니다.")).toBeVisible();
  await expect(owner.getByText("검토 필요 1건")).toHaveCount(0);
  await expect(owner.getByText(`검토 완료: ${policyTitle}`)).toBeVisible();
  await owner.goto("/response-items?review=1");
  await expect(owner.getByText("조건에 맞는 대응 과제가 없습니다.")).toBeVisible();

  // The matrix: no cell awaits review; the cell, coloured in progress, lists the policy.
  await owner.goto("/framework/matrix");
  await expect(owner.locator("td[data-review]")).toHaveCount(0);
  const cell = owner.locator("td[data-covered]").filter({ hasText: "1" });
  await expect(cell).toHaveCount(1);
  await expect(cell).toHaveClass(/bg-blue-200/);
  await cell.getByRole("link").click();
  await expect(owner.locator("#cell")).toContainText(policyTitle);
  await ownerContext.close();
});

test("the status report downloads as CSV for members only", async ({ page, request }) => {
  const anonymous = await request.get("/api/response-items/export.csv");
  expect(anonymous.status()).toBe(401);
  await signIn(page, adminEmail, adminPassword);
  const res = await page.request.get("/api/response-items/export.csv");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const body = await res.text();
  expect(body.charCodeAt(0)).toBe(0xfeff);
  expect(body).toContain("자금․세제․규제");
});
