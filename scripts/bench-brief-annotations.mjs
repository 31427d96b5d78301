#!/usr/bin/env node
// Measures the brief page's server render time with many annotations, against a running
// production server on Postgres:
//   createdb -h 127.0.0.1 -U postgres bench && DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
//     ADMIN_PASSWORD=bench-admin-pw npx next start -p 3104   (after `npx next build`)
//   DATABASE_URL=… BASE_URL=http://localhost:3104 ADMIN_EMAIL=admin@policy-desk.local \
//     ADMIN_PASSWORD=bench-admin-pw node scripts/bench-brief-annotations.mjs [count]
// Inserts `count` (default 500) annotations on the current revision, signs in, and prints the
// time of GET /brief (server render, measured to the last byte) over 10 requests.
import postgres from "postgres";

const count = Number(process.argv[2] ?? 500);
const base = process.env.BASE_URL ?? "http://localhost:3104";
const sql = postgres(process.env.DATABASE_URL, { max: 1 });

const [brief] = await sql`select id, current_revision_id from briefs order by created_at limit 1`;
const [revision] = await sql`select id, plain_text from brief_revisions where id = ${brief.current_revision_id}`;
const [admin] = await sql`select id from users where email = ${process.env.ADMIN_EMAIL ?? "admin@policy-desk.local"}`;
const [{ n }] = await sql`select count(*)::int as n from annotations where brief_id = ${brief.id}`;
const text = revision.plain_text;
for (let i = n; i < count; i++) {
  const start = (i * 9973) % Math.max(1, text.length - 60);
  const end = start + 8 + (i % 40);
  const selector = { quote: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `주석 ${i}` }] }] };
  const [row] = await sql`insert into annotations (brief_id, revision_id, selector, body, body_text, tags, author_id, status)
    values (${brief.id}, ${revision.id}, ${sql.json(selector)}, ${sql.json(body)}, ${`주석 ${i}`}, ${[`tag${i % 7}`]}, ${admin.id}, ${i % 5 === 0 ? "resolved" : "open"}) returning id`;
  await sql`insert into annotation_anchors (annotation_id, revision_id, start, "end", orphaned, method) values (${row.id}, ${revision.id}, ${start}, ${end}, false, 'original')`;
}
await sql.end();

// Sign in like a browser: CSRF token, then the credentials callback; keep the cookies.
const jar = new Map();
const keep = (res) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
let res = await fetch(`${base}/api/auth/csrf`);
keep(res);
const { csrfToken } = await res.json();
res = await fetch(`${base}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(base).origin, cookie: cookie() },
  body: new URLSearchParams({ csrfToken, email: process.env.ADMIN_EMAIL ?? "admin@policy-desk.local", password: process.env.ADMIN_PASSWORD ?? "" }),
});
keep(res);

const times = [];
let size = 0;
for (let i = 0; i < 11; i++) {
  const started = performance.now();
  const page = await fetch(`${base}/brief?status=all`, { headers: { cookie: cookie() } });
  const html = await page.text();
  if (page.status !== 200 || !html.includes("data-a=")) throw new Error(`unexpected response ${page.status}`);
  if (i > 0) times.push(performance.now() - started);
  size = html.length;
}
times.sort((a, b) => a - b);
console.log(`GET /brief with ${count} annotations: median ${times[5].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB`);
