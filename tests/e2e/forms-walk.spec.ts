import { type Page, expect, test } from "@playwright/test";
import { adminEmail, adminPassword, signIn } from "./support";

/*
 * Walks every form of the app that takes typed text: on each screen, each kind of form is filled
 * (every text field, the rich-text editors included), then refused by the server — the session is
 * gone, as after a sign-out in another tab — and must still show everything that was typed, with
 * the refusal said. Forms are found on the page, not listed by hand, so a new form is walked too.
 */

type Field = { index: number; kind: "text" | "rich"; value: string };

/** Opens folded sections so their forms can be used, and names the forms worth walking. */
async function formsOn(page: Page): Promise<{ index: number; signature: string }[]> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll("main details")) (details as HTMLDetailsElement).open = true;
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const out: { index: number; signature: string }[] = [];
    document.querySelectorAll("form").forEach((form, index) => {
      // Navigation forms (filters, search, "fill from URL") only change the address.
      if ((form.getAttribute("method") ?? "").toLowerCase() === "get" || (form.getAttribute("action") ?? "").startsWith("/")) return;
      if (form.closest("header") || !visible(form)) return;
      const fields = [...form.querySelectorAll("input, textarea, [contenteditable='true']")].filter((el) => {
        if (!visible(el)) return false;
        if (el instanceof HTMLInputElement) return ["text", "email", "url", "password", "search", "tel", ""].includes(el.getAttribute("type") ?? "");
        return true;
      });
      if (fields.length === 0) return;
      const names = fields.map((el) => el.getAttribute("name") ?? el.tagName).join(",");
      const submit = form.querySelector("button[type='submit'], button:not([type])")?.textContent?.trim() ?? "";
      out.push({ index, signature: `${names}|${submit}` });
    });
    return out;
  });
}

async function fillForm(page: Page, formIndex: number): Promise<Field[]> {
  const form = page.locator("form").nth(formIndex);
  // A choice still unmade (a required "pick one") is made, as a person would, so the browser lets the form go.
  const unmade = await form.locator("select").evaluateAll((selects) =>
    selects.map((select) => ((select as HTMLSelectElement).value ? null : ([...(select as HTMLSelectElement).options].find((o) => o.value && !o.disabled)?.value ?? null))),
  );
  for (const [i, value] of unmade.entries()) if (value) await form.locator("select").nth(i).selectOption(value);
  const marked = await form.evaluate((el) => {
    const visible = (f: Element) => (f as HTMLElement).getBoundingClientRect().width > 0;
    const all = [...el.querySelectorAll("input, textarea, [contenteditable='true']")];
    return all
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => visible(f) && (!(f instanceof HTMLInputElement) || ["text", "email", "url", "password", "search", "tel", ""].includes(f.getAttribute("type") ?? "")))
      .map(({ f, index }) => ({ index, type: f instanceof HTMLInputElement ? (f.getAttribute("type") ?? "text") : f instanceof HTMLTextAreaElement ? "textarea" : "rich" }));
  });
  const fields: Field[] = [];
  const all = form.locator("input, textarea, [contenteditable='true']");
  for (const [n, m] of marked.entries()) {
    const field = all.nth(m.index);
    const value =
      m.type === "email" ? `keep${n}@e2e.test` : m.type === "url" ? `https://keep.example/${n}` : m.type === "password" ? `keep-password-${n}-long` : `남겨 둘 입력 ${n} 保留`;
    if (m.type === "rich") {
      await field.click();
      await page.keyboard.type(value);
      fields.push({ index: m.index, kind: "rich", value });
    } else {
      await field.fill(value);
      fields.push({ index: m.index, kind: "text", value });
    }
  }
  return fields;
}

async function resolvePaths(page: Page): Promise<string[]> {
  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.find((h) => pattern.test(h)) ?? null;
  };
  const policy = await firstLink("/policies", /^\/policies\/[0-9a-f-]{36}$/);
  const item = await firstLink("/response-items", /^\/response-items\/[0-9a-f-]{36}$/);
  const source = await firstLink("/intake/sources", /^\/intake\/sources\/[0-9a-f-]{36}$/);
  return [
    "/policies/new",
    "/response-items/new",
    "/members",
    "/profile",
    "/inbox",
    "/policies",
    "/saved-searches",
    "/framework",
    "/intake/sources/new",
    "/brief/edit",
    ...(policy ? [policy, `${policy}/edit`] : []),
    ...(item ? [item] : []),
    ...(source ? [source] : []),
  ];
}

test("every form that takes text keeps what was typed when the server refuses it", async ({ browser }) => {
  test.setTimeout(900_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, adminEmail, adminPassword);
  const paths = await resolvePaths(page);
  const walked: string[] = [];
  const seen = new Set<string>();
  let signedIn = true;

  for (const path of paths) {
    if (!signedIn) await signIn(page, adminEmail, adminPassword);
    signedIn = true;
    await page.goto(path);
    await expect(page).not.toHaveURL(/\/sign-in/);
    const forms = (await formsOn(page)).filter((f) => !seen.has(f.signature));
    for (const { index, signature } of forms) {
      seen.add(signature);
      if (!signedIn) await signIn(page, adminEmail, adminPassword);
      signedIn = true;
      await page.goto(path);
      await expect(page).not.toHaveURL(/\/sign-in/);
      await formsOn(page);
      const form = page.locator("form").nth(index);
      const fields = await fillForm(page, index);
      await context.clearCookies();
      signedIn = false;
      const navigations: string[] = [];
      const onNavigation = (frame: { url(): string }) => navigations.push(frame.url());
      page.on("framenavigated", onNavigation);
      await form.locator("button[type='submit'], button:not([type])").first().click();
      await expect(page.getByRole("alert").filter({ hasText: /로그인이 필요합니다/ }).first(), `${path} form ${index} (${signature}): the refusal is said; navigations: ${navigations.join(" ")}`).toBeVisible({ timeout: 15_000 });
      page.off("framenavigated", onNavigation);
      const all = form.locator("input, textarea, [contenteditable='true']");
      for (const field of fields) {
        const element = all.nth(field.index);
        if (field.kind === "rich") await expect(element, `${path} form ${index}`).toContainText(field.value);
        else await expect(element, `${path} form ${index}`).toHaveValue(field.value);
      }
      walked.push(`${path} #${index} (${fields.length} fields)`);
    }
  }
  console.log(`forms walked (${walked.length}):\n  ${walked.join("\n  ")}`);
  // The walk reached the forms that matter most: logging a policy, an item, comments, updates.
  expect(walked.length).toBeGreaterThanOrEqual(12);
  await context.close();
});
