import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { adminEmail, adminPassword, signIn } from "./support";

/*
 * Issue 16: an admin generates the report of the last 30 days from /reports/new, opens its
 * print view (screenshot at A4 size, as print media) and downloads it as DOCX.
 */

test.setTimeout(180_000);

const day = (date: Date) => date.toISOString().slice(0, 10);

test("a period report is generated, printed at A4 and downloaded as DOCX", async ({ page }, testInfo) => {
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/reports");
  await page.getByRole("link", { name: "보고서 만들기" }).first().click();
  await expect(page).toHaveURL(/\/reports\/new$/);

  const to = new Date();
  const from = new Date(to.getTime() - 29 * 24 * 60 * 60 * 1000);
  const title = `최근 30일 브리핑 ${Date.now().toString(36)}`;
  await page.getByLabel("제목").fill(title);
  await page.getByLabel("시작일").fill(day(from));
  await page.getByLabel("종료일").fill(day(to));
  await page.getByLabel("보고서 언어").selectOption("ko");
  await page.getByRole("button", { name: "보고서 만들기" }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);

  // The seeded policies were logged when the workspace was made: new in these 30 days.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "새 정책과 바뀐 정책" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "공백 영역" })).toBeVisible();

  // Print view: A4 at 96 dpi, as print media, without the app's chrome.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "주 메뉴" })).toBeHidden();
  await expect(page.getByRole("button", { name: "인쇄" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("report-a4.png") });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });

  // The DOCX download.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "DOCX 내려받기" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`report-${day(from)}-${day(to)}.docx`);
  const file = testInfo.outputPath("report.docx");
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");

  // Listed for everyone.
  await page.goto("/reports");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
