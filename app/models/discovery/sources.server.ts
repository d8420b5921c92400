// Reading the brand's own accounts for posts about the brand: Instagram (media the brand was tagged in, and single
// mentions from webhooks), Bluesky (public search) and YouTube (search). Each reader pages until it reaches posts it
// has seen or MAX_PAGES, and turns a rate limit or a server error into a retry later (docs/decisions/023-post-discovery.md).
import { RetryAfter } from "#app/utils/jobs.server";
import { recognizePostUrl } from "../post-url";

export type SourceFetch = (url: string) => Promise<Response>;

/** One post about the brand, as a source reports it. */
export type FoundItem = {
  platform: "instagram" | "bluesky" | "youtube";
  externalId: string;
  url: string;
  handle: string;
  displayName: string;
  followers: number | null;
  caption: string;
  postedAt: Date;
  likes: number;
  comments: number;
  shares: number;
  views: number | null;
  via: "instagram-tags" | "instagram-mentions" | "bluesky" | "youtube";
};

export const MAX_PAGES = 5;
export const GRAPH = "https://graph.facebook.com/v21.0";
export const BSKY = "https://public.api.bsky.app/xrpc";
export const YOUTUBE = "https://www.googleapis.com/youtube/v3";

/** An answer the source will not change by asking again (a revoked token, a bad id): the connection shows it. */
export class SourceRejected extends Error {}

