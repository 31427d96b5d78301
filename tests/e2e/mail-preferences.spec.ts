import { expect, test, type Page } from "@playwright/test";
import { mailsTo } from "./mail";
import { adminEmail, adminPassword, joinByInvitation, signIn } from "./support";

/*
 * Issue 14, points 2 and 4: a member's mail preferences on the profile are kept; the
 * List-Unsubscribe link of a mail they received (read from the test SMTP server of
 * scripts/e2e.mjs), opened in a browser without signing in, turns off exactly that kind of mail,
 * and the profile shows it.
 */

test.setTimeout(240_000);

/** The delivery chosen for one kind on the profile: the label of its checked radio button. */
const chosen = (page: Page, kind: string) => page.getByRole("row", { name: new RegExp(kind) }).getByRole("radio", { checked: true });

test("preferences are kept, and a mail's unsubscribe link turns off only that kind", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, adminEmail, adminPassword);
  const email = `prefs-${stamp}@e2e.test`;
  const name = `설정 편집자 ${stamp}`;
  const { page, context } = await joinByInvitation(admin, browser, { role: "editor", email, name, password: "prefs-password-1" });

  // Replies by mail at once (the default is the digest), the digest weekly; kept after a reload.
  await page.goto("/profile");
  await page.getByRole("row", { name: /답글/ }).getByLabel("바로 메일").check();
  await page.getByLabel("얼마나 자주").selectOption("weekly");
  await page.getByRole("button", { name: "알림 설정 저장" }).click();
  await expect(page.getByText("알림 설정을 저장했습니다.")).toBeVisible();
  await page.reload();
  await expect(chosen(page, "답글")).toHaveAccessibleName("바로 메일");
  await expect(page.getByLabel("얼마나 자주")).toHaveValue("weekly");
  await expect(chosen(page, "과제를 맡김")).toHaveAccessibleName("바로 메일"); // the default

  // The admin assigns the editor a new item: an assignment mail, at once by default.
  const title = `수신 설정 과제 ${stamp}`;
  await admin.goto("/response-items/new");
  await admin.getByLabel("제목", { exact: true }).fill(title);
  await admin.getByRole("button", { name: "만들기" }).click();
  await expect(admin).toHaveURL(/\/response-items\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await admin.getByLabel("담당자 지정").selectOption({ label: name });
  await admin.getByRole("button", { name: "지정", exact: true }).click();
  await expect(admin.getByText("담당자를 바꿨습니다.")).toBeVisible();
  const [mail] = await mailsTo(email, title);
  expect(mail.parsed.subject).toContain("과제를 맡김");
  const header = (key: string) => mail.parsed.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "").replace(/\r?\n\s+/g, " ");
  expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const link = /^<([^>]+)>$/.exec(header("list-unsubscribe") ?? "")?.[1];
  expect(link).toMatch(/\/api\/mail\/unsubscribe\?token=/);

  // Opened in a browser that is signed in nowhere: a page asks first, the button unsubscribes.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await stranger.goto(link!);
  await expect(stranger.getByText(/과제를 맡김 메일을 더 받지 않으시겠습니까/)).toBeVisible();
  await stranger.getByRole("button", { name: "그만 받기" }).click();
  await expect(stranger.getByText(/과제를 맡김 메일을 더 보내지 않습니다/)).toBeVisible();

  // The profile shows exactly that change: assignments in the app only, the rest as chosen.
  await page.goto("/profile");
  await expect(chosen(page, "과제를 맡김")).toHaveAccessibleName("앱에서만");
  await expect(chosen(page, "답글")).toHaveAccessibleName("바로 메일");
  await expect(chosen(page, "나를 언급함")).toHaveAccessibleName("바로 메일");
  await expect(page.getByLabel("얼마나 자주")).toHaveValue("weekly");

  await strangerContext.close();
  await context.close();
  await adminContext.close();
});
