import { type Browser, type Page, expect, test } from "@playwright/test";
import { adminEmail, adminPassword, editorOn, signIn } from "./support";

// Two app processes (`next start` on two ports) on one Postgres database, started by
// scripts/e2e.mjs: what a browser does on process B must appear in a browser on process A within
// 2 s, without a reload; the only path between them is Postgres LISTEN/NOTIFY.
const processA = process.env.E2E_PROCESS_A_URL;
const processB = process.env.E2E_PROCESS_B_URL;

test.skip(!processA || !processB, "needs the two Postgres-backed servers (scripts/e2e.mjs without E2E_POSTGRES=off)");
test.describe.configure({ mode: "serial" });

async function session(browser: Browser, baseURL: string, email = adminEmail, password = adminPassword) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

/** A second editor (invited on A), signed in on B. */
const editorOnB = (admin: Page, browser: Browser, name: string) => editorOn(admin, browser, processB!, name);

/** A seeded policy (not one of the look-alike rows the import test adds, which would warn of duplicates). */
async function firstPolicyPath(page: Page) {
  await page.goto(`/policies?q=${encodeURIComponent("차세대 인공지능")}`);
  const links = await page.locator('a[href^="/policies/"]').evaluateAll((all) => all.map((a) => ({ href: a.getAttribute("href") ?? "", text: a.textContent ?? "" })));
  const path = links.find((l) => /^\/policies\/[0-9a-f-]{36}$/.test(l.href) && !l.text.includes("일괄 가져오기"))?.href;
  if (!path) throw new Error("no policy in the list");
  return path;
}

const notReloaded = (page: Page) => page.evaluate(() => Object.assign(window, { __notReloaded: true }));
const stillSamePage = async (page: Page) => expect(await page.evaluate(() => "__notReloaded" in window)).toBe(true);

/** Records every live event the page's own stream delivers (a second EventSource, same cookies). */
async function recordStream(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const seen: unknown[] = [];
        const source = new EventSource("/api/live");
        source.addEventListener("change", (m) => seen.push(JSON.parse((m as MessageEvent<string>).data)));
        source.addEventListener("open", () => resolve());
        Object.assign(window, { __events: seen });
      }),
  );
}
const streamed = (page: Page) => page.evaluate(() => (window as unknown as { __events: { entityType: string; entityId: string; kind: string }[] }).__events);

test("a policy edited through B shows on A's policy page and in A's table, the row marked, without a reload", async ({ browser }) => {
  const a = await session(browser, processA!);
  const b = await session(browser, processB!);
  const path = await firstPolicyPath(a.page);
  const id = path.split("/").pop()!;
  const table = await a.context.newPage();
  await table.goto("/policies");
  await a.page.goto(path);
  await notReloaded(a.page);
  await notReloaded(table);
  // Whether the changed row gets marked at any moment (the mark fades after a few seconds).
  await table.evaluate((key) => {
    const marked: string[] = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.attributeName === "data-live-changed" && (r.target as Element).hasAttribute("data-live-changed")) marked.push((r.target as Element).getAttribute("data-live-key") ?? "");
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-live-changed"] });
    Object.assign(window, { __marked: marked, __key: key });
  }, `policy:${id}`);

  const title = `실시간으로 보이는 제목 ${Date.now()}`;
  await b.page.goto(`${path}/edit`);
  await b.page.getByLabel("정책명", { exact: true }).fill(title);
  await b.page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(b.page).toHaveURL(new RegExp(`${path}$`));
  const savedAt = Date.now();

  await expect(a.page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 2_000 });
  await expect(table.locator(`tr[data-live-key="policy:${id}"]`)).toContainText(title, { timeout: Math.max(1, 2_000 - (Date.now() - savedAt)) });
  console.log(`live: a policy edit on B shown on A's page and table within ${Date.now() - savedAt} ms`);
  await expect.poll(() => table.evaluate(() => (window as unknown as { __marked: string[] }).__marked)).toContain(`policy:${id}`);
  await stillSamePage(a.page);
  await stillSamePage(table);
  await a.context.close();
  await b.context.close();
});

