import fs from "node:fs";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, connectPostgres, openMemoryPglite, setDatabase } from "@/db/client";
import { migrateAndSeed, migrationsFolder } from "@/db/migrate";
import { listRecentActivity } from "@/lib/activity/queries";
import { listAnnotationsOnRevision } from "@/lib/annotations/queries";
import { listOpenAnnotationsMentioning } from "@/lib/dashboard/queries";
import { getCurrentBrief } from "@/lib/brief/queries";
import { listCommentThreads } from "@/lib/comments/queries";
import { listNotifications } from "@/lib/notifications/queries";
import { listPolicyPage } from "@/lib/policies/filtered-list";
import { parsePolicyFilters } from "@/lib/policies/filters";
import { getPolicy } from "@/lib/policies/queries";
import { searchBigrams } from "@/lib/policies/search-terms";
import { getResponseItem, listProgressUpdates } from "@/lib/response-items/queries";
import { listMembers } from "@/lib/users/queries";
import { adminUrl, databaseUrl } from "../support/postgres";
import { driver } from "./harness";

/**
 * A database made by the first released migration set (tests/fixtures/migrations-v0: 0000 and
 * 0001 as first committed), holding data written with that schema, must come through today's
 * migrations with every row intact and readable by today's queries.
 */
const v0Folder = path.join(process.cwd(), "tests", "fixtures", "migrations-v0");


async function rows<T>(handle: DatabaseHandle, query: SQL): Promise<T[]> {
  const result = await handle.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

async function applyV0(handle: DatabaseHandle) {
  if (handle.driver === "pglite") await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: v0Folder });
  else await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: v0Folder });
}

/**
 * Every public table's rows as JSON, keyed by table name, with only the columns the table had
 * before the upgrade (`columns`: table → its v0 column names): later migrations may add columns.
 */
async function snapshot(handle: DatabaseHandle, tables: string[], columns: Map<string, string[]>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const keep = (columns.get(table) ?? []).map((c) => `'${c}'`).join(", ");
    const found = await rows<{ row: string }>(
      handle,
      sql.raw(`select (select jsonb_object_agg(key, value) from jsonb_each(to_jsonb(x)) where key in (${keep}))::text as row from "${table}" x order by 1`),
    );
    out[table] = found.map((r) => r.row);
  }
  return out;
}

async function columnsOf(handle: DatabaseHandle): Promise<Map<string, string[]>> {
  const found = await rows<{ table: string; column: string }>(
    handle,
    sql`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = 'public' order by 1, 2`,
  );
  const out = new Map<string, string[]>();
  for (const { table, column } of found) out.set(table, [...(out.get(table) ?? []), column]);
  return out;
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const mentioning = (text: string, userId: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }, { type: "mention", attrs: { id: userId, label: "관리자" } }] }],
});

const ids = {
  admin: randomUUID(),
  editor: randomUUID(),
  viewer: randomUUID(),
  brief: randomUUID(),
  rev1: randomUUID(),
  rev2: randomUUID(),
  dimension: randomUUID(),
  node: randomUUID(),
  body: randomUUID(),
  policy: randomUUID(),
  item: randomUUID(),
  update: randomUUID(),
  annotation: randomUUID(),
  comment: randomUUID(),
  reply: randomUUID(),
};
const briefText = "중국은 인공지능 표준화를 국가 전략으로 추진한다.";
const policyTitle = { zh: "人工智能生成合成内容标识办法", ko: "인공지능 생성 합성 콘텐츠 표시 방법", en: "Measures for Labeling AI-Generated Content" };

