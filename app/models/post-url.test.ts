import { describe, expect, test } from "vitest";
import { recognizePostUrl } from "./post-url";

const id = (url: string) => {
  const r = recognizePostUrl(url);
  return "error" in r ? r : [r.platform, r.externalId, r.kind];
};

describe("recognizePostUrl", () => {
  test("Instagram posts, reels, IGTV and stories, with share parameters and mobile hosts", () => {
    expect(id("https://www.instagram.com/p/C3xYz12AbCd/?igsh=MWZ4bGx5")).toEqual(["instagram", "C3xYz12AbCd", "post"]);
    expect(id("https://instagram.com/reel/C4aBcDeFgHi/?utm_source=ig_web_copy_link")).toEqual(["instagram", "C4aBcDeFgHi", "post"]);
    expect(id("https://www.instagram.com/reels/C4aBcDeFgHi/")).toEqual(["instagram", "C4aBcDeFgHi", "post"]);
    expect(id("https://www.instagram.com/priya.bakes/p/C3xYz12AbCd/")).toEqual(["instagram", "C3xYz12AbCd", "post"]);
    expect(id("instagram.com/tv/B9xYzAbC/")).toEqual(["instagram", "B9xYzAbC", "post"]);
    expect(id("https://www.instagram.com/stories/priya.bakes/3312345678901234567/")).toEqual(["instagram", "story:3312345678901234567", "story"]);
    expect(recognizePostUrl("https://www.instagram.com/priya.bakes/")).toMatchObject({ error: expect.stringMatching(/not a post/) });
  });
  test("TikTok videos, photo posts, mobile and short links", () => {
    expect(id("https://www.tiktok.com/@priya.bakes/video/7301234567890123456?is_from_webapp=1&sender_device=pc")).toEqual(["tiktok", "7301234567890123456", "post"]);
    expect(id("https://www.tiktok.com/@priya.bakes/photo/7301234567890123457")).toEqual(["tiktok", "7301234567890123457", "post"]);
    expect(id("https://m.tiktok.com/v/7301234567890123456.html")).toEqual(["tiktok", "7301234567890123456", "post"]);
    expect(id("https://vm.tiktok.com/ZMabc123/")).toEqual(["tiktok", "short:ZMabc123", "post"]);
    expect(id("https://www.tiktok.com/t/ZTRabc123/")).toEqual(["tiktok", "short:ZTRabc123", "post"]);
  });
  test("YouTube videos and shorts from every host", () => {
    for (const url of [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
      "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://youtu.be/dQw4w9WgXcQ?si=AbCdEf",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
      "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RD",
      "https://www.youtube.com/live/dQw4w9WgXcQ?feature=share",
    ]) {
      expect(id(url), url).toEqual(["youtube", "dQw4w9WgXcQ", "post"]);
    }
    expect(id("https://youtube.com/shorts/AbCdEfGhIjK?si=xyz")).toEqual(["youtube", "AbCdEfGhIjK", "post"]);
    expect(recognizePostUrl("https://www.youtube.com/@juniperbakery")).toMatchObject({ error: expect.any(String) });
  });
  test("X and Twitter", () => {
    expect(id("https://x.com/priyabakes/status/1791234567890123456?s=46&t=abc")).toEqual(["x", "1791234567890123456", "post"]);
    expect(id("https://twitter.com/priyabakes/status/1791234567890123456")).toEqual(["x", "1791234567890123456", "post"]);
    expect(id("https://mobile.twitter.com/priyabakes/status/1791234567890123456/photo/1")).toEqual(["x", "1791234567890123456", "post"]);
    expect(id("https://x.com/i/web/status/1791234567890123456")).toEqual(["x", "1791234567890123456", "post"]);
  });
  test("Threads, Bluesky, Facebook, LinkedIn, Pinterest", () => {
    expect(id("https://www.threads.net/@priya.bakes/post/C5AbCdEfGh?xmt=AQG")).toEqual(["threads", "C5AbCdEfGh", "post"]);
    expect(id("https://www.threads.com/@priya.bakes/post/C5AbCdEfGh")).toEqual(["threads", "C5AbCdEfGh", "post"]);
    expect(id("https://bsky.app/profile/Priya.bsky.social/post/3kq2abcdxyz2s")).toEqual(["bluesky", "priya.bsky.social/3kq2abcdxyz2s", "post"]);
    expect(id("https://www.facebook.com/juniperfan/posts/pfbid02AbCdEf")).toEqual(["facebook", "pfbid02AbCdEf", "post"]);
    expect(id("https://m.facebook.com/permalink.php?story_fbid=123456789&id=987")).toEqual(["facebook", "123456789", "post"]);
    expect(id("https://www.facebook.com/photo/?fbid=10161234567890&set=a.1")).toEqual(["facebook", "10161234567890", "post"]);
    expect(id("https://www.facebook.com/reel/1234567890123456")).toEqual(["facebook", "1234567890123456", "post"]);
    expect(id("https://www.facebook.com/watch/?v=1234567890")).toEqual(["facebook", "1234567890", "post"]);
    expect(id("https://fb.watch/abcDEF123/")).toEqual(["facebook", "short:abcDEF123", "post"]);
    expect(id("https://www.facebook.com/share/p/1AbCdEfGh/")).toEqual(["facebook", "share:p:1AbCdEfGh", "post"]);
    expect(id("https://www.linkedin.com/posts/priya-raman_sourdough-activity-7181234567890123456-AbCd?utm_source=share")).toEqual(["linkedin", "7181234567890123456", "post"]);
    expect(id("https://www.linkedin.com/feed/update/urn:li:activity:7181234567890123456/")).toEqual(["linkedin", "7181234567890123456", "post"]);
    expect(id("https://www.pinterest.com/pin/123456789012345678/")).toEqual(["pinterest", "123456789012345678", "post"]);
    expect(id("https://www.pinterest.ca/pin/rye-bread--123456789012345678/")).toEqual(["pinterest", "123456789012345678", "post"]);
    expect(id("https://pin.it/3AbCdEf")).toEqual(["pinterest", "short:3AbCdEf", "post"]);
  });
  test("any other link is web, keyed without tracking parameters so duplicates match", () => {
    const a = recognizePostUrl("https://www.Priyabakes.example/blog/rye-review/?utm_source=ig&fbclid=x#comments");
    const b = recognizePostUrl("https://priyabakes.example/blog/rye-review");
    expect(a).toMatchObject({ platform: "web", externalId: "priyabakes.example/blog/rye-review" });
    expect(b).toMatchObject({ platform: "web", externalId: "priyabakes.example/blog/rye-review" });
    expect(recognizePostUrl("https://blog.example/post?id=42&utm_medium=social")).toMatchObject({ externalId: "blog.example/post?id=42" });
  });
  test("rejects what is not a link", () => {
    expect(recognizePostUrl("")).toEqual({ error: "Paste the link to the post." });
    expect(recognizePostUrl("my rye post")).toMatchObject({ error: expect.stringMatching(/doesn't look like a link/) });
    expect(recognizePostUrl("javascript:alert(1)")).toMatchObject({ error: expect.any(String) });
  });
});
