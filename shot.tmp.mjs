import { chromium } from "playwright-core";
const base = "http://localhost:3102";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
p.setDefaultTimeout(400000);
await p.goto(base + "/sign-in");
await p.fill('input[name="email"]', "admin@policy-desk.local");
await p.fill('input[name="password"]', "dev-admin-password");
await p.click('button[type="submit"]');
await p.waitForURL(base + "/", { timeout: 120000 });
for (const [name, path] of process.argv.slice(2).map((a) => a.split("="))) {
  const r = await p.goto(base + path, { timeout: 180000 });
  console.log(name, r?.status());
  await p.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
}
await b.close();
