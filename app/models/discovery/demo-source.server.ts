// In demo mode the connected accounts read these recorded-shape answers instead of the network: the same readers,
// paging and matching run on them. The authors' handles are fixed, so a brand whose ambassadors use them sees
// "found" posts from known fans, and the others land on the "already posting" list.
import type { SourceFetch } from "./sources.server";

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** The handles the demo answers use (the seed gives two of them to Juniper Bakery ambassadors). */
export const DEMO_AUTHORS = {
  instagramKnown: "noor.makes.bread",
  instagramNew: ["crumbqueen.to", "weekendloaves"],
  blueskyKnown: "mateo-eats.bsky.social",
  blueskyNew: "rye-and-shine.bsky.social",
  youtubeNew: "kitchenkwame",
} as const;

function instagramTags() {
  return {
    data: [
      { id: "17900000000000001", caption: "Sunday sourdough from @juniperbakery — still warm!", media_type: "IMAGE", permalink: "https://www.instagram.com/p/DemoNoor01/", timestamp: ago(20), username: DEMO_AUTHORS.instagramKnown, like_count: 184, comments_count: 12 },
      { id: "17900000000000002", caption: "Best croissant in the city? @juniperbakery might be it", media_type: "IMAGE", permalink: "https://www.instagram.com/p/DemoCrumb01/", timestamp: ago(30), username: DEMO_AUTHORS.instagramNew[0], like_count: 96, comments_count: 8 },
      { id: "17900000000000003", caption: "Rye loaf haul, tagging @juniperbakery", media_type: "CAROUSEL_ALBUM", permalink: "https://www.instagram.com/reel/DemoLoaves1/", timestamp: ago(50), username: DEMO_AUTHORS.instagramNew[1], like_count: 41, comments_count: 3 },
      // A media item that went private after it was tagged: no permalink, no author.
      { id: "17900000000000004", media_type: "IMAGE", timestamp: ago(60) },
    ],
    paging: { cursors: { before: "QVFIU0", after: "QVFIU1" } },
  };
}

function blueskySearch(url: URL) {
  const did = (n: number) => `did:plc:demo${n}`;
  const posts = [
    { uri: `at://${did(1)}/app.bsky.feed.post/3ldemomateo1`, author: { did: did(1), handle: DEMO_AUTHORS.blueskyKnown, displayName: "Mateo" }, record: { text: "The spring buns at Juniper Bakery are back #juniperbakery", createdAt: ago(10) }, likeCount: 23, replyCount: 2, repostCount: 4, quoteCount: 0 },
    { uri: `at://${did(2)}/app.bsky.feed.post/3ldemorye001`, author: { did: did(2), handle: DEMO_AUTHORS.blueskyNew, displayName: "Rye & Shine", followersCount: 1840 }, record: { text: "Queued 20 minutes for the Juniper rye. Worth it. #juniperbakery", createdAt: ago(26) }, likeCount: 57, replyCount: 6, repostCount: 9, quoteCount: 1 },
  ];
  return { posts: url.searchParams.get("cursor") ? [] : posts };
}

function youtube(url: URL) {
  if (url.pathname.endsWith("/search")) {
    return { items: [{ id: { kind: "youtube#video", videoId: "demoKwame01" }, snippet: { publishedAt: ago(40), channelId: "UCdemoKwame", channelTitle: "Kitchen Kwame", title: "I tried every loaf at Juniper Bakery", description: "A bakery crawl in Toronto." } }] };
  }
  if (url.pathname.endsWith("/channels")) return { items: [{ id: "UCdemoKwame", snippet: { title: "Kitchen Kwame", customUrl: `@${DEMO_AUTHORS.youtubeNew}` }, statistics: { subscriberCount: "12400", hiddenSubscriberCount: false } }] };
  return { items: [{ id: "demoKwame01", statistics: { viewCount: "8900", likeCount: "610", commentCount: "48" } }] };
}

export const demoSourceFetch: SourceFetch = async (raw) => {
  const url = new URL(raw);
  let body: unknown = { error: { message: "Not in the demo answers" } };
  let status = 404;
  if (url.hostname === "graph.facebook.com" && url.pathname.endsWith("/tags")) [body, status] = [instagramTags(), 200];
  else if (url.hostname === "graph.facebook.com" && url.searchParams.get("fields")?.startsWith("mentioned_media")) {
    [body, status] = [{ mentioned_media: instagramTags().data[1], id: url.pathname.split("/").pop() }, 200];
  } else if (url.hostname === "public.api.bsky.app" && url.pathname.endsWith("searchPosts")) [body, status] = [blueskySearch(url), 200];
  else if (url.hostname === "www.googleapis.com") [body, status] = [youtube(url), 200];
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
};
