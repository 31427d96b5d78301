/**
 * The benchmarks' workspace: a throwaway Postgres database, migrated and seeded by the app's own
 * `migrateAndSeed`, then grown set-based (`insert … select … from generate_series`) to a given
 * size. Shared by `npm run bench` and `npm run bench:policies`.
 *
 * Everything it writes is valid for the app: rich text is Tiptap JSON, annotation selectors are
 * cut from the current revision's plain text in JavaScript (UTF-16 offsets, like the editor's),
 * search columns are computed by the app's own re-index (lib/search/reindex.ts:
 * the normalisation needs OpenCC, which SQL cannot run), and activity is only
 * inserted (the append-only trigger stays on).
 */
import { performance } from "node:perf_hooks";
import { type PostgresHandle, connectPostgres } from "../../db/client";
import { migrateAndSeed } from "../../db/migrate";
import { reindexPolicySearch } from "../../lib/policies/reindex-search";
import { reindexSearch } from "../../lib/search/reindex";

export const BENCH_ADMIN_EMAIL = "admin@policy-desk.local";
export const BENCH_ADMIN_PASSWORD = "bench-admin-password";

/** Row counts of a workspace (totals, the seed's rows included). */
export type WorkspaceSize = {
  users: number;
  frameworkNodes: number;
  policies: number;
  responseItems: number;
  /** Annotations in all, and how many of them sit on the current revision (the rest on older ones). */
  annotations: number;
  annotationsOnCurrent: number;
  comments: number;
};

export const FULL_SIZE: WorkspaceSize = {
  users: 50,
  frameworkNodes: 200,
  policies: 50_000,
  responseItems: 500,
  annotations: 20_000,
  annotationsOnCurrent: 500,
  comments: 200_000,
};

/** `size` divided by `factor` (users and framework nodes too, never below what the seed holds). */
export function scaled(size: WorkspaceSize, factor: number): WorkspaceSize {
  const div = (n: number) => Math.max(1, Math.round(n / factor));
  return {
    users: div(size.users),
    frameworkNodes: div(size.frameworkNodes),
    policies: div(size.policies),
    responseItems: div(size.responseItems),
    annotations: div(size.annotations),
    annotationsOnCurrent: div(size.annotationsOnCurrent),
    comments: div(size.comments),
  };
}

export const adminServerUrl = () => process.env.BENCH_POSTGRES_URL ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

// Word lists for titles and summaries (Chinese titles, Korean translations).
const zhWords = ["人工智能", "生成式", "服务", "管理", "办法", "标准", "体系", "建设", "指南", "数据", "安全", "算法", "推荐", "深度合成", "标识", "产业", "发展", "行动", "计划", "试验区", "创新", "治理", "伦理", "规范", "芯片", "算力", "开源", "模型", "通知", "意见"];
const koWords = ["인공지능", "생성형", "서비스", "관리", "방법", "표준", "체계", "구축", "지침", "데이터", "안전", "알고리즘", "추천", "딥페이크", "표시", "산업", "발전", "행동", "계획", "시범구", "혁신", "거버넌스", "윤리", "규범", "반도체", "컴퓨팅", "오픈소스", "모델", "통지", "의견"];

const sqlArray = (words: string[]) => `array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(",")}]`;
const ZH = sqlArray(zhWords);
const KO = sqlArray(koWords);
/** A random element of a SQL array literal (1-based). */
const pick = (array: string, n: number) => `(${array})[1 + floor(random() * ${n})::int]`;
/** `count` random words of `array`, joined by `sep` (evaluated per row thanks to the row-dependent `g`). */
const phrase = (array: string, n: number, count: string, sep: string, rowVar = "g") =>
  `(select string_agg(${pick(array, n)}, '${sep}') from generate_series(1, ${count} + 0 * ${rowVar}))`;
/** A one-paragraph Tiptap document holding `textExpr`. */
const tiptap = (textExpr: string) =>
  `jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', ${textExpr})))))`;

/** Selectors of `count` passages of `text`, offsets in UTF-16 code units like lib/brief/selectors. */
function passageSelectors(text: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const start = (i * 9973) % Math.max(1, text.length - 60);
    let end = start + 8 + (i % 40);
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end += 1;
    return { quote: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
  });
}

export type Workspace = {
  name: string;
  url: string;
  /** The generation's time in seconds. */
  seconds: number;
  counts: Record<string, number>;
  drop(): Promise<void>;
};

/**
 * Creates database `name` on `server`, migrates and seeds it like the app does, then grows it to
 * `size`. `drop()` removes it (also call it on failure; it is idempotent).
 */