async function getJson(fetcher: SourceFetch, url: string, what: string): Promise<unknown> {
  const res = await fetcher(url);
  if (res.status === 429 || res.status >= 500) {
    const seconds = Number(res.headers.get("retry-after"));
    const wait = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : res.status === 429 ? 15 * 60_000 : 5 * 60_000;
    throw new RetryAfter(new Date(Date.now() + wait), `${what} answered ${res.status}; trying again later`);
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new SourceRejected(`${what} refused the request (${res.status}${body?.error?.message ? `: ${body.error.message}` : ""})`);
  return body;
}

function recognized(url: string) {
  const r = recognizePostUrl(url);
  return "error" in r ? null : r;
}

type Page<T> = { items: T[]; next: string | null };

/**
 * Pages through a source (newest first): stops at MAX_PAGES, at the last page, or at a page that reaches posts seen
 * before (`since`): the pages after it hold only older ones.
 */
async function pages<T extends { postedAt: Date }>(first: string, read: (url: string) => Promise<Page<T>>, since: Date | null) {
  const all: T[] = [];
  let url: string | null = first;
  for (let n = 0; url && n < MAX_PAGES; n++) {
    const page: Page<T> = await read(url);
    all.push(...page.items);
    if (since && page.items.some((i) => i.postedAt <= since)) break;
    url = page.next;
  }
  return all.filter((i) => !since || i.postedAt > since);
}

// ---------------------------------------------------------------------------------------------------------
// Instagram Graph API
// ---------------------------------------------------------------------------------------------------------

const IG_FIELDS = "id,caption,media_type,permalink,timestamp,username,like_count,comments_count";

type IgMedia = { id?: string; caption?: string; permalink?: string; timestamp?: string; username?: string; like_count?: number; comments_count?: number };

function fromIgMedia(m: IgMedia, via: FoundItem["via"]): FoundItem | null {
  // Private or deleted media come back without a permalink or an author: nothing to show or match.
  if (!m.permalink || !m.username || !m.timestamp) return null;
  const r = recognized(m.permalink);
  if (!r || r.platform !== "instagram") return null;
  return {
    platform: "instagram",
    externalId: r.externalId,
    url: r.url,
    handle: m.username.toLowerCase(),
    displayName: m.username,
    followers: null,
    caption: m.caption ?? "",
    postedAt: new Date(m.timestamp),
    likes: m.like_count ?? 0,
    comments: m.comments_count ?? 0,
    shares: 0,
    views: null,
    via,
  };
}

/** Media in which others tagged the brand's professional account (`/{ig-user-id}/tags`). */
export async function readInstagramTags(fetcher: SourceFetch, igUserId: string, token: string, since: Date | null) {
  const first = `${GRAPH}/${encodeURIComponent(igUserId)}/tags?fields=${IG_FIELDS}&limit=50&access_token=${encodeURIComponent(token)}`;
  return pages(
    first,
    async (url) => {
      const body = (await getJson(fetcher, url, "Instagram")) as { data?: IgMedia[]; paging?: { next?: string } };
      return { items: (body.data ?? []).map((m) => fromIgMedia(m, "instagram-tags")).filter((i): i is FoundItem => !!i), next: body.paging?.next ?? null };
    },
    since,
  );
}

/** One media in which someone @mentioned the brand (from a `mentions` webhook). */
export async function readInstagramMention(fetcher: SourceFetch, igUserId: string, token: string, mediaId: string) {
  const url = `${GRAPH}/${encodeURIComponent(igUserId)}?fields=${encodeURIComponent(`mentioned_media.media_id(${mediaId}){${IG_FIELDS}}`)}&access_token=${encodeURIComponent(token)}`;
  const body = (await getJson(fetcher, url, "Instagram")) as { mentioned_media?: IgMedia };
  return body.mentioned_media ? fromIgMedia(body.mentioned_media, "instagram-mentions") : null;
}

// ---------------------------------------------------------------------------------------------------------
// Bluesky public AppView
// ---------------------------------------------------------------------------------------------------------

type BskyPost = {
  uri?: string;
  author?: { handle?: string; displayName?: string; followersCount?: number };
  record?: { text?: string; createdAt?: string };
  likeCount?: number;
  replyCount?: number;
  repostCount?: number;
  quoteCount?: number;
};

function fromBskyPost(p: BskyPost): FoundItem | null {
  const handle = p.author?.handle?.toLowerCase();
  const rkey = p.uri?.split("/").pop();
  if (!handle || !rkey || !p.record?.createdAt || handle === "handle.invalid") return null;
  const r = recognized(`https://bsky.app/profile/${handle}/post/${rkey}`);
  if (!r) return null;
  return {
    platform: "bluesky",
    externalId: r.externalId,
    url: r.url,
    handle,
    displayName: p.author?.displayName || handle,
    followers: p.author?.followersCount ?? null,
    caption: p.record.text ?? "",
    postedAt: new Date(p.record.createdAt),
    likes: p.likeCount ?? 0,
    comments: p.replyCount ?? 0,
    shares: (p.repostCount ?? 0) + (p.quoteCount ?? 0),
    views: null,
    via: "bluesky",
  };
}

/** Posts that mention the brand's handle, and posts with its names or hashtags (`app.bsky.feed.searchPosts`). */
export async function readBluesky(fetcher: SourceFetch, brandHandle: string, terms: string[], since: Date | null) {
  const queries = [{ q: "*", mentions: brandHandle }, ...terms.map((t) => ({ q: t }))];
  const found = new Map<string, FoundItem>();
  for (const query of queries) {
    const params = new URLSearchParams({ ...query, sort: "latest", limit: "100" });
    if (since) params.set("since", since.toISOString());
    const base = `${BSKY}/app.bsky.feed.searchPosts?${params}`;
    const items = await pages(
      base,
      async (url) => {
        const body = (await getJson(fetcher, url, "Bluesky")) as { posts?: BskyPost[]; cursor?: string };
        const list = (body.posts ?? []).map(fromBskyPost).filter((i): i is FoundItem => !!i);
        return { items: list, next: body.cursor ? `${base}&cursor=${encodeURIComponent(body.cursor)}` : null };
      },
      since,
    );
    // The brand's own posts are not posts about it by a fan.
    for (const i of items) if (i.handle !== brandHandle.toLowerCase()) found.set(i.externalId, i);
  }
  return [...found.values()];
}

// ---------------------------------------------------------------------------------------------------------
// YouTube Data API
// ---------------------------------------------------------------------------------------------------------

type YtSearchItem = { id?: { videoId?: string }; snippet?: { publishedAt?: string; channelId?: string; channelTitle?: string; title?: string; description?: string } };
type YtChannel = { id: string; snippet?: { customUrl?: string; title?: string }; statistics?: { subscriberCount?: string; hiddenSubscriberCount?: boolean } };
type YtVideo = { id: string; statistics?: { viewCount?: string; likeCount?: string; commentCount?: string } };

/** Videos that match the brand's names or hashtags (`search.list`), with their channel's handle and subscribers. */
export async function readYouTube(fetcher: SourceFetch, apiKey: string, terms: string[], ownChannel: string, since: Date | null) {
  const hits = new Map<string, { videoId: string; channelId: string; title: string; description: string; postedAt: Date }>();
  for (const term of terms) {
    const params = new URLSearchParams({ part: "snippet", type: "video", order: "date", maxResults: "50", q: term, key: apiKey });
    if (since) params.set("publishedAfter", since.toISOString());
    const base = `${YOUTUBE}/search?${params}`;
    const items = await pages(
      base,
      async (url) => {
        const body = (await getJson(fetcher, url, "YouTube")) as { items?: YtSearchItem[]; nextPageToken?: string };
        const list = (body.items ?? []).flatMap((i) =>
          i.id?.videoId && i.snippet?.channelId && i.snippet.publishedAt
            ? [{ videoId: i.id.videoId, channelId: i.snippet.channelId, title: i.snippet.title ?? "", description: i.snippet.description ?? "", postedAt: new Date(i.snippet.publishedAt) }]
            : [],
        );
        return { items: list, next: body.nextPageToken ? `${base}&pageToken=${encodeURIComponent(body.nextPageToken)}` : null };
      },
      since,
    );
    for (const i of items) hits.set(i.videoId, i);
  }
  if (!hits.size) return [];
  const channelIds = [...new Set([...hits.values()].map((h) => h.channelId))];
  const channels = new Map<string, YtChannel>();
  for (let i = 0; i < channelIds.length; i += 50) {
    const body = (await getJson(fetcher, `${YOUTUBE}/channels?part=snippet,statistics&id=${channelIds.slice(i, i + 50).join(",")}&key=${encodeURIComponent(apiKey)}`, "YouTube")) as { items?: YtChannel[] };
    for (const c of body.items ?? []) channels.set(c.id, c);
  }
  const videoIds = [...hits.keys()];
  const stats = new Map<string, YtVideo["statistics"]>();
  for (let i = 0; i < videoIds.length; i += 50) {
    const body = (await getJson(fetcher, `${YOUTUBE}/videos?part=statistics&id=${videoIds.slice(i, i + 50).join(",")}&key=${encodeURIComponent(apiKey)}`, "YouTube")) as { items?: YtVideo[] };
    for (const v of body.items ?? []) stats.set(v.id, v.statistics);
  }
  const own = ownChannel.replace(/^@/, "").toLowerCase();
  return [...hits.values()].flatMap((h): FoundItem[] => {
    const channel = channels.get(h.channelId);
    const handle = (channel?.snippet?.customUrl ?? "").replace(/^@/, "").toLowerCase();
    const r = recognized(`https://www.youtube.com/watch?v=${h.videoId}`);
    if (!r || !handle || handle === own) return []; // a deleted channel, or the brand's own
    const s = stats.get(h.videoId);
    return [
      {
        platform: "youtube",
        externalId: r.externalId,
        url: r.url,
        handle,
        displayName: channel?.snippet?.title ?? handle,
        followers: channel?.statistics?.hiddenSubscriberCount ? null : Number(channel?.statistics?.subscriberCount ?? NaN) || null,
        caption: [h.title, h.description].filter(Boolean).join("\n"),
        postedAt: h.postedAt,
        likes: Number(s?.likeCount ?? 0),
        comments: Number(s?.commentCount ?? 0),
        shares: 0,
        views: s?.viewCount ? Number(s.viewCount) : null,
        via: "youtube",
      },
    ];
  });
}
