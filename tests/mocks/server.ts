// MSW intercepts the outside world in tests: Resend's HTTP API. Tests read what would have been sent.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

export type ResendCall = { body: Record<string, unknown>; headers: Record<string, string> };
export const resendCalls: ResendCall[] = [];

export const resendOk = http.post("https://api.resend.com/emails", async ({ request }) => {
  resendCalls.push({ body: (await request.json()) as Record<string, unknown>, headers: Object.fromEntries(request.headers) });
  return HttpResponse.json({ id: `re_${resendCalls.length}` });
});

/** Resend answering with a server error, as during an outage. */
export const resendDown = http.post("https://api.resend.com/emails", async ({ request }) => {
  resendCalls.push({ body: (await request.json()) as Record<string, unknown>, headers: Object.fromEntries(request.headers) });
  return HttpResponse.json({ name: "internal_server_error", message: "Resend is having trouble", statusCode: 500 }, { status: 500 });
});

/** Resend's batch endpoint: up to 100 messages a call, one id each, in order. Each message is recorded as a call. */
export const resendBatchCalls: ResendCall[] = [];
export const resendBatchOk = http.post("https://api.resend.com/emails/batch", async ({ request }) => {
  const body = (await request.json()) as Record<string, unknown>[];
  const headers = Object.fromEntries(request.headers);
  resendBatchCalls.push({ body: { messages: body }, headers });
  for (const message of body) resendCalls.push({ body: message, headers });
  return HttpResponse.json({ data: body.map((_, i) => ({ id: `re_batch_${resendBatchCalls.length}_${i}` })) });
});

export const server = setupServer(resendOk, resendBatchOk);

/** Bluesky's public AppView: handle resolution and post counts. */
export const blueskyOk = [
  http.get("https://public.api.bsky.app/xrpc/com.atproto.identity.resolveHandle", ({ request }) =>
    HttpResponse.json({ did: `did:plc:${new URL(request.url).searchParams.get("handle")?.split(".")[0]}` }),
  ),
  http.get("https://public.api.bsky.app/xrpc/app.bsky.feed.getPosts", ({ request }) => {
    const uri = new URL(request.url).searchParams.get("uris");
    return HttpResponse.json({ posts: [{ uri, likeCount: 42, replyCount: 5, repostCount: 3, quoteCount: 1 }] });
  }),
];

/** YouTube Data API v3 videos.list with statistics. */
export const youtubeOk = http.get("https://www.googleapis.com/youtube/v3/videos", ({ request }) => {
  const url = new URL(request.url);
  if (!url.searchParams.get("key")) return HttpResponse.json({ error: { code: 403 } }, { status: 403 });
  return HttpResponse.json({ items: [{ id: url.searchParams.get("id"), statistics: { viewCount: "12000", likeCount: "640", commentCount: "31" } }] });
});