export async function createWorkspace(server: string, name: string, size: WorkspaceSize, log: (line: string) => void = () => {}): Promise<Workspace> {
  const admin = connectPostgres(server, { max: 1 });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.close();
  };
  await admin.sql.unsafe(`create database "${name}"`);
  const url = databaseUrl(server, name);
  // The migration holds one connection for its advisory lock and needs another; the growth runs
  // in a single connection of its own (temporary tables and functions).
  const migrator = connectPostgres(url, { max: 2 });
  const handle = connectPostgres(url, { max: 1 });
  try {
    const started = performance.now();
    await migrateAndSeed(migrator, { adminEmail: BENCH_ADMIN_EMAIL, adminPassword: BENCH_ADMIN_PASSWORD }).finally(() => migrator.close());
    await grow(handle, size, log);
    const seconds = (performance.now() - started) / 1000;
    const [row] = await handle.sql.unsafe(`select
      (select count(*) from users)::int users, (select count(*) from framework_nodes)::int framework_nodes,
      (select count(*) from policies)::int policies, (select count(*) from response_items)::int response_items,
      (select count(*) from annotations)::int annotations, (select count(*) from comments)::int comments,
      (select count(*) from impacts)::int impacts, (select count(*) from activity)::int activity`);
    return { name, url, seconds, counts: row as unknown as Record<string, number>, drop };
  } catch (error) {
    await drop();
    throw error;
  } finally {
    await handle.close();
  }
}

