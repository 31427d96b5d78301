import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type Page, expect, test } from "@playwright/test";
import type { AxeResults, ImpactValue } from "axe-core";
import { adminEmail, adminPassword, signIn } from "./support";

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on every screen of the app, at a desktop and a phone
 * width: any serious or critical violation fails, listed by rule, element and screen.
 *
 * The screens are those of app/**\/page.tsx (plus the 404 pages), signed in as the admin; sign-in
 * and the invitation page signed out. A few need records: the first policy and response item of
 * the list, an intake source (added here when there is none), an invitation (made here), and a
 * second and third brief revision for the compare pages (published here when there are none: the
 * third takes the second's added paragraph out again, so the brief's text is left as it was).
 */

const axeSource = readFileSync(require.resolve("axe-core"), "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const failing: ImpactValue[] = ["serious", "critical"];
const viewports = [
  { name: "1366", width: 1366, height: 900 },
  { name: "390", width: 390, height: 844 },
];
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const addedParagraph = "접근성 점검을 위해 잠시 추가한 문단입니다.";

type Screen = { name: string; path: string };
type Found = { screen: string; viewport: string; rule: string; impact: string; help: string; target: string; summary: string };

test.describe.configure({ mode: "serial" });

let workspaceScreens: Screen[] = [];
let signedOutScreens: Screen[] = [];

/** The path of the first link on `listPath` whose href matches `pattern`. */
async function firstHref(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${listPath}`).toBeTruthy();
  return href!;
}

/** Publishes a brief revision: `edit` changes the editor's text at its start. */
async function publishRevision(page: Page, edit: (page: Page) => Promise<void>, note: string) {
  await page.goto("/brief/edit");
  const body = page.locator(".ProseMirror").first();
  await body.click();
  await page.keyboard.press("Control+Home");
  await edit(page);
  await page.getByLabel("개정 메모").fill(note);
  await page.getByRole("button", { name: "새 개정판 게시" }).click();
  await expect(page.getByText(/판을 게시했습니다/)).toBeVisible({ timeout: 30_000 });
}

/** The highest published revision number. */
async function lastRevision(page: Page): Promise<number> {
  await page.goto("/brief/revisions");
  const hrefs = await page.locator("main a[href^='/brief/revisions/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return Math.max(1, ...hrefs.map((h) => Number(/^\/brief\/revisions\/(\d+)/.exec(h)?.[1] ?? 0)));
}

async function findRecords(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, adminEmail, adminPassword);
  const stamp = Date.now().toString(36);

  const policy = await firstHref(page, "/policies", new RegExp(`^/policies/${uuid.source}$`));
  const item = await firstHref(page, "/response-items", new RegExp(`^/response-items/${uuid.source}$`));

  // An intake source, saved switched off: no background check runs for it (each would refresh open pages).
  await page.goto("/intake/sources");
  let sourceHrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  if (!sourceHrefs.some((h) => new RegExp(`^/intake/sources/${uuid.source}$`).test(h))) {
    await page.goto("/intake/sources/new");
    await page.getByLabel("이름").fill(`접근성 점검 출처 ${stamp}`);
    await page.getByLabel("형식").selectOption("rss");
    await page.getByLabel("URL").fill(`https://example.org/a11y-${stamp}.xml`);
    await page.getByLabel("사용", { exact: true }).uncheck();
    await page.getByRole("button", { name: "저장" }).click();
    await expect(page).toHaveURL(/\/intake\/sources$/, { timeout: 30_000 });
    sourceHrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  }
  const source = sourceHrefs.find((h) => new RegExp(`^/intake/sources/${uuid.source}$`).test(h));
  expect(source, "an intake source").toBeTruthy();

  // Two compare pages, one with added and one with removed text.
  let revisions = await lastRevision(page);
  if (revisions < 3) {
    await publishRevision(
      page,
      async (p) => {
        await p.keyboard.type(addedParagraph);
        await p.keyboard.press("Enter");
      },
      "접근성 점검: 문단 추가",
    );
    await publishRevision(
      page,
      async (p) => {
        for (let i = 0; i <= addedParagraph.length; i++) await p.keyboard.press("Delete");
      },
      "접근성 점검: 추가한 문단 삭제",
    );
    await page.goto("/brief");
    await expect(page.getByText(addedParagraph)).toHaveCount(0);
    revisions = await lastRevision(page);
  }

  // An invitation, for its page (opened signed out).
  await page.goto("/members");
  await page.getByLabel("이메일").fill(`a11y-${stamp}@e2e.test`);
  await page.getByLabel("역할", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "초대 링크 만들기" }).click();
  const invitation = new URL(await page.getByLabel("초대 링크").inputValue()).pathname;

  // A report, for its print page: the last week's, generated with the form's defaults.
  await page.goto("/reports/new");
  await page.getByRole("button", { name: "보고서 만들기" }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  const report = new URL(page.url()).pathname;

  // A mail, for its page in the mail log: a test mail (written to the outbox without SMTP).
  await page.goto("/mail");
  await page.getByRole("button", { name: "시험 메일 보내기" }).click();
  await expect(page.getByText("시험 메일을 보냈습니다")).toBeVisible();
  await page.goto("/mail");
  const mail = (await page.getByTestId("mail-row").first().getByRole("link").getAttribute("href"))!;
  await context.close();

  workspaceScreens = [
    { name: "dashboard", path: "/" },
    { name: "brief", path: "/brief" },
    { name: "brief edit", path: "/brief/edit" },
    { name: "annotations import", path: "/brief/import" },
    { name: "revisions", path: "/brief/revisions" },
    { name: "revision", path: "/brief/revisions/1" },
    { name: "revision compare", path: `/brief/revisions/${revisions - 1}/compare` },
    { name: "revision compare (latest)", path: `/brief/revisions/${revisions}/compare` },
    { name: "policies", path: "/policies" },
    { name: "policies timeline", path: "/policies?view=timeline" },
    { name: "policy new", path: "/policies/new" },
    { name: "policies import", path: "/policies/import" },
    { name: "policy", path: policy },
    { name: "policy edit", path: `${policy}/edit` },
    { name: "response items", path: "/response-items" },
    { name: "response items board", path: "/response-items?view=board" },
    { name: "response item new", path: "/response-items/new" },
    { name: "response item", path: item },
    { name: "response items report", path: "/response-items/report" },
    { name: "framework", path: "/framework" },
    { name: "matrix", path: "/framework/matrix" },
    { name: "activity", path: "/activity" },
    { name: "inbox", path: "/inbox" },
    { name: "saved searches", path: "/saved-searches" },
    { name: "search", path: "/search" },
    { name: "search results", path: `/search?q=${encodeURIComponent("인공지능 -시범")}` },
    { name: "reports", path: "/reports" },
    { name: "report new", path: "/reports/new" },
    { name: "report", path: report },
    { name: "intake", path: "/intake" },
    { name: "intake sources", path: "/intake/sources" },
    { name: "intake source new", path: "/intake/sources/new" },
    { name: "intake source", path: source! },
    { name: "members", path: "/members" },
    { name: "mail log", path: "/mail" },
    { name: "mail", path: mail },
    { name: "profile", path: "/profile" },
    { name: "404", path: "/no-such-page" },
    { name: "404 (record)", path: "/policies/00000000-0000-4000-8000-000000000000" },
  ];
  signedOutScreens = [
    { name: "sign-in", path: "/sign-in" },
    { name: "invitation", path: invitation },
    { name: "forgot password", path: "/forgot-password" },
    // A link that is not (or no longer) valid; a valid one shows the invitation's form layout.
    { name: "password reset (invalid link)", path: "/reset-password/not-a-valid-token" },
    { name: "status", path: "/status" },
  ];
}

