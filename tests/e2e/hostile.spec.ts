import fs from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { PWNED, legitimateText } from "../support/hostile-corpus";
import type { HostileIds } from "./seed-hostile";
import { adminEmail, adminPassword, signIn } from "./support";

/*
 * Every screen, rendered from a database full of hostile input (tests/e2e/seed-hostile.ts, run by
 * scripts/e2e.mjs before the "hostile" server starts): no payload may run, no dialog may open, no
 * element may carry an event-handler attribute or a script/data URL, and the legitimate text must
 * be on the page as text.
 */

const hostileUrl = process.env.E2E_HOSTILE_URL;
test.skip(!hostileUrl, "needs the hostile server of scripts/e2e.mjs (E2E_HOSTILE_URL)");
test.use({ baseURL: hostileUrl });
test.setTimeout(300_000);

const ids: HostileIds = hostileUrl ? JSON.parse(fs.readFileSync(String(process.env.E2E_HOSTILE_IDS), "utf8")) : ({} as HostileIds);

/** What went wrong on `page`: payloads that ran, dialogs, uncaught errors, console errors. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction(PWNED, (tag: string) => problems.push(`payload ran: ${tag} on ${page.url()}`));
  page.on("dialog", (dialog) => {
    problems.push(`${dialog.type()} dialog opened on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    // A text document (an export opened in the browser) makes Chromium ask for /favicon.ico.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  return problems;
}

/** Elements and attributes that can only have come from the data: React never renders any of them. */
async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "background", "poster"]);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        // Browsers drop whitespace and control characters inside a scheme before reading it.
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (name.startsWith("on")) found.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
        // React's own placeholder on a form whose action is a client function: the server renders
        // one text, the client (a form it creates after hydration) another.
        const reactPlaceholder =
          (name === "action" || name === "formaction") &&
          (attribute.value === "javascript:throw new Error('React form unexpectedly submitted.')" ||
            attribute.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted. If you called form.submit() manually"));
        if (urlAttributes.has(name) && /^(javascript|data|vbscript):/.test(value) && !reactPlaceholder) found.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
        if (name === "srcdoc") found.push(`<${element.tagName.toLowerCase()} srcdoc>`);
      }
    }
    for (const element of Array.from(document.querySelectorAll("iframe, frame, object, embed, img[src='x'], svg[onload], style:not([data-precedence]):not([data-n-href])"))) {
      if (element.tagName.toLowerCase() !== "style" || element.textContent?.includes("javascript:")) found.push(`<${element.tagName.toLowerCase()}>`);
    }
    return found;
  });
}

/** Every screen, with a piece of the corpus it must show as text. */
function screens(): [name: string, path: string, shows: string][] {
  const r = ids.revisionNumber;
  return [
    ["dashboard", "/", legitimateText.scriptTag],
    ["brief", "/brief", legitimateText.imgOnerror],
    ["annotation permalink", `/brief?annotation=${ids.annotationId}`, legitimateText.svgOnload],
    ["brief revisions", "/brief/revisions", legitimateText.scriptTag],
    ["brief revision", `/brief/revisions/${r}`, legitimateText.iframeSrcdoc],
    ["brief revision compare", `/brief/revisions/${r}/compare`, legitimateText.attributeBreakout],
    ["brief editor", "/brief/edit", legitimateText.styleBreakout],
    ["policies timeline", "/policies", legitimateText.imgOnerror],
    ["policies table", "/policies?view=table", legitimateText.imgOnerror],
    ["policies search", `/policies?q=${encodeURIComponent("<script>")}`, legitimateText.scriptTag],
    ["policy page and history", `/policies/${ids.policyId}`, legitimateText.markdownLink],
    ["policy with a refused summary stored", `/policies/${ids.storedHostilePolicyId}`, "저장된 위험 문서 0"],
    ["policy editor", `/policies/${ids.policyId}/edit`, legitimateText.scriptTag],
    ["new policy", "/policies/new", legitimateText.svgOnload],
    ["policy import", "/policies/import", "CSV"],
    ["response items", "/response-items", legitimateText.extensionB],
    ["response items board", "/response-items?view=board", legitimateText.rightToLeftOverride],
    ["response item page and history", `/response-items/${ids.itemId}`, legitimateText.javascriptUrlText],
    ["response item with a refused description stored", `/response-items/${ids.storedHostileItemId}`, legitimateText.imgOnerror],
    ["new response item", "/response-items/new", legitimateText.scriptTag],
    ["status report", "/response-items/report", legitimateText.koreanChinese],
    ["framework", "/framework", legitimateText.iframeSrcdoc],
    ["framework matrix", "/framework/matrix", legitimateText.scriptTag],
    ["activity", "/activity", legitimateText.imgOnerror],
    ["inbox", "/inbox", legitimateText.imgOnerror],
    ["members", "/members", legitimateText.imgOnerror],
    ["profile", "/profile", adminEmail],
  ];
}

/** The page's text without the zero-width and bidi controls the browser may or may not keep. */
const visibleText = (page: Page) => page.locator("body").innerText();

test("no screen runs a script from the data, and each shows the hostile text as text", async ({ page }) => {
  const problems = await watch(page);
  await signIn(page, adminEmail, adminPassword);
  for (const [name, path, shows] of screens()) {
    await test.step(name, async () => {
      const response = await page.goto(path, { waitUntil: "load" });
      expect(response?.status(), `${name} (${path})`).toBeLessThan(400);
      // Client components (the editor, the live updates) run their effects after hydration.
      await page.waitForTimeout(500);
      expect(await injectedMarkup(page), `${name}: markup from the data`).toEqual([]);
      expect(await visibleText(page), `${name}: shows the corpus as text`).toContain(shows);
      expect(problems, name).toEqual([]);
    });
  }
});

test("exports are served as data the browser will not sniff into HTML, with the text exact", async ({ page }) => {
  const problems = await watch(page);
  await signIn(page, adminEmail, adminPassword);
  const exports: [path: string, type: RegExp, contains: (body: string) => boolean][] = [
    ["/api/policies/export.csv", /^text\/csv/, (body) => body.includes(legitimateText.scriptTag)],
    ["/api/policies/export.json", /^application\/json/, (body) => body.includes(JSON.stringify(legitimateText.imgOnerror).slice(1, -1))],
    ["/api/response-items/export.csv", /^text\/csv/, (body) => body.includes(legitimateText.extensionB)],
    [`/api/briefs/${ids.briefId}/export.md`, /^text\/markdown/, (body) => body.includes(legitimateText.iframeSrcdoc)],
    [`/api/briefs/${ids.briefId}/annotations.json`, /^application\/ld\+json/, (body) => body.includes(JSON.stringify(legitimateText.svgOnload).slice(1, -1))],
  ];
  for (const [path, type, contains] of exports) {
    await test.step(path, async () => {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers["content-type"], path).toMatch(type);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(contains(await response.text()), `${path} holds the text as stored`).toBe(true);
      // Opened in the browser: shown as text or downloaded, never rendered as a page.
      const download = page.waitForEvent("download", { timeout: 5_000 }).catch(() => null);
      const shown = await page.goto(path).catch(() => null);
      if (shown) {
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => document.contentType), `${path} rendered as HTML`).not.toMatch(/html|xml/);
      } else {
        expect(await download, `${path}: neither shown nor downloaded`).not.toBeNull();
      }
      expect(problems, path).toEqual([]);
    });
  }
});
