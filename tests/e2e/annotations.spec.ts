import { type Page, expect as baseExpect, test } from "@playwright/test";
import { selectInBrief, signIn } from "./support";

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";
const quote = "600억 위안(약 8.2억 달러)";
// Generous: the first visit of each screen may compile it (next dev) on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

/** An annotation's highlight: its marks carry, in `data-a`, the short key its margin thread has in `data-k`. */
async function highlightOf(page: Page, annotationId: string) {
  const key = await page.locator(`#annotation-${annotationId}`).getAttribute("data-k");
  baseExpect(key).toBeTruthy();
  return page.locator(`mark[data-a~="${key}"]`);
}

test("annotate a passage, another editor sees it and replies, resolve it, and it stays on its words across a new revision", async ({ page, browser }) => {
  test.setTimeout(420_000);
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/brief");
  // Selecting before the page is interactive goes unnoticed, as it would for a person: select again.
  const annotateButton = page.getByRole("button", { name: "주석 달기" });
  await expect(async () => {
    await selectInBrief(page, quote);
    await baseExpect(annotateButton).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await annotateButton.click();
  const composer = page.getByRole("form", { name: "새 주석" });
  await expect(composer.getByText(quote)).toBeVisible();
  await composer.locator(".ProseMirror").click();
  await page.keyboard.type("투자 규모를 한국 기금과 비교할 것");
  await composer.getByLabel("태그").fill("투자, 비교");
  await composer.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/annotation=[0-9a-f-]{36}/);
  const annotationId = new URL(page.url()).searchParams.get("annotation")!;
  const highlight = await highlightOf(page, annotationId);
  await expect(highlight).toHaveText(quote);
  const thread = page.locator(`#annotation-${annotationId}`);
  await expect(thread).toHaveAttribute("open", "");
  await expect(thread).toContainText("투자 규모를 한국 기금과 비교할 것");

  // A second editor, invited like any teammate, sees the highlight and the thread.
  const editorEmail = `annotator-${Date.now()}@e2e.test`;
  await page.goto("/members");
  await page.getByLabel("이메일").fill(editorEmail);
  await page.getByLabel("역할", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "초대 링크 만들기" }).click();
  const link = await page.getByLabel("초대 링크").inputValue();
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto(link);
  await editor.getByLabel("이름").fill("편집자 박");
  await editor.getByLabel("비밀번호", { exact: true }).fill("editor-password-2");
  await editor.getByLabel("비밀번호 확인").fill("editor-password-2");
  await editor.getByRole("button", { name: "계정 만들기" }).click();
  await expect(editor).not.toHaveURL(/\/invite\//);
  await editor.goto("/brief");
  const seen = await highlightOf(editor, annotationId);
  await expect(seen).toHaveText(quote);
  // Clicking the highlight opens its thread (through its permalink: only the open thread is
  // rendered in full), and the second editor replies there.
  await seen.click();
  await expect(editor).toHaveURL(new RegExp(`annotation=${annotationId}`));
  const editorThread = editor.locator(`#annotation-${annotationId}`);
  await expect(editorThread).toHaveAttribute("open", "");
  await expect(editorThread).toContainText("투자 규모를 한국 기금과 비교할 것");
  const reply = editorThread.getByRole("textbox", { name: "새 댓글" });
  await reply.click();
  await reply.pressSequentially("2024년 기준 한국 모태펀드 규모와 함께 보겠습니다");
  await editorThread.getByRole("button", { name: "댓글 달기" }).click();
  await expect(editorThread.locator("article.comment").filter({ hasText: "2024년 기준 한국 모태펀드 규모와 함께 보겠습니다" })).toBeVisible();
  await editorContext.close();

  // The first editor sees the reply in the thread and resolves it: hidden by default, one click away.
  await page.goto(`/brief?annotation=${annotationId}`);
  await expect(thread.locator("article.comment").filter({ hasText: "2024년 기준 한국 모태펀드 규모와 함께 보겠습니다" })).toContainText("편집자 박");
  await expect(thread).toContainText("답글 1개");
  await thread.getByRole("button", { name: "해결" }).click();
  await expect(thread.getByRole("button", { name: "다시 열기" })).toBeVisible();
  await page.goto("/brief");
  // Hidden: no thread, so no key for a highlight to carry.
  await expect(page.locator(`#annotation-${annotationId}`)).toHaveCount(0);
  await page.getByRole("link", { name: /해결된 주석 \d+개 보기/ }).click();
  await expect(await highlightOf(page, annotationId)).toHaveText(quote);

  // A new revision with a paragraph inserted above: the annotation stays on the same words.
  await page.goto("/brief/edit");
  const body = page.locator(".ProseMirror").first();
  await body.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("개정 메모: 이 문단은 새로 추가되었습니다.");
  await page.keyboard.press("Enter");
  await page.getByLabel("개정 메모").fill("머리 문단 추가");
  await page.getByRole("button", { name: "새 개정판 게시" }).click();
  await expect(page.getByText(/판을 게시했습니다/)).toBeVisible();
  await page.goto("/brief?status=all");
  await expect(page.getByText("개정 메모: 이 문단은 새로 추가되었습니다.")).toBeVisible();
  await expect(await highlightOf(page, annotationId)).toHaveText(quote);
});

test("on a narrow screen the margin is a side panel: a button opens it, Escape puts it away, a highlight opens it on its thread", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/brief?status=all");
  const panel = page.locator("#annotation-panel");
  const toggle = page.getByRole("button", { name: /주석 보기/ });
  await expect(toggle).toBeVisible();
  await expect(panel).toBeHidden();
  await toggle.click();
  await expect(panel).toBeVisible();
  await expect(page.getByRole("button", { name: "주석 닫기" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();
  // The first spec left an annotation on the brief: its highlight opens the panel on its thread.
  await page.locator("mark[data-a]").first().click();
  await expect(page).toHaveURL(/annotation=/);
  await expect(panel).toBeVisible();
  await expect(panel.locator("details[open]")).toBeVisible();
  await context.close();
});

test("a policy's passage opens the brief there, marked and scrolled into view, and the brief says which policies cite it", async ({ page }) => {
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/policies");
  // A seeded policy that cites a passage of the brief.
  const links = page.locator("main a[href^='/policies/']");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "").filter((h) => /^\/policies\/[0-9a-f-]{36}$/.test(h)));
  let opened = false;
  for (const href of hrefs) {
    await page.goto(href);
    const open = page.getByRole("link", { name: "브리프에서 보기" }).first();
    if ((await open.count()) === 0) continue;
    const title = (await page.locator("h1").first().innerText()).trim();
    await open.click();
    await expect(page).toHaveURL(/\/brief\?start=\d+&end=\d+#cited-passage$/);
    const cited = page.locator("#cited-passage");
    await expect(cited).toBeVisible();
    await expect(cited).toBeInViewport();
    await expect(page.getByTestId("cited-passage-note")).toContainText(/정책 \d+건이 인용/);
    const list = page.getByTestId("cited-passages");
    await expect(list.getByRole("link", { name: title })).toBeVisible();
    opened = true;
    break;
  }
  expect(opened).toBe(true);
});

/** Publishes a brief revision: `edit` changes the editor's text at its start. */
async function publishAtTop(page: Page, edit: () => Promise<void>, note: string) {
  await page.goto("/brief/edit");
  await page.locator(".ProseMirror").first().click();
  await page.keyboard.press("Control+Home");
  await edit();
  await page.getByLabel("개정 메모").fill(note);
  await page.getByRole("button", { name: "새 개정판 게시" }).click();
  await expect(page.getByText(/판을 게시했습니다/)).toBeVisible();
}

test("an orphaned annotation is re-attached by selecting new words: its card's button, a selection, confirm; Escape cancels", async ({ page }) => {
  test.setTimeout(420_000);
  await signIn(page, adminEmail, adminPassword);
  const doomed = `재부착 시험 문단 ${Date.now().toString(36)}: 다음 개정판에서 지워질 문장입니다.`;
  await publishAtTop(page, async () => {
    await page.keyboard.type(doomed);
    await page.keyboard.press("Enter");
  }, "재부착 시험: 문단 추가");

  // An annotation on the new paragraph.
  await page.goto("/brief");
  const annotateButton = page.getByRole("button", { name: "주석 달기" });
  await expect(async () => {
    await selectInBrief(page, doomed);
    await baseExpect(annotateButton).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await annotateButton.click();
  const composer = page.getByRole("form", { name: "새 주석" });
  await composer.locator(".ProseMirror").click();
  await page.keyboard.type("이 문장이 사라지면 다시 붙일 것");
  await composer.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/annotation=[0-9a-f-]{36}/);
  const annotationId = new URL(page.url()).searchParams.get("annotation")!;

  // The next revision deletes the paragraph: the annotation loses its words.
  await publishAtTop(page, async () => {
    for (let i = 0; i <= doomed.length; i++) await page.keyboard.press("Delete");
  }, "재부착 시험: 문단 삭제");
  await page.goto("/brief");
  await expect(page.locator("section[aria-label='브리프 본문'] .annotated").getByText(doomed)).toHaveCount(0);
  const card = page.locator(`#annotation-${annotationId}`);
  await expect(card).toContainText("위치 잃음");
  const reattach = card.getByRole("button", { name: /^다시 붙이기/ });
  const bar = page.getByRole("region", { name: "주석 다시 붙이기" });

  // Escape leaves the mode and gives the focus back to the button.
  await reattach.click();
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(doomed);
  await expect(page.getByRole("textbox", { name: "브리프 본문" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
  await expect(reattach).toBeFocused();

  // Again, to the end: select new words, attach here, confirm.
  await reattach.click();
  const target = "오픈소스 중심지로 부상";
  const attachHere = page.getByRole("button", { name: "여기에 붙이기" });
  await expect(async () => {
    await selectInBrief(page, target);
    await baseExpect(attachHere).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await attachHere.click();
  await expect(bar.getByRole("status")).toContainText(target);
  const confirm = bar.getByRole("button", { name: "이 구절에 붙이기" });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await expect(bar).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`annotation=${annotationId}`));
  const thread = page.locator(`#annotation-${annotationId}`);
  await expect(thread).toHaveAttribute("open", "");
  await expect(thread).not.toContainText("위치 잃음");
  await expect(thread.getByRole("button", { name: /^다시 붙이기/ })).toHaveCount(0);
  await expect(thread).toContainText("이 문장이 사라지면 다시 붙일 것");
  await expect(await highlightOf(page, annotationId)).toHaveText(target);
  // A fresh load agrees: placed among the threads, no longer with the orphans.
  await page.goto("/brief");
  await expect(page.locator(`#annotation-${annotationId}`)).not.toContainText("위치 잃음");
  await expect(await highlightOf(page, annotationId)).toHaveText(target);
});
