import { type Page, expect as baseExpect, test } from "@playwright/test";
import { adminEmail, adminPassword, joinByInvitation, selectInBrief, signIn } from "./support";

// Generous: the first visit of each screen is slow on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Opens the header's search dialog with Ctrl+K and types `q`. */
async function searchFor(page: Page, q: string) {
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "전체 검색" });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole("combobox", { name: "검색어" });
  await expect(box).toBeFocused();
  await box.fill(q);
  return { dialog, box };
}

test("Ctrl+K, two words, arrow down and Enter open the record", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/response-items");
  const { dialog, box } = await searchFor(page, "인공지능 발전계획");
  const listbox = dialog.getByRole("listbox", { name: "검색 결과" });
  const first = listbox.getByRole("option").first();
  await expect(first).toContainText("발전계획");
  await expect(listbox.getByRole("group", { name: "정책" })).toBeVisible();
  // The matched words are marked in the title.
  await expect(first.locator("mark").first()).toHaveText("인공지능");
  await box.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("차세대 인공지능 발전계획");

  // Escape closes the dialog; the /search page gives the same results at a shareable address.
  await searchFor(page, "인공지능 발전계획");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent("인공 지능 발전계획")}`);
  const policies = page.getByRole("region", { name: "정책" });
  await expect(policies.getByRole("link", { name: /발전계획/ }).first()).toBeVisible();
});

test("a viewer searching a phrase from someone else's private note gets no hit", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const phrase = `비밀검색${Date.now().toString(36)}`;
  await signIn(page, adminEmail, adminPassword);
  await page.goto("/brief");
  const annotateButton = page.getByRole("button", { name: "주석 달기" });
  await expect(async () => {
    await selectInBrief(page, "600억 위안(약 8.2억 달러)");
    await baseExpect(annotateButton).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await annotateButton.click();
  const composer = page.getByRole("form", { name: "새 주석" });
  await composer.locator(".ProseMirror").click();
  await page.keyboard.type(`${phrase} 나만 보는 메모`);
  await composer.getByLabel("나만 보기(비공개 메모)").check();
  await composer.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/annotation=[0-9a-f-]{36}/);

  // Its author finds it (so the phrase is indexed)…
  const mine = await searchFor(page, phrase);
  await expect(mine.dialog.getByRole("group", { name: "메모" }).getByRole("option")).toHaveCount(1);

  // …a viewer does not: not in the dialog, not on the page, not even as a group.
  const viewer = await joinByInvitation(page, browser, {
    role: "viewer",
    email: `search-viewer-${Date.now()}@e2e.test`,
    name: "검색 열람자",
    password: "viewer-password-1",
  });
  await viewer.page.goto("/");
  const theirs = await searchFor(viewer.page, phrase);
  await expect(theirs.dialog.getByRole("status")).toContainText("결과가 없습니다");
  await expect(theirs.dialog.getByRole("option")).toHaveCount(0);
  await viewer.page.goto(`/search?q=${encodeURIComponent(phrase)}`);
  await expect(viewer.page.getByText(/결과가 없습니다/)).toBeVisible();
  await expect(viewer.page.getByRole("region", { name: "메모" })).toHaveCount(0);
  await viewer.context.close();
});