/**
 * A context at `size` whose pages have no live connection: a live refresh re-renders the page
 * (its <title> included) under axe's feet, and axe should see each screen as it settles.
 */
async function scanContext(browser: Browser, size: { width: number; height: number }) {
  const context = await browser.newContext({ viewport: size });
  await context.route("**/api/live", (route) => route.abort());
  return context;
}

/** Opens `screen`, waits for it to settle, runs axe and returns its serious and critical violations. */
async function check(page: Page, screen: Screen, viewport: string): Promise<Found[]> {
  await page.goto(screen.path, { waitUntil: "load" });
  await expect(page.locator("h1").first()).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle(/\S/);
  // Rich-text editors load after hydration: check the mounted editor, not its placeholder.
  await expect(page.locator("[data-editor-loading]")).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    (runOnly) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: runOnly },
        resultTypes: ["violations"],
      }),
    tags,
  );
  return results.violations
    .filter((v) => v.impact && failing.includes(v.impact))
    .flatMap((v) =>
      v.nodes.map((node) => ({
        screen: `${screen.name} (${screen.path})`,
        viewport,
        rule: v.id,
        impact: v.impact ?? "",
        help: v.help,
        target: node.target.join(" "),
        summary: (node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300),
      })),
    );
}

function report(found: Found[]): string {
  return found.map((f) => `[${f.impact}] ${f.rule} on "${f.screen}" at ${f.viewport}px: ${f.target}\n    ${f.help}. ${f.summary}`).join("\n");
}

/** The route of every app/**\/page.tsx, as a pattern for a path (`(group)` segments dropped, `[param]` any segment). */
function appRoutes(): { file: string; pattern: RegExp }[] {
  const files = readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "page.tsx");
  return files.map((file) => {
    const segments = path.dirname(file).split(path.sep).filter((seg) => seg !== "." && !/^\(.*\)$/.test(seg));
    const source = segments.map((seg) => (/^\[.*\]$/.test(seg) ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/");
    return { file: `app/${file}`, pattern: new RegExp(`^/${source}$`) };
  });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await findRecords(browser);
});

test("the screens checked include every page of the app", () => {
  const paths = [...workspaceScreens, ...signedOutScreens].map((screen) => screen.path.split("?")[0]);
  const missing = appRoutes().filter((route) => !paths.some((p) => route.pattern.test(p)));
  expect(missing.map((route) => route.file)).toEqual([]);
});

for (const viewport of viewports) {
  test(`no serious or critical WCAG 2.1 A/AA violation on any screen at ${viewport.name} px`, async ({ browser }) => {
    test.setTimeout(600_000);
    const found: Found[] = [];
    const size = { width: viewport.width, height: viewport.height };

    const signedOut = await scanContext(browser, size);
    const visitor = await signedOut.newPage();
    for (const screen of signedOutScreens) found.push(...(await check(visitor, screen, viewport.name)));
    await signedOut.close();

    const context = await scanContext(browser, size);
    const page = await context.newPage();
    await signIn(page, adminEmail, adminPassword);
    for (const screen of workspaceScreens) found.push(...(await check(page, screen, viewport.name)));
    await context.close();

    if (found.length) console.log(`axe found ${found.length} serious or critical violations at ${viewport.name} px:\n${report(found)}`);
    expect(found, report(found)).toEqual([]);
  });
}