/** Data as the first version of the app wrote it, in raw SQL valid for the v0 schema. */
async function insertV0Data(handle: DatabaseHandle) {
  const x = (query: SQL) => handle.db.execute(query);
  const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo";
  await x(sql`insert into users (id, email, display_name, password_hash, role) values (${ids.admin}, 'admin@v0.test', '관리자', ${hash}, 'admin')`);
  await x(sql`insert into users (id, email, display_name, password_hash, role, locale, muted_notification_kinds) values (${ids.editor}, 'editor@v0.test', '편집자', ${hash}, 'editor', 'en', '{due_soon}')`);
  await x(sql`insert into users (id, email, display_name, password_hash, role, deactivated_at) values (${ids.viewer}, 'viewer@v0.test', '열람자', ${hash}, 'viewer', now())`);
  await x(sql`insert into invitations (email, role, token_hash, invited_by_id, expires_at) values ('new@v0.test', 'editor', ${randomBytes(16).toString("hex")}, ${ids.admin}, now() + interval '7 days')`);
  await x(sql`insert into rate_limit_buckets (key, window_start, count) values ('sign-in:ip:127.0.0.1', date_trunc('minute', now()), 3)`);

  await x(sql`insert into briefs (id, title, publisher, published_on) values (${ids.brief}, '글로벌 AI 패권 경쟁', '연구원', '2025-03-01')`);
  await x(sql`insert into brief_revisions (id, brief_id, number, doc, plain_text, author_id, note) values (${ids.rev1}, ${ids.brief}, 1, ${JSON.stringify(doc("초안"))}::jsonb, '초안', ${ids.admin}, 'first')`);
  await x(sql`insert into brief_revisions (id, brief_id, number, doc, plain_text, author_id, note) values (${ids.rev2}, ${ids.brief}, 2, ${JSON.stringify(doc(briefText))}::jsonb, ${briefText}, ${ids.editor}, 'second')`);
  await x(sql`update briefs set current_revision_id = ${ids.rev2} where id = ${ids.brief}`);

  const passage = JSON.stringify({ quote: "인공지능 표준화", prefix: "중국은 ", suffix: "를 국가", start: 4, end: 12 });
  await x(sql`insert into framework_dimensions (id, key, name_ko, name_en, position) values (${ids.dimension}, 'policy_area', '정책 영역', 'Policy area', 0)`);
  await x(sql`insert into framework_nodes (id, dimension_id, label_ko, label_en, position, passage_revision_id, passage) values (${ids.node}, ${ids.dimension}, '표준화', 'Standards', 0, ${ids.rev2}, ${passage}::jsonb)`);
  await x(sql`insert into issuing_bodies (id, name_zh, name_ko, name_en, abbreviation) values (${ids.body}, '国家互联网信息办公室', '국가인터넷정보판공실', 'Cyberspace Administration of China', 'CAC')`);

  const bigrams = searchBigrams(policyTitle.zh, policyTitle.ko, policyTitle.en, "国信办通字〔2025〕2号", "표시 의무");
  await x(sql`insert into policies (id, title_zh, title_ko, title_en, document_number, instrument_type, status, announced_on, announced_precision, summary, summary_text, relation, search_bigrams, created_by_id)
    values (${ids.policy}, ${policyTitle.zh}, ${policyTitle.ko}, ${policyTitle.en}, '国信办通字〔2025〕2号', 'regulation', 'in_force', '2025-03-14', 'day',
            ${JSON.stringify(doc("표시 의무"))}::jsonb, '표시 의무', 'extends', ${sql.raw(`ARRAY[${bigrams.map((g) => `'${g.replace(/'/g, "''")}'`).join(",")}]::text[]`)}, ${ids.editor})`);
  await x(sql`insert into policies (title_ko, status, deleted_at) values ('삭제된 정책', 'repealed', now())`);
  await x(sql`insert into policy_issuing_bodies (policy_id, issuing_body_id, position) values (${ids.policy}, ${ids.body}, 0)`);
  await x(sql`insert into policy_framework_nodes (policy_id, node_id) values (${ids.policy}, ${ids.node})`);
  await x(sql`insert into policy_passages (policy_id, revision_id, selector) values (${ids.policy}, ${ids.rev2}, ${passage}::jsonb)`);

  await x(sql`insert into response_items (id, title, description, description_text, owner_id, status, priority, due_on, created_by_id)
    values (${ids.item}, 'AI 표시 제도 검토', ${JSON.stringify(doc("국내 제도 비교"))}::jsonb, '국내 제도 비교', ${ids.editor}, 'in_progress', 'high', '2025-06-30', ${ids.admin})`);
  await x(sql`insert into response_item_framework_nodes (response_item_id, node_id) values (${ids.item}, ${ids.node})`);
  await x(sql`insert into progress_updates (id, response_item_id, author_id, body, status_before, status_after) values (${ids.update}, ${ids.item}, ${ids.editor}, '착수', 'not_started', 'in_progress')`);
  await x(sql`insert into impacts (policy_id, response_item_id, note, created_by_id, acknowledged_at, acknowledged_by_id, acknowledged_by_update_id)
    values (${ids.policy}, ${ids.item}, '표시 의무 반영', ${ids.admin}, now(), ${ids.editor}, ${ids.update})`);

  await x(sql`insert into annotations (id, brief_id, revision_id, selector, body, body_text, tags, author_id)
    values (${ids.annotation}, ${ids.brief}, ${ids.rev2}, ${passage}::jsonb, ${JSON.stringify(mentioning("근거 확인 ", ids.admin))}::jsonb, '근거 확인 @관리자', '{근거}', ${ids.editor})`);
  await x(sql`insert into annotation_anchors (annotation_id, revision_id, start, "end", method) values (${ids.annotation}, ${ids.rev2}, 4, 12, 'exact')`);
  await x(sql`insert into annotation_links (annotation_id, target_type, target_id, created_by_id) values (${ids.annotation}, 'policy', ${ids.policy}, ${ids.editor})`);
  await x(sql`insert into comments (id, target_type, target_id, author_id, body, body_text, mentioned_user_ids)
    values (${ids.comment}, 'policy', ${ids.policy}, ${ids.admin}, ${JSON.stringify(doc("검토 부탁"))}::jsonb, '검토 부탁', ${sql.raw(`'{${ids.editor}}'::uuid[]`)})`);
  await x(sql`insert into comments (id, target_type, target_id, parent_id, author_id, body, body_text)
    values (${ids.reply}, 'policy', ${ids.policy}, ${ids.comment}, ${ids.editor}, ${JSON.stringify(doc("확인했습니다"))}::jsonb, '확인했습니다')`);
  await x(sql`insert into notifications (user_id, kind, entity_type, entity_id, actor_id, event_key) values (${ids.editor}, 'mention', 'comment', ${ids.comment}, ${ids.admin}, ${`mention:${ids.comment}`})`);
  await x(sql`insert into activity (actor_id, action, entity_type, entity_id, after) values (${ids.editor}, 'policy.created', 'policy', ${ids.policy}, ${JSON.stringify({ titleKo: policyTitle.ko })}::jsonb)`);
  await x(sql`insert into activity (actor_id, action, entity_type, entity_id) values (${ids.admin}, 'comment.added', 'comment', ${ids.comment})`);
}

