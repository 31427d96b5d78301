import { type Browser, type Page, expect } from "@playwright/test";

export const adminEmail = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test";
export const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password";

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  // Generous: the first page after sign-in can be slow on a busy 2-core machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

/**
 * The admin (on `admin`) invites `email` with `role`; the invitee accepts in a browser context of
 * their own. Returns the invitee's page, signed in by the acceptance.
 */
export async function joinByInvitation(
  admin: Page,
  browser: Browser,
  member: { role: "editor" | "viewer"; email: string; name: string; password: string },
) {
  await admin.goto("/members");
  await admin.getByLabel("이메일").fill(member.email);
  await admin.getByLabel("역할", { exact: true }).selectOption(member.role);
  await admin.getByRole("button", { name: "초대 링크 만들기" }).click();
  const link = await admin.getByLabel("초대 링크").inputValue();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("이름").fill(member.name);
  await page.getByLabel("비밀번호", { exact: true }).fill(member.password);
  await page.getByLabel("비밀번호 확인").fill(member.password);
  await page.getByRole("button", { name: "계정 만들기" }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
  return { page, context };
}

/**
 * The admin (on `admin`'s server) invites a new editor named `name`, who accepts the invitation
 * and signs in through the server at `baseURL` (another app process on the same database).
 */
export async function editorOn(admin: Page, browser: Browser, baseURL: string, name: string) {
  const email = `editor-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
  await admin.goto("/members");
  await admin.getByLabel("이메일").fill(email);
  await admin.getByLabel("역할", { exact: true }).selectOption("editor");
  await admin.getByRole("button", { name: "초대 링크 만들기" }).click();
  const link = new URL(await admin.getByLabel("초대 링크").inputValue());
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(link.pathname); // the same invitation, accepted through the other process
  await page.getByLabel("이름").fill(name);
  await page.getByLabel("비밀번호", { exact: true }).fill("editor-password-1");
  await page.getByLabel("비밀번호 확인").fill("editor-password-1");
  await page.getByRole("button", { name: "계정 만들기" }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
  await context.clearCookies();
  await signIn(page, email, "editor-password-1");
  return { context, page };
}

/** Selects `text` in the brief's body as a user would by dragging (a DOM selection across its pieces). */
export async function selectInBrief(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector("section[aria-label='브리프 본문'] .annotated");
    if (!root) throw new Error("no annotated text");
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const all = nodes.map((n) => n.data).join("");
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`not in the brief: ${wanted}`);
    const locate = (offset: number, end: boolean) => {
      let seen = 0;
      for (const node of nodes) {
        if (offset < seen + node.data.length || (end && offset === seen + node.data.length)) return { node, offset: offset - seen };
        seen += node.data.length;
      }
      throw new Error("offset out of range");
    };
    const start = locate(at, false);
    const end = locate(at + wanted.length, true);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}
