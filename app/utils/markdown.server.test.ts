import { describe, expect, test } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  test("renders formatting, lists and links", () => {
    const html = renderMarkdown("# Spring menu\n\n**Rhubarb** tart\n\n- one\n- two\n\n[Read more](https://juniper.example/spring)");
    expect(html).toContain("<h2>Spring menu</h2>");
    expect(html).toContain("<strong>Rhubarb</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toMatch(/<a href="https:\/\/juniper.example\/spring"[^>]*rel="noopener noreferrer nofollow"/);
  });
  test("removes scripts, event handlers, styles and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(2)"><p style="color:red" onclick="x()">hi</p>\n\n[x](javascript:alert(3))');
    expect(html).not.toMatch(/script|onerror|onclick|style=|javascript:|<img/i);
    expect(html).toContain("hi");
  });
});
