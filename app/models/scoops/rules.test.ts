import { describe, expect, test } from "vitest";
import { zonedInputToUtc } from "#app/utils/format";
import { mustAcknowledge, parseLinks, resolveScoopTimes, scoopState } from "./rules";

const now = new Date("2026-11-25T12:00:00Z");
const toronto = (v: string) => zonedInputToUtc(v, "America/Toronto");

describe("embargo rules", () => {
  test("a scoop moves from draft to scheduled to embargoed to shareable", () => {
    expect(scoopState({ publishAt: null, embargoUntil: null }, now)).toBe("draft");
    expect(scoopState({ publishAt: "2026-11-26T00:00:00Z", embargoUntil: null }, now)).toBe("scheduled");
    expect(scoopState({ publishAt: "2026-11-25T00:00:00Z", embargoUntil: "2026-11-25T12:00:01Z" }, now)).toBe("embargoed");
    expect(scoopState({ publishAt: "2026-11-25T00:00:00Z", embargoUntil: "2026-11-25T12:00:00Z" }, now)).toBe("shareable");
  });
  test("fans acknowledge only while the embargo holds", () => {
    const embargoed = { publishAt: "2026-11-25T00:00:00Z", embargoUntil: "2026-12-01T00:00:00Z" };
    expect(mustAcknowledge(embargoed, null, now)).toBe(true);
    expect(mustAcknowledge(embargoed, "2026-11-25T10:00:00Z", now)).toBe(false);
    expect(mustAcknowledge(embargoed, null, new Date("2026-12-01T00:00:00Z"))).toBe(false);
    expect(mustAcknowledge({ publishAt: "2026-11-25T00:00:00Z", embargoUntil: null }, null, now)).toBe(false);
  });
  test("times are read in the brand's zone; the embargo must lift after publishing; schedules are in the future", () => {
    const later = resolveScoopTimes({ publishMode: "later", publishAt: "2026-12-01T09:00", embargo: true, embargoUntil: "2026-12-02T09:00" }, toronto, now);
    expect(later.errors).toBeNull();
    expect(later.publishAt?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(later.embargoUntil?.toISOString()).toBe("2026-12-02T14:00:00.000Z");
    expect(resolveScoopTimes({ publishMode: "later", publishAt: "2026-11-20T09:00", embargo: false }, toronto, now).errors?.publishAt).toEqual([
      "Choose a time in the future, or publish now.",
    ]);
    expect(resolveScoopTimes({ publishMode: "now", embargo: true, embargoUntil: "2026-11-25T06:00" }, toronto, now).errors?.embargoUntil).toEqual([
      "The embargo must lift after the scoop is published.",
    ]);
    expect(resolveScoopTimes({ publishMode: "draft", embargo: true, embargoUntil: "2026-12-25T06:00" }, toronto, now).publishAt).toBeNull();
  });
  test("saving a published scoop again keeps its original publish time", () => {
    const first = new Date("2026-11-20T12:00:00Z");
    expect(resolveScoopTimes({ publishMode: "now", embargo: false }, toronto, now, first).publishAt).toEqual(first);
  });
});

describe("parseLinks", () => {
  test("reads labelled and bare links and reports bad lines", () => {
    expect(parseLinks("Press kit https://a.example/kit\nhttps://b.example/x\n\nLookbook – https://c.example").links).toEqual([
      { label: "Press kit", url: "https://a.example/kit" },
      { label: "b.example", url: "https://b.example/x" },
      { label: "Lookbook", url: "https://c.example" },
    ]);
    expect(parseLinks("just words").errors[0]).toMatch(/Line 1/);
  });
});
