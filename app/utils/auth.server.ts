import { redirect } from "@remix-run/node";
import { db, retryOnUniqueViolation } from "./db.server";
import { getSessionCookie } from "./cookies.server";
import { randomToken } from "./crypto.server";
import { oncePerRequest } from "./request-memo.server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session lasts at most 30 days, and ends sooner after 14 days without use. */
export const SESSION_TTL_MS = 30 * DAY_MS;
export const SESSION_IDLE_MS = 14 * DAY_MS;
/** How stale lastSeenAt may get before a request writes it again (one write an hour, not one per request). */
const SEEN_WRITE_EVERY_MS = 60 * 60 * 1000;

export type SessionUser = { id: string; email: string; name: string | null; sessionId: string };
/** The signed-in user as a page view sees them: also whether they are an active ambassador anywhere (the fan links). */
export type SignedInUser = SessionUser & { isFan: boolean };

async function readSessionId(request: Request): Promise<string | null> {
  const value = await getSessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value ? value : null;
}

/** The signed-in user, or null. Expired or revoked sessions count as signed out. One lookup per page view. */
export function getUser(request: Request): Promise<SignedInUser | null> {
  return oncePerRequest(request, "user", () => lookUpUser(request));
}

async function lookUpUser(request: Request): Promise<SignedInUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, _count: { select: { ambassadors: { where: { status: "active" } } } } } },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() < now || session.lastSeenAt.getTime() < now - SESSION_IDLE_MS) return null;
  if (session.lastSeenAt.getTime() < now - SEEN_WRITE_EVERY_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { _count, ...user } = session.user;
  return { ...user, sessionId: session.id, isFan: _count.ambassadors > 0 };
}

/** The signed-in user; otherwise a redirect to sign-in that comes back to this page. */
export async function requireUser(request: Request): Promise<SignedInUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/home");
}

/** Creates a session row and returns the Set-Cookie header that carries its id. */
export async function createSession(userId: string, request: Request) {
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const session = await db.session.create({
    data: {
      id: randomToken(),
      userId,
      expiresAt,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return getSessionCookie().serialize(session.id, { expires: expiresAt });
}

/** Ends this browser's session; with everywhere, every session of the user. */
export async function destroySession(request: Request, { everywhere = false } = {}) {
  const sessionId = await readSessionId(request);
  if (sessionId) {
    if (everywhere) {
      const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
      if (session) await db.session.deleteMany({ where: { userId: session.userId } });
    } else {
      await db.session.deleteMany({ where: { id: sessionId } });
    }
  }
  return getSessionCookie().serialize("", { expires: new Date(0) });
}

/** Finds or creates the account for an email address (addresses are stored lower-case). */
export async function upsertUserByEmail(email: string) {
  const normalized = normalizeEmail(email);
  // Two sign-ins of a new address at once both miss the row; the loser's insert fails on the unique key and its
  // second try finds the account.
  return retryOnUniqueViolation(() => db.user.upsert({ where: { email: normalized }, create: { email: normalized }, update: {}, select: { id: true, email: true } }));
}

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}