describe(`upgrade from the first migration set (${driver})`, () => {
  let handle: DatabaseHandle;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const name = `pd_upgrade_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
      const admin = connectPostgres(adminUrl(url), { max: 1 });
      await admin.sql.unsafe(`create database "${name}"`);
      handle = connectPostgres(databaseUrl(url, name), { max: 2 });
      dropDatabase = async () => {
        await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.close();
      };
    } else {
      handle = openMemoryPglite();
    }
    setDatabase(handle);
  });

  afterAll(async () => {
    setDatabase(undefined);
    await handle?.close();
    await dropDatabase?.();
  });

  it("keeps every row and reads it through today's queries", async () => {
    await applyV0(handle);
    await insertV0Data(handle);
    const tables = (
      await rows<{ name: string }>(handle, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
    ).map((r) => r.name);
    expect(tables).toContain("policies");
    const v0Columns = await columnsOf(handle);
    // Folded into users.notification_delivery by a later migration (checked below).
    v0Columns.set("users", (v0Columns.get("users") ?? []).filter((c) => c !== "muted_notification_kinds"));
    // Derived from the policy's fields and recomputed by the re-index that follows the migrations (checked below).
    v0Columns.set("policies", (v0Columns.get("policies") ?? []).filter((c) => c !== "search_bigrams"));
    const before = await snapshot(handle, tables, v0Columns);

    const result = await migrateAndSeed(handle, { adminPassword: "never used: the database has data" });
    expect(result.seeded).toBe(false);

    const applied = await rows<{ n: number }>(handle, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    expect(Number(applied[0].n)).toBe(journal.entries.length);
    // Nothing lost, nothing changed: every v0 table holds exactly the rows it held.
    expect(await snapshot(handle, tables, v0Columns)).toEqual(before);

    // A muted kind is now the delivery "off" for that kind (due soon also for overdue, which it covered); other kinds follow their defaults.
    const delivery = await rows<{ id: string; delivery: unknown }>(handle, sql`select id, notification_delivery as delivery from users order by email`);
    expect(delivery.map((r) => r.delivery)).toEqual([{}, { due_soon: "off", overdue: "off" }, {}]);

    const brief = await getCurrentBrief();
    expect(brief?.revision).toMatchObject({ id: ids.rev2, number: 2, plainText: briefText });

    const policy = await getPolicy(ids.policy);
    expect(policy).toMatchObject({ titleKo: policyTitle.ko, titleZh: policyTitle.zh, relation: "extends", status: "in_force" });
    expect(policy?.issuingBodies.map((b) => b.abbreviation)).toEqual(["CAC"]);
    expect(policy?.nodes.map((n) => n.id)).toEqual([ids.node]);
    expect(policy?.passages).toHaveLength(1);

    // search_text was added later, first as a generated column, then normalised in TypeScript by the
    // re-index after migrating: old rows must be searchable, in either script and any spacing.
    for (const q of ["标识", "標識", "표시 방법", "표시방법", "LABELING", "国信办通字[2025]2号"]) {
      const page = await listPolicyPage(handle.db, parsePolicyFilters({ q }));
      expect(page.rows.map((r) => r.id), q).toEqual([ids.policy]);
    }

    const item = await getResponseItem(ids.item);
    expect(item).toMatchObject({ title: "AI 표시 제도 검토", status: "in_progress" });
    expect(await listProgressUpdates(ids.item)).toHaveLength(1);

    const threads = await listCommentThreads("policy", ids.policy);
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([[ids.comment, [ids.reply]]]);

    const annotations = await listAnnotationsOnRevision(ids.rev2, ids.editor);
    expect(annotations.map((a) => a.id)).toEqual([ids.annotation]);
    // The mention in its body, stored as a column since: the admin's dashboard finds it.
    expect((await listOpenAnnotationsMentioning(ids.admin)).map((a) => a.id)).toEqual([ids.annotation]);

    expect((await listMembers()).map((m) => m.email).sort()).toEqual(["admin@v0.test", "editor@v0.test", "viewer@v0.test"]);
    expect(await listNotifications(ids.editor)).toHaveLength(1);
    expect((await listRecentActivity(randomUUID())).map((a) => a.action).sort()).toEqual(["comment.added", "policy.created"]);

    // The activity log is still append-only.
    await expect(handle.db.execute(sql`delete from activity`)).rejects.toThrow();
  });
});
