import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { acceptInstagramWebhook, validMetaSignature } from "#app/models/discovery/discovery.server";
import { getEnv } from "#app/utils/env.server";
import { safeEqual } from "#app/utils/crypto.server";

const MAX_BODY = 256 * 1024;
const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Meta's subscription check: echo the challenge when the verify token is ours. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const expected = getEnv().META_WEBHOOK_VERIFY_TOKEN;
  const token = url.searchParams.get("hub.verify_token") ?? "";
  if (url.searchParams.get("hub.mode") !== "subscribe" || !expected || !safeEqual(token, expected)) return text("The verify token does not match.", 403);
  return text(url.searchParams.get("hub.challenge") ?? "", 200);
}

/** Instagram `mentions` deliveries, signed with the app secret (X-Hub-Signature-256). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return text("Only POST is accepted here.", 405);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return text("The delivery is too large.", 413);
  const raw = await request.text();
  if (raw.length > MAX_BODY) return text("The delivery is too large.", 413);
  if (!getEnv().META_APP_SECRET) return text("Webhooks are not set up on this server (META_APP_SECRET).", 503);
  if (!validMetaSignature(raw, request.headers.get("x-hub-signature-256"))) return text("The signature does not match.", 401);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return text("The body is not JSON.", 400);
  }
  const result = await acceptInstagramWebhook(body);
  if (!result.ok) return text(result.error, 400);
  return text(`Queued ${result.queued}.`, 200);
}
