// Helpers for integration tests that call route loaders and actions with real Requests.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterEach, beforeEach } from "vitest";
import { createSession } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { resetEnvCache } from "#app/utils/env.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { edgeResponse } from "#app/utils/route-edge.server";
import { resendCalls } from "#tests/mocks/server";

export const BASE = "http://localhost:3000";

/** A Cookie header for a new session of the user. */
export async function cookieFor(userId: string) {
  const setCookie = await createSession(userId, new Request(BASE, { headers: { "User-Agent": "vitest" } }));
  return setCookie.split(";")[0];
}

type UploadFile = { name: string; type: string; content: Buffer | string };
type CallOptions = {
  cookie?: string;
  params?: Record<string, string>;
  form?: Record<string, string | string[]>;
  /** files sent as multipart/form-data parts, by field name */
  files?: Record<string, UploadFile[]>;
  headers?: Record<string, string>;
};

function buildRequest(path: string, method: string, o: CallOptions) {
  const headers = new Headers(o.headers);
  headers.set("x-kindred-client-ip", headers.get("x-kindred-client-ip") ?? "203.0.113.7");
  if (o.cookie) headers.set("Cookie", o.cookie);
  let body: FormData | undefined;
  if (o.form || o.files) {
    body = new FormData();
    for (const [k, v] of Object.entries(o.form ?? {})) for (const item of [v].flat()) body.append(k, item);
    for (const [k, list] of Object.entries(o.files ?? {})) for (const f of list) body.append(k, new File([typeof f.content === "string" ? f.content : new Uint8Array(f.content)], f.name, { type: f.type }));
  }
  return new Request(BASE + path, { method, headers, body });
}

/**
 * Runs a loader or action and returns the Response, whether it was returned or thrown — through the same route edge as
 * the server, so a domain error from a model arrives as its 404/403/409.
 */
async function run(fn: () => Promise<unknown>): Promise<Response | { data: unknown; init?: ResponseInit | null }> {
  try {
    return (await fn()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const answer = edgeResponse(thrown);
    if (answer) return answer;
    throw thrown;
  }
}

/** A loader's or action's answer: its status, its data (for `data()`/plain results), and the body of a Response. */
export type Outcome = { status: number; data: any; headers: Headers; location: string | null; text: () => Promise<string> };

function toOutcome(result: unknown): Outcome {
  if (result instanceof Response) {
    return { status: result.status, data: null, headers: result.headers, location: result.headers.get("Location"), text: () => result.clone().text() };
  }
  // Remix single-fetch `data()` results carry their own status and headers.
  if (result && typeof result === "object" && (result as any).type === "DataWithResponseInit") {
    const r = result as { data: unknown; init: ResponseInit | null };
    return { status: r.init?.status ?? 200, data: r.data, headers: new Headers(r.init?.headers), location: null, text: async () => JSON.stringify(r.data) };
  }
  return { status: 200, data: result, headers: new Headers(), location: null, text: async () => JSON.stringify(result) };
}

export async function callLoader(loader: (a: LoaderFunctionArgs) => unknown, path: string, o: CallOptions = {}) {
  const request = buildRequest(path, "GET", o);
  return toOutcome(await run(async () => loader({ request, params: o.params ?? {}, context: {} })));
}

export async function callAction(action: (a: ActionFunctionArgs) => unknown, path: string, o: CallOptions = {}) {
  const request = buildRequest(path, "POST", o);
  return toOutcome(await run(async () => action({ request, params: o.params ?? {}, context: {} })));
}

/**
 * Turns the email provider on for every test of the calling file: messages are delivered to Resend's API, which
 * MSW intercepts. The outbox then keeps what staff may see, and the recipient's copy is read with lastDeliveredTo.
 */
export function withEmailProvider() {
  beforeEach(() => {
    process.env.RESEND_API_KEY = "re_test_key";
    resetEnvCache();
  });
  afterEach(() => {
    delete process.env.RESEND_API_KEY;
    resetEnvCache();
  });
}

/** The newest message Resend was asked to deliver to an address: what its recipient reads (codes and links included). */
export function lastDeliveredTo(to: string) {
  const call = resendCalls.findLast((c) => [c.body.to].flat().includes(to));
  return call ? (call.body as { subject: string; html: string; text: string; to: string | string[] }) : null;
}

/** The newest outbox message to an address (staff's copy: recipient-only codes and links are hidden). */
export async function lastEmailTo(to: string) {
  return db.outboxMessage.findFirst({ where: { to }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** The Set-Cookie values of a response, as a Cookie request header. */
export function cookiesFrom(headers: Headers) {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Runs background jobs until none is due (including the jobs that jobs enqueue). */
export async function runAllJobs(now?: Date) {
  while ((await runDueJobs(now ? { now } : {})) > 0) {
    // keep going
  }
}

/** The flash message a response sets (read with the app's own cookie storage). */
export async function toastFrom(headers: Headers) {
  const { getToastStorage } = await import("#app/utils/cookies.server");
  const session = await getToastStorage().getSession(cookiesFrom(headers));
  return (session.get("toast") as { kind: string; message: string } | undefined) ?? null;
}
