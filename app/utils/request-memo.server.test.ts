import { describe, expect, test } from "vitest";
import { REQUEST_ID_HEADER, oncePerRequest } from "./request-memo.server";

describe("oncePerRequest", () => {
  test("the copies of one page view's request share an answer; other page views and unmarked requests do not", async () => {
    let calls = 0;
    const lookUp = () => Promise.resolve(++calls);
    const view = (id?: string) => new Request("http://localhost/b/x", { headers: id ? { [REQUEST_ID_HEADER]: id } : {} });
    // Remix gives each loader its own copy of the request: the header is what they share.
    expect(await Promise.all([oncePerRequest(view("a"), "user", lookUp), oncePerRequest(view("a"), "user", lookUp)])).toEqual([1, 1]);
    expect(await oncePerRequest(view("a"), "membership", lookUp)).toBe(2);
    expect(await oncePerRequest(view("b"), "user", lookUp)).toBe(3);
    // Writes and direct calls carry no id: always asked afresh.
    expect(await oncePerRequest(view(), "user", lookUp)).toBe(4);
    expect(await oncePerRequest(view(), "user", lookUp)).toBe(5);
  });
});