test("a note annotated through B appears in A's brief margin and text; a private note sends A no event at all", async ({ browser }) => {
  const a = await session(browser, processA!);
  const b = await editorOnB(a.page, browser, "주석 편집자 B");
  await a.page.goto("/brief");
  await recordStream(a.page);
  await notReloaded(a.page);
  const marksBefore = await a.page.locator("section[aria-label='브리프 본문'] mark").count();

  // B annotates a passage (shared), then a private note on another.
  const annotate = async (passage: string, body: string, isPrivate: boolean) => {
    await b.page.goto("/brief");
    const button = b.page.getByRole("button", { name: "주석 달기" });
    await expect(async () => {
      await b.page.evaluate((wanted) => {
        const root = document.querySelector("section[aria-label='브리프 본문'] .annotated")!;
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        for (const node of nodes) {
          const at = node.data.indexOf(wanted);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            window.getSelection()!.removeAllRanges();
            window.getSelection()!.addRange(range);
            return;
          }
        }
        throw new Error(`not found: ${wanted}`);
      }, passage);
      await expect(button).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await button.click();
    const composer = b.page.getByRole("form", { name: "새 주석" });
    await composer.locator(".ProseMirror").click();
    await b.page.keyboard.type(body);
    if (isPrivate) await composer.getByLabel(/나만 보기/).check();
    await composer.getByRole("button", { name: "저장" }).click();
    await expect(b.page).toHaveURL(/annotation=[0-9a-f-]{36}/);
    return new URL(b.page.url()).searchParams.get("annotation")!;
  };
  const passages = await a.page.evaluate(() => {
    const text = document.querySelector("section[aria-label='브리프 본문'] .annotated")?.textContent ?? "";
    const words = text.split(/\s+/).filter((w) => w.length >= 4);
    return [words[3], words[9]];
  });

  const privateId = await annotate(passages[1], "나만 보는 메모", true);
  const sharedBody = `함께 보는 주석 ${Date.now()}`;
  const sharedId = await annotate(passages[0], sharedBody, false);
  const savedAt = Date.now();

  await expect(a.page.locator(`[data-live-key="annotation:${sharedId}"]`)).toBeVisible({ timeout: 2_000 });
  await expect(a.page.locator("section[aria-label='브리프 본문'] mark")).toHaveCount(marksBefore + 1);
  console.log(`live: B's annotation in A's margin and text within ${Date.now() - savedAt} ms`);
  // The stream A holds carried the shared note's event, and nothing about the private one.
  const events = await streamed(a.page);
  expect(events.some((e) => e.entityType === "annotation" && e.entityId === sharedId)).toBe(true);
  expect(events.filter((e) => e.entityId === privateId)).toEqual([]);
  await expect(a.page.locator(`[data-live-key="annotation:${privateId}"]`)).toHaveCount(0);
  await stillSamePage(a.page);
  await a.context.close();
  await b.context.close();
});

test("an import of 200 policies through B is one refresh of A's policy list", async ({ browser }) => {
  const a = await session(browser, processA!);
  const b = await session(browser, processB!);
  await a.page.goto("/policies");
  await notReloaded(a.page);
  const refreshes: string[] = [];
  a.page.on("request", (request) => {
    // A refresh of the page itself (not the prefetch of a link on it).
    const headers = request.headers();
    if (headers["rsc"] === "1" && !headers["next-router-prefetch"] && new URL(request.url()).pathname === "/policies") refreshes.push(request.url());
  });

  const stamp = Date.now();
  const header = "title_zh,title_ko,title_en,issuing_bodies,document_number,instrument_type,status,announced_on,effective_on,source_url,framework_nodes,relation,summary";
  const rows = Array.from({ length: 200 }, (_, i) => `大批导入政策${stamp}第${i}号,일괄 가져오기 ${stamp} ${i}번,,国务院,,plan,issued,2026-11-${String((i % 28) + 1).padStart(2, "0")},,,,,`);
  await b.page.goto("/policies/import");
  await b.page.getByLabel(/CSV 파일/).setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${header}\r\n${rows.join("\r\n")}\r\n`) });
  await b.page.getByRole("button", { name: "가져오기", exact: true }).click();
  await expect(b.page.getByText("정책 200건을 가져왔습니다.")).toBeVisible({ timeout: 60_000 });
  const savedAt = Date.now();

  await expect(a.page.getByText(`일괄 가져오기 ${stamp}`).first()).toBeVisible({ timeout: 2_000 });
  console.log(`live: an import of 200 on B shown on A within ${Date.now() - savedAt} ms, in ${refreshes.length} refresh(es)`);
  await a.page.waitForTimeout(1_500); // anything late would show up as a second refresh
  expect(refreshes).toHaveLength(1);
  await stillSamePage(a.page);
  await a.context.close();
  await b.context.close();
});

test("while A types a comment, B's change refreshes A's page: text, caret and focus stay", async ({ browser }) => {
  const a = await session(browser, processA!);
  const b = await session(browser, processB!);
  const path = await firstPolicyPath(a.page);
  await a.page.goto(path);
  await notReloaded(a.page);
  const box = a.page.getByRole("textbox", { name: "새 댓글" });
  await box.click();
  await a.page.keyboard.type("입력 중인 댓글 그대로");
  // Caret after "입력 중인" (5 characters from the start).
  await a.page.keyboard.press("Home");
  for (let i = 0; i < 5; i++) await a.page.keyboard.press("ArrowRight");
  const caret = () =>
    a.page.evaluate(() => {
      const selection = window.getSelection()!;
      const editor = document.activeElement?.closest(".ProseMirror");
      return { focused: Boolean(editor), offset: selection.anchorOffset, text: selection.anchorNode?.textContent ?? "" };
    });
  const before = await caret();
  expect(before).toMatchObject({ focused: true, offset: 5, text: "입력 중인 댓글 그대로" });

  const other = `B가 단 댓글 ${Date.now()}`;
  await b.page.goto(path);
  const bBox = b.page.getByRole("textbox", { name: "새 댓글" });
  await bBox.click();
  await b.page.keyboard.type(other);
  await b.page.getByRole("button", { name: "댓글 달기" }).click();
  await expect(b.page.locator("article.comment").filter({ hasText: other })).toBeVisible(); // B's write has committed
  await expect(a.page.locator("article.comment").filter({ hasText: other })).toBeVisible({ timeout: 2_000 });

  expect(await caret()).toEqual(before);
  await expect(box).toHaveText("입력 중인 댓글 그대로");
  // Typing goes on where the caret was.
  await a.page.keyboard.type("X");
  await expect(box).toHaveText("입력 중인X 댓글 그대로");
  await stillSamePage(a.page);
  await a.context.close();
  await b.context.close();
});

test("two editors save one policy at once: the second sees both values per field, merges and saves, nothing lost; each sees the other editing", async ({ browser }) => {
  const a = await session(browser, processA!);
  const b = await editorOnB(a.page, browser, "동시 편집자 B");
  const path = await firstPolicyPath(a.page);
  await a.page.goto(`${path}/edit`);
  await b.page.goto(`${path}/edit`);
  // Before anyone types, each sees the other on the edit screen.
  await expect(a.page.getByTestId("presence").getByRole("listitem").filter({ hasText: "동시 편집자 B" })).toBeVisible({ timeout: 5_000 });
  await expect(b.page.getByTestId("presence")).toContainText("함께 편집 중");

  const titleKo = a.page.getByLabel("정책명", { exact: true });
  const original = await titleKo.inputValue();
  // A edits the Korean title and the English one; B edits the English title and the document number.
  await titleKo.fill(`${original} (A 수정)`);
  await a.page.getByLabel(/영문 제목/).fill("Edited by A");
  await b.page.getByLabel(/영문 제목/).fill("Edited by B");
  await b.page.getByLabel("문서 번호").fill("B-2026-001");
  await b.page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(b.page).toHaveURL(new RegExp(`${path}$`));
  // A is told live that B saved.
  await expect(a.page.getByTestId("saved-by-other")).toContainText("동시 편집자 B", { timeout: 2_000 });

  await a.page.getByRole("button", { name: "저장", exact: true }).click();
  const panel = a.page.getByTestId("conflict-panel");
  await expect(panel).toContainText("동시 편집자 B");
  // Only the English title was changed by both: shown side by side, with where it started.
  const field = panel.locator("li[data-field='titleEn']");
  await expect(field.locator("[data-value='mine']")).toHaveText("Edited by A");
  await expect(field.locator("[data-value='theirs']")).toHaveText("Edited by B");
  await expect(panel.locator("li[data-field]")).toHaveCount(1);
  // B's document number is already merged in, A's Korean title is still A's.
  await expect(a.page.getByLabel("문서 번호")).toHaveValue("B-2026-001");
  await expect(titleKo).toHaveValue(`${original} (A 수정)`);
  await field.getByRole("button", { name: "상대 값 사용" }).click();
  await expect(a.page.getByLabel(/영문 제목/)).toHaveValue("Edited by B");
  await a.page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(a.page).toHaveURL(new RegExp(`${path}$`));
  await expect(a.page.getByRole("heading", { level: 1, name: `${original} (A 수정)` })).toBeVisible();
  await expect(a.page.getByText("Edited by B").first()).toBeVisible();
  await expect(a.page.getByText("B-2026-001").first()).toBeVisible();
  await a.context.close();
  await b.context.close();
});