/** Grows a freshly seeded database to `size`, in one connection (pg_temp functions, setseed). */
async function grow(handle: PostgresHandle, size: WorkspaceSize, log: (line: string) => void) {
  const q = async (label: string, text: string) => {
    const t0 = performance.now();
    await handle.sql.unsafe(text);
    log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  const count = async (table: string) => Number((await handle.sql.unsafe(`select count(*)::int n from ${table}`))[0].n);
  const missing = async (table: string, total: number) => Math.max(0, total - (await count(table)));

  await handle.sql.unsafe(`select setseed(0.42)`);
  const [{ hash }] = await handle.sql.unsafe(`select password_hash hash from users where email = '${BENCH_ADMIN_EMAIL}'`);

  // Members: mostly editors, some viewers; they share the admin's password.
  const newUsers = await missing("users", size.users);
  await q(
    `${newUsers} users`,
    `insert into users (email, display_name, password_hash, role, locale)
     select 'member' || g || '@bench.test', '연구원 ' || g, '${hash}', (case when g % 5 = 0 then 'viewer' else 'editor' end)::role,
            (case when g % 4 = 0 then 'en' else 'ko' end)::locale
     from generate_series(1, ${newUsers}) g`,
  );
  await handle.sql.unsafe(`create temp table u as select id, row_number() over (order by email) rn from users; create index on u (rn); analyze u`);
  const userCount = await count("u");
  const randomUser = (salt: string) => `(select id from u where rn = 1 + (abs(hashtext((${salt})::text)) % ${userCount}))`;

  // Framework nodes, spread over the seeded dimensions.
  const newNodes = await missing("framework_nodes", size.frameworkNodes);
  await q(
    `${newNodes} framework nodes`,
    `with d as (select id, row_number() over (order by position) - 1 rn, count(*) over () n from framework_dimensions)
     insert into framework_nodes (dimension_id, label_ko, label_en, position)
     select d.id, ${pick(KO, koWords.length)} || ' 노드 ' || g, 'Node ' || g, 100 + g
     from generate_series(1, ${newNodes}) g join d on d.rn = g % d.n`,
  );
  await handle.sql.unsafe(`create temp table n as select id, row_number() over (order by id) rn from framework_nodes where archived_at is null; create index on n (rn); analyze n`);
  const nodeCount = await count("n");

  // Policies with Chinese and Korean titles and summaries; 1–3 framework nodes and one issuing body each.
  // Titles and summaries come from pools of random phrases:
  // building a phrase per row would take minutes.
  const POOL = 2000;
  await q(
    "phrase pools",
    `create temp table zh as select k, t from (
       select k, '关于' || ${phrase(ZH, zhWords.length, "3 + k % 3", "", "k")} || '的' || ${pick(`array['通知','意见','办法']`, 3)} t
       from generate_series(0, ${POOL - 1}) k) x;
     create temp table ko as select k, t from (
       select k, ${phrase(KO, koWords.length, "3 + k % 3", " ", "k")} || ' ' || ${pick(`array['통지','의견','방법']`, 3)} t
       from generate_series(0, ${POOL - 1}) k) x;
     create temp table summ as select k, t from (
       select k, ${phrase(KO, koWords.length, "12", " ", "k")} || '. ' || ${phrase(ZH, zhWords.length, "8", "", "k")} || '。' t
       from generate_series(0, ${POOL - 1}) k) x;
     create index on zh (k); create index on ko (k); create index on summ (k)`,
  );
  const newPolicies = await missing("policies", size.policies);
  await q(
    `${newPolicies} policies`,
    `insert into policies (title_zh, title_ko, document_number, instrument_type, status, significance, announced_on,
                           summary, summary_text, created_by_id, created_at, updated_at)
     select zh.t, ko.t, doc_no, instrument, status, significance, announced, ${tiptap("summ.t")}, summ.t,
            ${randomUser("g")}, created, created
     from (
       select g,
         '国发〔' || (2015 + g % 11) || '〕' || g || '号' doc_no,
         (enum_range(null::instrument_type))[1 + g % 9] instrument,
         (enum_range(null::policy_status))[1 + (g / 9) % 5] status,
         (enum_range(null::priority))[1 + (g / 7) % 3] significance,
         date '2015-01-01' + (g * 7919) % 3900 announced,
         now() - make_interval(secs => g * 600) created
       from generate_series(1, ${newPolicies}) g
     ) p
     join zh on zh.k = g % ${POOL} join ko on ko.k = (g * 7) % ${POOL} join summ on summ.k = (g * 13) % ${POOL}`,
  );
  const t0 = performance.now();
  const indexed = await reindexPolicySearch(handle.db);
  log(`  search columns of ${indexed} policies (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await handle.sql.unsafe(`create temp table p as select id, row_number() over (order by created_at, id) rn from policies; create index on p (rn); analyze p`);
  await q(
    "policy framework nodes",
    `insert into policy_framework_nodes (policy_id, node_id)
     select distinct p.id, n.id from p join n on n.rn in (1 + (p.rn * 7) % ${nodeCount}, 1 + (p.rn * 13) % ${nodeCount}, 1 + (p.rn * 31) % ${nodeCount})
     where n.rn <> 1 + (p.rn * 31) % ${nodeCount} or p.rn % 3 = 0
     on conflict do nothing`,
  );
  await q(
    "policy issuing bodies",
    `with b as (select id, row_number() over (order by name_zh) rn, count(*) over () n from issuing_bodies)
     insert into policy_issuing_bodies (policy_id, issuing_body_id)
     select p.id, b.id from p join b on b.rn = 1 + p.rn % b.n on conflict do nothing`,
  );

  // Response items, owned, on 1–3 nodes; impacts tie half the policies to an item.
  const newItems = await missing("response_items", size.responseItems);
  await q(
    `${newItems} response items`,
    `insert into response_items (title, description, description_text, owner_id, status, priority, due_on, created_by_id)
     select title, ${tiptap("title || ' — 세부 과제 설명'")}, title || ' — 세부 과제 설명', ${randomUser("g")},
            (enum_range(null::item_status))[1 + g % 5], (enum_range(null::priority))[1 + g % 3],
            current_date + (g % 90) - 30, ${randomUser("-g")}
     from (select g, ${phrase(KO, koWords.length, "3", " ")} || ' 대응 과제 ' || g title from generate_series(1, ${newItems}) g) s`,
  );
  await handle.sql.unsafe(`create temp table i as select id, row_number() over (order by number) rn from response_items; create index on i (rn); analyze i`);
  const itemCount = await count("i");
  await q(
    "response item framework nodes",
    `insert into response_item_framework_nodes (response_item_id, node_id)
     select distinct i.id, n.id from i join n on n.rn in (1 + (i.rn * 3) % ${nodeCount}, 1 + (i.rn * 7) % ${nodeCount}, 1 + (i.rn * 11) % ${nodeCount})
     where n.rn = 1 + (i.rn * 3) % ${nodeCount} or i.rn % 2 = 0
     on conflict do nothing`,
  );
  await q(
    "impacts",
    `insert into impacts (policy_id, response_item_id, note, created_by_id, acknowledged_at, removed_at)
     -- (half acknowledged, a tenth removed: the rest needs review)
     select p.id, i.id, '영향 검토', ${randomUser("p.rn")}, case when p.rn % 4 = 0 then now() end, case when p.rn % 10 = 0 then now() end
     from p join i on i.rn = 1 + (p.rn * 17) % ${itemCount}
     where p.rn % 2 = 0
     on conflict do nothing`,
  );

  // Brief revisions: the seed's revision 1 plus older ones, so annotations spread over history
  // and exactly `annotationsOnCurrent` sit on the current (last) revision.
  const [brief] = await handle.sql.unsafe(
    `select b.id, r.id revision_id, r.plain_text from briefs b join brief_revisions r on r.id = b.current_revision_id order by b.created_at limit 1`,
  );
  const revisions = Math.max(1, Math.ceil(size.annotations / size.annotationsOnCurrent));
  await q(
    `${revisions - 1} more brief revisions`,
    `insert into brief_revisions (brief_id, number, doc, plain_text, author_id, note, created_at)
     select brief_id, 1 + g, doc, plain_text, author_id, '개정 ' || (1 + g), now() - make_interval(days => ${revisions} - g)
     from brief_revisions, generate_series(1, ${revisions - 1}) g where id = '${brief.revision_id}';
     update briefs set current_revision_id = (select id from brief_revisions where brief_id = '${brief.id}' order by number desc limit 1)
     where id = '${brief.id}'`,
  );
  const selectors = passageSelectors(String(brief.plain_text), 500);
  await handle.sql.unsafe(
    `create temp table sel as select (ordinality - 1)::int k, value s from jsonb_array_elements('${JSON.stringify(selectors).replaceAll("'", "''")}'::jsonb) with ordinality`,
  );
  // Annotation g sits on the revision counted back from the current one: the first
  // `annotationsOnCurrent` on the current revision, the next batch on the one before, ….
  await q(
    `${size.annotations} annotations`,
    `create temp table a as
     select gen_random_uuid() id, g, r.id revision_id, sel.s selector
     from generate_series(0, ${size.annotations - 1}) g
     join brief_revisions r on r.brief_id = '${brief.id}' and r.number = ${revisions} - g / ${size.annotationsOnCurrent}
     join sel on sel.k = g % ${selectors.length};
     insert into annotations (id, brief_id, revision_id, selector, body, body_text, tags, status, is_private, author_id,
                              resolved_by_id, resolved_at, created_at, updated_at)
     select id, '${brief.id}', revision_id, selector, ${tiptap("'주석 ' || g || ': ' || (selector->>'quote')")},
            '주석 ' || g || ': ' || (selector->>'quote'), array['tag' || (g % 7)],
            (case when g % 5 = 0 then 'resolved' else 'open' end)::annotation_status, g % 50 = 0, ${randomUser("g")},
            case when g % 5 = 0 then ${randomUser("g + 1")} end, case when g % 5 = 0 then now() end,
            now() - make_interval(mins => g), now() - make_interval(mins => g)
     from a;
     insert into annotation_anchors (annotation_id, revision_id, start, "end", orphaned, method)
     select id, revision_id, (selector->>'start')::int, (selector->>'end')::int, false, 'original' from a`,
  );

  // Comments: half on annotations (every annotation on the current revision gets replies), the
  // rest on policies and response items.
  await q(
    `${size.comments} comments`,
    `create temp table ann as select id, row_number() over (order by created_at desc, id) rn from annotations; create index on ann (rn); analyze ann;
     insert into comments (target_type, target_id, author_id, body, body_text, created_at)
     select t.target_type, t.target_id, ${randomUser("g")}, ${tiptap("text")}, text, now() - make_interval(secs => g * 30)
     from (
       select g, '의견 ' || g || ': ' || (select t from ko where k = g % ${POOL}) text,
              case g % 4 when 0 then 'policy' when 1 then 'response_item' else 'annotation' end::comment_target target_type,
              case g % 4
                when 0 then (select id from p where rn = 1 + (g / 4) % ${Math.max(1, Math.floor(size.policies / 4))})
                when 1 then (select id from i where rn = 1 + (g / 4) % ${itemCount})
                else (select id from ann where rn = 1 + (g / 2) % ${size.annotations})
              end target_id
       from generate_series(1, ${size.comments}) g
     ) t`,
  );

  // Activity: who created each policy and comment (insert only: the log is append-only).
  await q(
    "activity",
    `insert into activity (actor_id, action, entity_type, entity_id, after, at)
     select created_by_id, 'policy.created', 'policy', id::text, jsonb_build_object('titleKo', title_ko), created_at from policies;
     insert into activity (actor_id, action, entity_type, entity_id, after, at)
     select author_id, 'comment.created', 'comment', id::text,
            jsonb_build_object('targetType', target_type, 'targetId', target_id, 'parentId', null, 'bodyText', body_text), created_at
     from comments`,
  );
  const t1 = performance.now();
  const others = await reindexSearch(handle.db);
  log(`  search columns of ${others} annotations, comments, items, nodes and entries (${((performance.now() - t1) / 1000).toFixed(1)} s)`);
  await q("analyze", "analyze");
}
