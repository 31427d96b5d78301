import { describe, expect, it } from "vitest";
import { entityHref } from "../../lib/entity-href";
import { compareForOwner, isOverdue } from "../../lib/response-items/rules";
import { isUuid } from "../../lib/uuid";

const today = "2025-06-15";

describe("isOverdue", () => {
  it("is true for an open item due before today", () => {
    expect(isOverdue({ status: "in_progress", dueOn: "2025-06-14" }, today)).toBe(true);
    expect(isOverdue({ status: "blocked", dueOn: "2024-01-01" }, today)).toBe(true);
  });
  it("is false when due today or later, undated, or closed", () => {
    expect(isOverdue({ status: "not_started", dueOn: today }, today)).toBe(false);
    expect(isOverdue({ status: "not_started", dueOn: null }, today)).toBe(false);
    expect(isOverdue({ status: "done", dueOn: "2025-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "dropped", dueOn: "2025-01-01" }, today)).toBe(false);
  });
});

describe("compareForOwner", () => {
  it("puts overdue first, then open by due date (undated last), then closed", () => {
    const items = [
      { number: 1, status: "done" as const, dueOn: "2025-01-01" },
      { number: 2, status: "not_started" as const, dueOn: null },
      { number: 3, status: "in_progress" as const, dueOn: "2025-07-01" },
      { number: 4, status: "blocked" as const, dueOn: "2025-06-01" },
      { number: 5, status: "not_started" as const, dueOn: "2025-06-20" },
    ];
    expect(items.sort((a, b) => compareForOwner(a, b, today)).map((i) => i.number)).toEqual([4, 5, 3, 2, 1]);
  });
});

describe("isUuid and entityHref", () => {
  const id = "4c775365-5419-4ee3-bed2-1cb67f9bf596";
  it("accepts UUIDs only", () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid(`${id}x`)).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
  it("links only to screens that exist", () => {
    expect(entityHref("policy", id)).toBe(`/policies/${id}`);
    expect(entityHref("response_item", id)).toBe(`/response-items/${id}`);
    expect(entityHref("brief", id)).toBe("/brief");
    expect(entityHref("policy", "../../etc")).toBeNull();
    expect(entityHref("user", id)).toBeNull();
  });
});
