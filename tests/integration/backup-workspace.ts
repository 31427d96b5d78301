import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as t from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { reindexSearch } from "@/lib/search/reindex";
import { createBrief, createFramework, createImpactRow, createPolicy, createResponseItem, createUser, tagItem, tagPolicy } from "../factories";

/** A timestamp with microseconds, which a JavaScript Date would round away. */
const micro = (text: string) => sql`${text}::timestamptz`;

const richText = (text: string): t.RichTextDoc => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text }] },
    {
      type: "paragraph",
      content: [
        { type: "text", marks: [{ type: "bold" }], text: "《新一代人工智能发展规划》" },
        { type: "text", text: " — 「글로벌 AI 패권 경쟁」 \"quoted\" \\ back\u00a0slash 😀" },
      ],
    },
  ],
});

/**
 * The seeded workspace plus at least one row in every table, with the values a backup could get
 * wrong: Korean and Chinese text, rich-text jsonb, jsonb numbers beyond double precision, arrays
 * with commas and quotes, NULLs, microsecond timestamps, a self-reference and the brief ↔ revision cycle.
 */
export async function buildBackupWorkspace(db: Database) {
  await seedDatabase(db, { adminPassword: "seeded-admin-pw" });
  const editor = await createUser(db, { role: "editor", displayName: "김편집 编辑", locale: "en", notificationDelivery: { mention: "off", due_soon: "email" } });
  await db
    .update(t.users)
    .set({ digestTime: "07:05", digestTimeZone: "Europe/Berlin", digestFrequency: "weekly", lastDigestAt: micro("2026-03-02 06:05:00.000001+00"), lastDigestOn: "2026-03-02", weeklyReport: true })
    .where(eq(t.users.id, editor.id));
  await db.insert(t.mailMessages).values({
    userId: editor.id,
    toAddress: "김편집 <editor@example.test>",
    kind: "mention",
    locale: "en",
    subject: "[Policy Desk] 언급 — «中国»",
    textBody: "본문\r\n第二行",
    htmlBody: "<p>본문 &amp; 第二行</p>",
    unsubscribeUrl: "https://desk.example.test/api/mail/unsubscribe?token=a.b",
    messageId: "<m@desk.example.test>",
    dedupeKey: "notification:x",
    status: "failed",
    attempts: 5,
    lastError: "451 Try again later",
    lockedUntil: micro("2026-03-02 06:07:00.5+00"),
    outboxFile: "20260302T060500Z-m.eml",
    sentAt: micro("2026-03-02 06:06:00.25+00"),
    createdAt: micro("2026-03-02 06:05:00.123456+00"),
    updatedAt: micro("2026-03-02 06:08:00.654321+00"),
  });
  const gone = await createUser(db, { role: "viewer", displayName: "떠난 사람", deactivated: true });
  await db.update(t.users).set({ deactivatedAt: micro("2026-03-04 05:06:07.123456+00") }).where(eq(t.users.id, gone.id));

  await db.insert(t.invitations).values({
    email: "초대@example.test",
    role: "editor",
    tokenHash: "a".repeat(64),
    invitedById: editor.id,
    expiresAt: micro("2026-12-31 23:59:59.999999+09"),
  });
  await db.insert(t.rateLimitBuckets).values([
    { key: "account:관리자@example.test", windowStart: micro("2026-05-01 00:00:00.000001+00"), count: 3 },
    { key: "Zeta", windowStart: micro("2026-05-01 00:00:00+00"), count: 1 },
    { key: "alpha", windowStart: micro("2026-05-01 00:00:00+00"), count: 1 },
  ]);

  const { brief, revision } = await createBrief(db, richText("중국의 AI 전략 中国人工智能战略"));
  const [second] = await db
    .insert(t.briefRevisions)
    .values({ briefId: brief.id, number: 2, doc: richText("개정판 修订版"), plainText: "개정판 修订版", authorId: editor.id, note: null })
    .returning();
  await db.update(t.briefs).set({ currentRevisionId: second.id, publishedOn: "2026-02-28" }).where(eq(t.briefs.id, brief.id));

  const { nodes } = await createFramework(db, 3);
  await db
    .update(t.frameworkNodes)
    .set({ mergedIntoId: nodes[0].id, archivedAt: micro("2026-06-07 08:09:10.654321+00"), passageRevisionId: revision.id, passage: { quote: "AI", prefix: "", suffix: "", start: 0, end: 2 } })
    .where(eq(t.frameworkNodes.id, nodes[2].id));

  const [annotation] = await db
    .insert(t.annotations)
    .values({
      briefId: brief.id,
      revisionId: revision.id,
      selector: { quote: "中国人工智能", prefix: "중국의 AI 전략 ", suffix: "战略", start: 10, end: 16 },
      body: richText("메모 备注"),
      bodyText: "메모 备注",
      mentionedUserIds: [editor.id],
      tags: ["정책", "人工智能", 'comma, "quote"', ""],
      status: "resolved",
      isPrivate: true,
      authorId: editor.id,
      resolvedById: editor.id,
      resolvedAt: micro("2026-07-08 09:10:11.000123+00"),
    })
    .returning();
  await db.insert(t.annotationAnchors).values([
    { annotationId: annotation.id, revisionId: revision.id, start: 10, end: 16, method: "original" },
    { annotationId: annotation.id, revisionId: second.id, start: null, end: null, orphaned: true, method: "fuzzy" },
  ]);

  const [body] = await db.insert(t.issuingBodies).values({ nameZh: "测试部门", nameKo: "시험 부처", nameEn: null, abbreviation: "TEST" }).returning();
  const policy = await createPolicy(db, {
    titleEn: null,
    documentNumber: "国发〔2026〕1号",
    summary: richText("요약 摘要"),
    summaryText: "요약 摘要",
    searchBigrams: ["요약", "摘要"],
    announcedOn: "2026-01-01",
    announcedPrecision: "month",
    relation: "extends",
  });
  await db.insert(t.policyIssuingBodies).values({ policyId: policy.id, issuingBodyId: body.id, position: 2 });
  await tagPolicy(db, policy.id, [nodes[0].id]);
  await db.insert(t.policyPassages).values({ policyId: policy.id, revisionId: revision.id, selector: { quote: "战略", prefix: "", suffix: "", start: 16, end: 18 }, orphaned: true });

  const item = await createResponseItem(db, { ownerId: editor.id, description: richText("과제 任务"), descriptionText: "과제 任务", dueOn: "2026-09-30" });
  await createResponseItem(db, { title: "두 번째 과제" });
  await tagItem(db, item.id, [nodes[1].id]);
  const [update] = await db
    .insert(t.progressUpdates)
    .values({ responseItemId: item.id, authorId: editor.id, body: "진행 中", statusBefore: "not_started", statusAfter: "in_progress" })
    .returning();
  const impact = await createImpactRow(db, { policyId: policy.id, responseItemId: item.id, createdById: editor.id, note: "영향 影响" });
  await db.update(t.impacts).set({ acknowledgedAt: micro("2026-08-09 10:11:12.5+00"), acknowledgedById: editor.id, acknowledgedByUpdateId: update.id }).where(eq(t.impacts.id, impact.id));

  const [comment] = await db
    .insert(t.comments)
    .values({ targetType: "annotation", targetId: annotation.id, authorId: editor.id, body: richText("댓글 评论"), bodyText: "댓글 评论", mentionedUserIds: [gone.id] })
    .returning();
  await db.insert(t.comments).values({
    targetType: "annotation",
    targetId: annotation.id,
    parentId: comment.id,
    authorId: gone.id,
    body: richText("답글"),
    deletedAt: micro("2026-10-11 12:13:14.999999+00"),
  });
  await db.insert(t.annotationLinks).values({ annotationId: annotation.id, targetType: "policy", targetId: policy.id, createdById: editor.id });

  await db.insert(t.activity).values([
    { actorId: editor.id, action: "policy.update", entityType: "policy", entityId: policy.id, before: { titleKo: "이전", n: 1.5 }, after: { titleKo: "이후 之后" } },
    { actorId: null, action: "system.note", entityType: "brief", entityId: brief.id, before: null, after: null, at: micro("2026-01-02 03:04:05.000006+00") },
    { actorId: editor.id, action: "annotation.created", entityType: "annotation", entityId: annotation.id, after: { isPrivate: true }, privateTo: editor.id },
  ]);
  // jsonb holding a number no JavaScript double can represent: it must come back digit for digit.
  await db.execute(sql`insert into activity (action, entity_type, entity_id, after) values ('precision', 'x', 'y', '{"n": 12345678901234567890.123456789}'::jsonb)`);

  await db.insert(t.notifications).values({ userId: editor.id, kind: "impact", entityType: "impact", entityId: impact.id, actorId: null, eventKey: `impact:${impact.id}` });
  await db.insert(t.presence).values({ userId: editor.id, topic: `brief:${brief.id}`, lastSeenAt: micro("2026-11-26 10:00:00.123456+00") });
  const [session] = await db
    .insert(t.sessions)
    .values({
      userId: editor.id,
      sessionVersion: 2,
      createdAt: micro("2026-11-20 08:00:00.000001+00"),
      lastSeenAt: micro("2026-11-26 09:59:59.999999+00"),
      expiresAt: micro("2026-12-03 09:59:59.999999+00"),
      revokedAt: micro("2026-11-27 00:00:00.5+00"),
      userAgent: "Mozilla/5.0 (iPhone) Safari/604.1",
      clientAddress: "2001:db8::7",
    })
    .returning();
  await db.insert(t.passwordResets).values({
    userId: editor.id,
    tokenHash: "c".repeat(64),
    issuedById: gone.id,
    expiresAt: micro("2026-11-26 11:00:00.000001+00"),
    usedAt: micro("2026-11-26 10:30:00.999999+00"),
    createdAt: micro("2026-11-26 10:00:00.000001+00"),
  });
  await db.insert(t.liveConnections).values({ userId: editor.id, sessionId: session.id, openedAt: micro("2026-11-26 10:00:00.5+00"), seenAt: micro("2026-11-26 10:00:25.5+00"), staleAfterMs: 75_000 });

  // Every column away from its default somewhere (the backup test checks it), so a column the
  // backup left out, and which the restore therefore filled with its default, would show.
  const later = micro("2026-11-01 01:02:03.040506+00");
  await db.update(t.users).set({ sessionVersion: 3, version: 2 }).where(eq(t.users.id, editor.id));
  await db.update(t.invitations).set({ acceptedAt: later, acceptedUserId: editor.id, revokedAt: later });
  await db.update(t.briefs).set({ publisher: "국가전략연구원 国家战略研究院", language: "zh", version: 2 }).where(eq(t.briefs.id, brief.id));
  await db.update(t.annotations).set({ editedAt: later, deletedAt: later, version: 3 }).where(eq(t.annotations.id, annotation.id));
  await db.update(t.frameworkDimensions).set({ version: 2 });
  await db.update(t.frameworkNodes).set({ description: "설명 说明", passageOrphaned: true, version: 2 }).where(eq(t.frameworkNodes.id, nodes[1].id));
  await db
    .update(t.policies)
    .set({ deletedAt: later, lastCheckedOn: "2026-11-02", significance: "high", sourceUrl: "https://www.gov.cn/zhengce/?q=人工智能", version: 4 })
    .where(eq(t.policies.id, policy.id));
  const [archived] = await db.select().from(t.responseItems).where(eq(t.responseItems.title, "두 번째 과제"));
  await db.update(t.responseItems).set({ archivedAt: later, status: "done", passageOrphaned: true, version: 2 }).where(eq(t.responseItems.id, archived.id));
  await db.update(t.impacts).set({ removedAt: later, removedById: editor.id }).where(eq(t.impacts.id, impact.id));
  await db.update(t.comments).set({ editedAt: later, version: 2 }).where(eq(t.comments.id, comment.id));
  await db.update(t.notifications).set({ actorId: gone.id, readAt: later });
  await db.update(t.policies).set({ sourceChangedAt: later }).where(eq(t.policies.id, policy.id));

  // Intake: a source with every column set, an entry decided as a duplicate, a dead link's snapshot.
  const [source] = await db
    .insert(t.sources)
    .values({
      name: "공업정보화부 工业和信息化部",
      url: "https://www.miit.gov.cn/zwgk/list.html?page=1&q=人工",
      kind: "html_list",
      linkSelector: "ul.list li > a[href*=\"content\"]",
      titleSelector: ".title",
      dateSelector: "span.date",
      intervalMinutes: 45,
      enabled: false,
      nextCheckAt: later,
      lastCheckedAt: later,
      lastSuccessAt: micro("2026-10-01 00:00:00.000001+00"),
      lastError: "http_status",
      lastErrorDetail: "HTTP 503",
      lastErrorAt: later,
      entriesFound: 7,
      etag: 'W/"12-ab"',
      lastModified: "Tue, 01 Dec 2026 00:00:00 GMT",
      createdById: editor.id,
      deletedAt: later,
      version: 3,
      createdAt: micro("2026-09-09 09:09:09.090909+00"),
      updatedAt: later,
    })
    .returning();
  await db.insert(t.intakeEntries).values({
    sourceId: source.id,
    title: "关于印发《人工智能“+”行动》的通知",
    url: "https://www.miit.gov.cn/zwgk/content_1.html?utm_source=x",
    canonicalUrl: "https://www.miit.gov.cn/zwgk/content_1.html",
    titleKey: "关于印发《人工智能“+”行动》的通知",
    publishedAt: micro("2026-03-14 00:00:00+08"),
    firstSeenAt: later,
    state: "duplicate",
    policyId: policy.id,
    suggestedPolicyId: policy.id,
    dismissReason: "중복 重复",
    decidedById: editor.id,
    decidedAt: later,
    version: 2,
  });
  await db.insert(t.sourceSnapshots).values({
    policyId: policy.id,
    url: "https://www.gov.cn/zhengce/content_1.htm",
    fetchedAt: later,
    httpStatus: 404,
    error: "http_status",
    text: "第一条 本办法… 「인용」 \\ 😀",
    hash: "f".repeat(64),
  });
  // A saved search (shared, renamed once) with an alert on it.
  const [search] = await db
    .insert(t.savedSearches)
    .values({
      ownerId: editor.id,
      scope: "intake",
      name: "표준 标准 「검색」",
      query: "state=all&q=%E6%A0%87%E5%87%86",
      shared: true,
      version: 2,
      createdAt: micro("2026-09-10 10:10:10.101010+00"),
      updatedAt: later,
    })
    .returning();
  await db.insert(t.savedSearchAlerts).values({ savedSearchId: search.id, userId: editor.id, createdAt: later });
  // A frozen report in English: its content is JSON of its own, kept as written.
  await db.insert(t.reports).values({
    title: "Weekly 주간 「보고」",
    periodFrom: "2026-09-01",
    periodTo: "2026-09-07",
    language: "en",
    sections: ["policies", "blind_spots"],
    authorId: editor.id,
    generatedAt: micro("2026-09-08 00:00:00.123456+00"),
    content: { from: "2026-09-01", to: "2026-09-07", language: "en", sections: ["policies", "blind_spots"], blindSpots: [{ nodeId: nodes[0].id, dimension: "차원", label: "노드", policyCount: 1 }] },
  });
  // The search columns of the rows written here by SQL, as the app's re-index after migrating fills them.
  await reindexSearch(db);
  return { editor, brief, policy, item };
}
