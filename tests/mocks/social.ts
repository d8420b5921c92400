// Recorded-shape answers of the APIs that post discovery reads: Instagram Graph (/{ig-user-id}/tags with paging,
// mentioned_media), Bluesky's searchPosts (cursor paging) and YouTube search/channels/videos. Tests compose them.
import { http, HttpResponse } from "msw";

export const IG_USER = "17841400000000001";
export const IG_TOKEN = "EAAGtestaccesstoken0123456789";

export const calls: string[] = [];
const seen = (request: Request) => calls.push(request.url);

// One "now" for the whole file, so a source answers the same times however often it is read (as a real API does).
const NOW = Date.now();
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+0000");

/** Two pages of tagged media: the first has a known fan, a new author and a media item that went private. */
export function instagramTags() {
  return http.get(`https://graph.facebook.com/v21.0/${IG_USER}/tags`, ({ request }) => {
    seen(request);
    const url = new URL(request.url);
    if (url.searchParams.get("access_token") !== IG_TOKEN) {
      return HttpResponse.json({ error: { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190 } }, { status: 400 });
    }
    if (url.searchParams.get("after") === "PAGE2") {
      return HttpResponse.json({
        data: [{ id: "18000000000000004", caption: "Brunch with @testbakery", media_type: "IMAGE", permalink: "https://www.instagram.com/p/Page2Post/", timestamp: hoursAgo(70), username: "brunchclub", like_count: 12, comments_count: 1 }],
        paging: { cursors: { before: "PAGE2B", after: "PAGE2A" } },
      });
    }
    return HttpResponse.json({
      data: [
        { id: "18000000000000001", caption: "Morning loaf from @testbakery #gifted", media_type: "IMAGE", permalink: "https://www.instagram.com/p/KnownFan01/", timestamp: hoursAgo(5), username: "Noor.Bakes", like_count: 210, comments_count: 14 },
        { id: "18000000000000002", caption: "Could not resist @testbakery", media_type: "VIDEO", permalink: "https://www.instagram.com/reel/NewFan0001/", timestamp: hoursAgo(8), username: "crumbqueen", like_count: 95, comments_count: 7 },
        // Went private or was deleted: no permalink, no author.
        { id: "18000000000000003", media_type: "IMAGE", timestamp: hoursAgo(9) },
      ],
      paging: { cursors: { before: "PAGE1B", after: "PAGE2" }, next: `https://graph.facebook.com/v21.0/${IG_USER}/tags?access_token=${IG_TOKEN}&after=PAGE2` },
    });
  });
}

export function instagramMention() {
  return http.get(`https://graph.facebook.com/v21.0/${IG_USER}`, ({ request }) => {
    seen(request);
    const fields = new URL(request.url).searchParams.get("fields") ?? "";
    const media = fields.match(/media_id\((\w+)\)/)?.[1];
    if (media === "gone") return HttpResponse.json({ error: { message: "Unsupported get request. Object with ID 'gone' does not exist", code: 100 } }, { status: 400 });
    return HttpResponse.json({
      mentioned_media: { id: media, caption: "Shout-out to @testbakery", media_type: "IMAGE", permalink: `https://www.instagram.com/p/Mention${media}/`, timestamp: hoursAgo(1), username: "mentionfan", like_count: 3, comments_count: 0 },
      id: IG_USER,
    });
  });
}

/** Answers 429 with Retry-After, as Graph and AppView do when a limit is hit. */
export function rateLimited(url: string, retryAfter = "120") {
  return http.get(url, ({ request }) => {
    seen(request);
    return HttpResponse.json({ error: { message: "Application request limit reached", code: 4 } }, { status: 429, headers: { "Retry-After": retryAfter } });
  });
}

/** searchPosts: the mentions query has two pages; the hashtag query finds one post again and the brand's own post. */
export function blueskySearch() {
  return http.get("https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts", ({ request }) => {
    seen(request);
    const url = new URL(request.url);
    const post = (did: string, handle: string, rkey: string, text: string, hours: number, followers?: number) => ({
      uri: `at://${did}/app.bsky.feed.post/${rkey}`,
      cid: `bafyrei${rkey}`,
      author: { did, handle, displayName: handle.split(".")[0], ...(followers ? { followersCount: followers } : {}) },
      record: { $type: "app.bsky.feed.post", text, createdAt: new Date(Date.now() - hours * 3_600_000).toISOString() },
      likeCount: 10,
      replyCount: 2,
      repostCount: 3,
      quoteCount: 1,
      indexedAt: new Date().toISOString(),
    });
    if (url.searchParams.get("mentions")) {
      if (url.searchParams.get("cursor") === "c2") return HttpResponse.json({ posts: [post("did:plc:rye", "rye-and-shine.bsky.social", "3lrye0000001", "Queued for @testbakery rye", 30, 1840)] });
      return HttpResponse.json({ cursor: "c2", hitsTotal: 3, posts: [post("did:plc:mateo", "mateo.bsky.social", "3lmateo00001", "Spring buns at @testbakery", 2)] });
    }
    return HttpResponse.json({
      posts: [post("did:plc:mateo", "mateo.bsky.social", "3lmateo00001", "Spring buns at @testbakery", 2), post("did:plc:brand", "testbakery.bsky.social", "3lbrand00001", "We open at 8 #testbakery", 1)],
    });
  });
}

export function youtubeSearch() {
  return [
    http.get("https://www.googleapis.com/youtube/v3/search", ({ request }) => {
      seen(request);
      const url = new URL(request.url);
      if (!url.searchParams.get("key")) return HttpResponse.json({ error: { code: 403, message: "The request is missing a valid API key." } }, { status: 403 });
      return HttpResponse.json({
        kind: "youtube#searchListResponse",
        items: [
          { kind: "youtube#searchResult", id: { kind: "youtube#video", videoId: "vidKwame001" }, snippet: { publishedAt: new Date(Date.now() - 40 * 3_600_000).toISOString(), channelId: "UCkwame", title: "Every loaf at Test Bakery", description: "A crawl", channelTitle: "Kitchen Kwame" } },
          // A video whose channel was deleted: channels.list does not return it.
          { kind: "youtube#searchResult", id: { kind: "youtube#video", videoId: "vidGone0001" }, snippet: { publishedAt: new Date(Date.now() - 41 * 3_600_000).toISOString(), channelId: "UCgone", title: "Gone", description: "", channelTitle: "Gone" } },
        ],
      });
    }),
    http.get("https://www.googleapis.com/youtube/v3/channels", ({ request }) => {
      seen(request);
      return HttpResponse.json({ items: [{ id: "UCkwame", snippet: { title: "Kitchen Kwame", customUrl: "@kitchenkwame" }, statistics: { subscriberCount: "12400", hiddenSubscriberCount: false } }] });
    }),
    http.get("https://www.googleapis.com/youtube/v3/videos", ({ request }) => {
      seen(request);
      return HttpResponse.json({ items: [{ id: "vidKwame001", statistics: { viewCount: "8900", likeCount: "610", commentCount: "48" } }] });
    }),
  ];
}
