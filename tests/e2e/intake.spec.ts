import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server";
import { adminEmail, adminPassword, signIn } from "./support";

// A ministry's news list (GB18030, charset only in its meta tag) and one policy page, served on
// the one address the app servers may fetch (scripts/e2e.mjs sets SOURCE_FETCH_ALLOW for it).
const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? "3220");
const fixtures = path.join(__dirname, "../fixtures/intake");
let server: FixtureServer;

test.beforeAll(async () => {
  server = await startFixtureServer({ port: fixturePort });
  const list = fs.readFileSync(path.join(fixtures, "list-gb18030.html"));
  server.route("/xwdt/list.html", { headers: { "Content-Type": "text/html" }, body: list });
  const policy = fs.readFileSync(path.join(fixtures, "policy-govcn.html"));
  server.route("/zwgk/2025-03/14/content_1.html", { headers: { "Content-Type": "text/html; charset=utf-8" }, body: policy });
});
test.afterAll(async () => server?.close());

test("an editor adds a list page source, logs one entry as a policy and dismisses another; a second browser sees the queue change live", async ({ browser, page }) => {
  await signIn(page, adminEmail, adminPassword);

  // A second browser watches the queue from the start.
  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  await signIn(watcher, adminEmail, adminPassword);
  await watcher.goto("/intake");
  // The queue is open and empty (other specs may have added a source that was never checked).
  await expect(watcher.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(watcher.getByRole("table", { name: "수집 항목" })).toHaveCount(0);

  // Add the source, with the test preview first.
  await page.goto("/intake/sources/new");
  await page.getByLabel("이름").fill("공업정보화부 뉴스");
  await page.getByLabel("형식").selectOption("html_list");
  await page.getByLabel("URL").fill(server.url("/xwdt/list.html"));
  await page.getByLabel("항목 링크 선택자 (CSS)").fill("ul.list li");
  await page.getByRole("button", { name: "이 출처 시험하기" }).click();
  await expect(page.getByText("미리 보기: 항목 6개")).toBeVisible();
  await expect(page.getByText("문자 인코딩: gb18030")).toBeVisible();
  await expect(page.getByRole("link", { name: "关于印发《人工智能生成合成内容标识办法》的通知" })).toBeVisible();
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/\/intake\/sources$/);
  const row = page.getByRole("row", { name: /공업정보화부 뉴스/ });
  await expect(row).toBeVisible();

  // Checked now (by the server's job runner): the watcher's queue fills without a reload.
  await row.getByRole("button", { name: "지금 확인" }).click();
  const queue = watcher.getByRole("table", { name: "수집 항목" });
  await expect(queue.getByRole("row")).toHaveCount(7, { timeout: 20_000 }); // header + 6 entries
  await expect(row.getByText("6", { exact: true })).toBeVisible({ timeout: 20_000 });

  // Log one entry: the form starts from the policy's page, every read value marked as a guess.
  await page.goto("/intake");
  const entry = page.getByRole("row", { name: /人工智能生成合成内容标识办法/ });
  await entry.getByRole("link", { name: "정책으로 등록" }).click();
  await expect(page).toHaveURL(/\/policies\/new\?intake=/);
  await expect(page.getByRole("status").filter({ hasText: "원문 페이지에서 추정한 값" })).toBeVisible();
  await expect(page.getByLabel(/원문 제목\(중국어\)/)).toHaveValue("人工智能生成合成内容标识办法");
  await expect(page.getByLabel(/문서 번호/)).toHaveValue("国信办通字〔2025〕2号");
  await expect(page.getByLabel(/시행일/)).toHaveValue("2025-09-01");
  await page.getByLabel("정책명", { exact: true }).fill("인공지능 생성·합성 콘텐츠 표시 방법");
  await page.getByRole("button", { name: "저장", exact: true }).click();
  const anyway = page.getByRole("button", { name: "그래도 저장" });
  await Promise.race([page.waitForURL(/\/policies\/[0-9a-f-]{36}$/), anyway.waitFor()]);
  if (await anyway.isVisible()) await anyway.click();
  await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "인공지능 생성·합성 콘텐츠 표시 방법" })).toBeVisible();

  // Dismiss another; both leave the watcher's "new" queue live.
  await page.goto("/intake");
  const other = page.getByRole("row", { name: /典型应用案例征集/ });
  await other.getByRole("button", { name: "제외" }).click();
  await expect(queue.getByRole("row")).toHaveCount(5, { timeout: 10_000 }); // header + 4 still new
  await expect(watcher.getByRole("navigation", { name: "주 메뉴" }).getByTestId("nav-badge-intake")).toContainText("4");

  // The logged entry shows as logged, linked to its policy.
  await page.goto("/intake?state=logged");
  await expect(page.getByRole("link", { name: "인공지능 생성·합성 콘텐츠 표시 방법" })).toBeVisible();
  await watcherContext.close();
});
