import { expect, test } from "@playwright/test";
import { signIn, joinByInvitation } from "./support";

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";
const itemTitle = "중국 오픈소스 생태계에 전략적으로 참여하면서 국산 LLM 생태계를 함께 조성";
// The one framework node the seeded item covers; no seeded policy carries it.
const nodeLabel = "민간․오픈 소스 기반 글로벌 AI 생태계의 재편";

test("an admin assigns the item to an editor; an editor's new policy on its node is confirmed as an impact; the owner's update clears the review; the matrix follows", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  await signIn(page, adminEmail, adminPassword);

  // Two editors join: the item's future owner, and a colleague who logs policies.
  const ownerEmail = `owner-${stamp}@e2e.test`;
  const ownerName = `담당 편집자 ${stamp}`;
  const { page: owner, context: ownerContext } = await joinByInvitation(page, browser, { role: "editor", email: ownerEmail, name: ownerName, password: "owner-password-1" });
  const { page: logger, context: loggerContext } = await joinByInvitation(page, browser, { role: "editor", email: `logger-${stamp}@e2e.test`, name: `기록 편집자 ${stamp}`, password: "logger-password-1" });

  // The admin assigns the item to the owner.
  await page.goto("/response-items");
  await page.getByRole("link", { name: itemTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: itemTitle })).toBeVisible();
  const itemUrl = page.url();
  const itemId = itemUrl.split("/").pop()!;
  await page.getByLabel("담당자 지정").selectOption({ label: ownerName });
  await page.getByRole("button", { name: "지정", exact: true }).click();
  await expect(page.getByText("담당자를 바꿨습니다.")).toBeVisible();

  // The other editor logs a new policy tagged with the item's node.
  const titleKo = `오픈소스 대모델 생태계 육성 의견 ${stamp}`;
  await logger.goto("/policies/new");
  await expect(logger.getByRole("heading", { level: 1, name: "새 정책 기록" })).toBeVisible({ timeout: 30_000 });
  await logger.getByLabel("원문 제목(중국어)").fill(`关于促进开源大模型生态发展的意见${stamp}`);
  await logger.getByLabel("정책명").fill(titleKo);
  await logger.getByLabel("발표일", { exact: true }).fill("2025-06-20");
  await logger.getByLabel("원문 링크").fill("https://www.miit.gov.cn/e2e-open-source");
  await logger.getByRole("checkbox", { name: nodeLabel, exact: true }).check();
  await logger.getByRole("button", { name: "저장", exact: true }).click();
  await expect(logger).toHaveURL(/\/policies\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(logger.getByRole("heading", { level: 1, name: titleKo })).toBeVisible();

  // Its page proposes the item (it shares the node) and the editor confirms the impact.
  const proposals = logger.locator("[data-proposal]");
  await expect(proposals.first()).toHaveAttribute("data-proposal", itemId);
  const proposal = logger.locator(`[data-proposal="${itemId}"]`);
  await expect(proposal).toContainText(`공유 노드 1개: ${nodeLabel}`);
  await proposal.getByRole("textbox", { name: "영향 메모(선택)" }).fill("오픈소스 대모델 지원책: 국산 LLM 참여 전략 재검토");
  await proposal.getByRole("button", { name: "영향 확정" }).click();
  await expect(proposal).toHaveCount(0);
  const affected = logger.getByRole("region", { name: "영향을 받는 대응 과제" });
  await expect(affected.getByRole("listitem").filter({ hasText: itemTitle })).toContainText("검토 대기");
  await loggerContext.close();

  // The matrix: the item's cell on that node has one affecting policy and awaits review.
  await page.goto("/framework/matrix");
  const nodeRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: nodeLabel, exact: true }) });
  const cell = nodeRow.locator(`td[data-cell="${itemId}"]`);
  await expect(cell).toHaveAttribute("data-review", "true");
  await expect(cell.getByRole("link")).toContainText("1");

  // The owner signs in and finds the item under needs review, on the dashboard and the list.
  await ownerContext.clearCookies();
  await signIn(owner, ownerEmail, "owner-password-1");
  await owner.goto("/");
  const reviewPanel = owner.getByRole("region", { name: "검토가 필요한 영향" });
  await expect(reviewPanel.getByRole("link", { name: itemTitle })).toBeVisible();
  await owner.goto("/response-items?review=1");
  await expect(owner.getByRole("link", { name: itemTitle })).toBeVisible();

  // A progress update moving it to in progress acknowledges the impact; the flag clears.
  await owner.goto(itemUrl);
  await expect(owner.getByText("검토 필요 1건")).toBeVisible();
  await owner.getByRole("combobox", { name: "상태", exact: true }).selectOption("in_progress");
  await owner.getByRole("textbox", { name: "내용" }).fill("오픈소스 대모델 지원책 검토 시작");
  await owner.getByRole("button", { name: "기록하기" }).click();
  await expect(owner.getByText("진행 상황을 기록했습니다.")).toBeVisible();
  await expect(owner.getByText("검토 필요 1건")).toHaveCount(0);
  await expect(owner.getByText(`검토 완료: ${titleKo}`)).toBeVisible();
  await owner.goto("/response-items?review=1");
  await expect(owner.getByText("조건에 맞는 대응 과제가 없습니다.")).toBeVisible();
  await owner.goto("/");
  await expect(owner.getByRole("region", { name: "검토가 필요한 영향" }).getByRole("link", { name: itemTitle })).toHaveCount(0);

  // The matrix shows the cell updated: no longer awaiting review, coloured in progress, listing the policy.
  await owner.goto("/framework/matrix");
  const ownerRow = owner.getByRole("row").filter({ has: owner.getByRole("rowheader", { name: nodeLabel, exact: true }) });
  const updated = ownerRow.locator(`td[data-cell="${itemId}"]`);
  await expect(updated).not.toHaveAttribute("data-review", /.*/);
  await expect(updated).toHaveAttribute("data-covered", "true");
  await expect(updated).toHaveClass(/bg-blue-200/);
  await updated.getByRole("link").click();
  await expect(owner.locator("#cell")).toContainText(titleKo);
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
