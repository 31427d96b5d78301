import { describe, expect, it } from "vitest";
import { activityFiltersSchema, activityQuery } from "../../lib/activity/filters";
import { activityHref, commentIdOfEventKey, entityHref } from "../../lib/entity-href";

const id = "0b6f3c1e-8a2d-4c4e-9f7a-1d2e3f4a5b6c";
const other = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("entityHref", () => {
  it("leads to the page, and to one comment on it", () => {
    expect(entityHref("policy", id)).toBe(`/policies/${id}`);
    expect(entityHref("response_item", id, { commentId: other })).toBe(`/response-items/${id}#comment-${other}`);
    expect(entityHref("annotation", id, { commentId: other })).toBe(`/brief?annotation=${id}#comment-${other}`);
    expect(entityHref("report", id)).toBe(`/reports/${id}`);
    expect(entityHref("report", "../members")).toBeNull();
  });
  it("refuses ids that are not UUIDs and unknown types", () => {
    expect(entityHref("policy", "../members")).toBeNull();
    expect(entityHref("policy", id, { commentId: "x\" onload=" })).toBe(`/policies/${id}`);
    expect(entityHref("user", id)).toBeNull();
  });
  it("reads the comment of a notification's event key and the target of a comment's activity entry", () => {
    expect(commentIdOfEventKey(`comment:${other}`)).toBe(other);
    expect(commentIdOfEventKey(`due:${id}:2026-01-01`)).toBeNull();
    expect(activityHref({ entityType: "comment", entityId: other, after: { targetType: "policy", targetId: id } })).toBe(`/policies/${id}#comment-${other}`);
    expect(activityHref({ entityType: "comment", entityId: other, after: null })).toBeNull();
  });
});

describe("activity filters from the URL", () => {
  it("keeps valid filters and drops malformed ones instead of failing", () => {
    expect(activityFiltersSchema.parse({ actor: id, type: "comment", from: "2026-01-01", to: "2026-01-31", page: "3" })).toEqual({
      actor: id,
      type: "comment",
      from: "2026-01-01",
      to: "2026-01-31",
      page: 3,
    });
    expect(activityFiltersSchema.parse({ actor: "1; drop", type: "secrets", from: "yesterday", page: "-2" })).toEqual({
      actor: undefined,
      type: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
  });
  it("builds the query of a page", () => {
    const filters = activityFiltersSchema.parse({ type: "policy", page: "2" });
    expect(activityQuery(filters, { page: 3 })).toBe("?type=policy&page=3");
    expect(activityQuery(filters, { page: 1 })).toBe("?type=policy");
  });
});
