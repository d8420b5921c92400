// Post discovery (docs/decisions/023-post-discovery.md): the brand's connected accounts are read on a schedule; a
// post by a known ambassador waits in the review queue as "found automatically", a post by anyone else puts its
// author on the "already posting" list, to be invited or dismissed by a person. Nothing is published or sent here.
import { createHmac } from "node:crypto";
import { z } from "zod";
import { db, isUniqueViolation, queryRows, retryOnUniqueViolation } from "#app/utils/db.server";
import { getEnv } from "#app/utils/env.server";
import { defineJob } from "#app/utils/jobs.server";
import { decryptSecret, encryptSecret } from "#app/utils/secret-box.server";
import { safeEqual } from "#app/utils/crypto.server";
import { transition } from "#app/utils/transition.server";
import type { SessionUser } from "#app/utils/auth.server";
import { NotFound } from "../errors";
import { inviteFans } from "../fan-invites.server";
import { createInviteLink, keepFoundHandle } from "../invite-links.server";
import type { BrandScope } from "../scope";
import { submitPost } from "../posts/submit.server";
import { refreshSignals } from "../qualification/refresh.server";
import { demoSourceFetch } from "./demo-source.server";
import { ConnectSchema, DISCOVERY_PLATFORMS, normalHandle, termList, type DiscoveryPlatform } from "./connect";
import { readBluesky, readInstagramMention, readInstagramTags, readYouTube, SourceRejected, type FoundItem, type SourceFetch } from "./sources.server";


/** How often each connected account is read. */
export const READ_EVERY_HOURS = 6;
const HOUR = 3_600_000;

/** The network, or in demo mode the recorded answers. */
export function sourceFetch(): SourceFetch {
  return getEnv().DEMO_MODE ? demoSourceFetch : (url) => fetch(url, { headers: { accept: "application/json" } });
}

// ---------------------------------------------------------------------------------------------------------
// Handles
// ---------------------------------------------------------------------------------------------------------

/** Ambassadors (active or paused) of the brand by platform and normalized handle. */
async function knownHandles(brandId: string, items: FoundItem[]) {
  const platforms = [...new Set(items.map((i) => i.platform))];
  if (!platforms.length) return new Map<string, { ambassadorId: string; status: string }>();
  const rows = await queryRows<{ platform: string; handle: string; ambassadorId: string; status: string }>(
    `SELECT s."platform", s."handle", s."ambassadorId", a."status" FROM "SocialAccount" s JOIN "Ambassador" a ON a."id" = s."ambassadorId"
     WHERE a."brandId" = ? AND s."platform" IN (${platforms.map(() => "?").join(",")})`,
    [brandId, ...platforms],
  );
  const map = new Map<string, { ambassadorId: string; status: string }>();
  for (const r of rows) {
    const key = `${r.platform}:${normalHandle(r.platform, r.handle)}`;
    const seen = map.get(key);
    // An active record wins over one that left, should one handle appear twice.
    if (!seen || (seen.status !== "active" && r.status === "active")) map.set(key, { ambassadorId: r.ambassadorId, status: r.status });
  }
  return map;
}

// ---------------------------------------------------------------------------------------------------------
// What a read found
// ---------------------------------------------------------------------------------------------------------

export type IngestResult = { queued: number; alreadyKnown: number; newAuthors: number; authorPosts: number };

/**
 * Files what a source found: posts by active or paused ambassadors go to the review queue (pending, with the usual
 * metrics, attribution and disclosure checks); everyone else's go on the "already posting" list. Reading the same
 * post again changes nothing.
 */
export async function ingestFound(brandId: string, items: FoundItem[], now = new Date()): Promise<IngestResult> {
  const result: IngestResult = { queued: 0, alreadyKnown: 0, newAuthors: 0, authorPosts: 0 };
  const known = await knownHandles(brandId, items);
  const authors = new Set<string>();
  for (const item of items) {
    const match = known.get(`${item.platform}:${normalHandle(item.platform, item.handle)}`);
    if (match && (match.status === "active" || match.status === "paused")) {
      const r = await submitPost({
        brandId,
        ambassadorId: match.ambassadorId,
        actorId: null,
        url: item.url,
        caption: item.caption,
        postedAt: item.postedAt,
        followersAtPost: item.followers,
        metrics: { views: item.views, likes: item.likes, comments: item.comments, shares: item.shares, saves: 0 },
        source: "found",
        foundVia: item.via,
        authors,
      });
      if (r.ok) result.queued++;
      else result.alreadyKnown++;
      continue;
    }
    const handle = normalHandle(item.platform, item.handle);
    const existing = await db.foundAuthor.findUnique({ where: { brandId_platform_handle: { brandId, platform: item.platform, handle } }, select: { id: true } });
    const author = await retryOnUniqueViolation(() => db.foundAuthor.upsert({
      where: { brandId_platform_handle: { brandId, platform: item.platform, handle } },
      create: {
        brandId,
        platform: item.platform,
        handle,
        displayName: item.displayName,
        followers: item.followers,
        firstSeenAt: item.postedAt,
        lastSeenAt: item.postedAt,
        // A handle of someone already invited (or who left) is not a new find.
        ...(match ? { status: "known", ambassadorId: match.ambassadorId } : {}),
      },
      update: { displayName: item.displayName, ...(item.followers != null ? { followers: item.followers } : {}) },
      select: { id: true, firstSeenAt: true, lastSeenAt: true },
    }));
    if (!existing) result.newAuthors++;
    const added = await db.foundPost
      .create({
        data: { brandId, authorId: author.id, platform: item.platform, externalId: item.externalId, url: item.url, caption: item.caption, postedAt: item.postedAt, likes: item.likes, comments: item.comments, views: item.views, foundVia: item.via, createdAt: now },
        select: { id: true },
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) return null; // read before
        throw error;
      });
    if (added) {
      result.authorPosts++;
      await db.foundAuthor.update({
        where: { id: author.id },
        data: { firstSeenAt: item.postedAt < author.firstSeenAt ? item.postedAt : author.firstSeenAt, lastSeenAt: item.postedAt > author.lastSeenAt ? item.postedAt : author.lastSeenAt },
      });
    }
  }
  await refreshSignals([...authors]);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Connections (owner only; the token is written once and never read back to a browser)
// ---------------------------------------------------------------------------------------------------------

const CONNECTION_ROW = { id: true, platform: true, accountRef: true, terms: true, status: true, lastError: true, lastCheckedAt: true, createdAt: true, tokenEncrypted: true } as const;

/** The brand's connections as settings shows them: whether a token is stored, never the token. */
export async function listConnections(scope: BrandScope) {
  const rows = await db.brandConnection.findMany({ where: { brandId: scope.brandId }, orderBy: { platform: "asc" }, select: CONNECTION_ROW });
  return rows.map(({ tokenEncrypted, ...c }) => ({ ...c, hasToken: !!tokenEncrypted }));
}

/** Connects (or reconnects) one of the brand's accounts and reads it right away. */
export async function connectAccount(scope: BrandScope, input: z.output<typeof ConnectSchema>) {
  if (input.platform === "youtube" && !getEnv().YOUTUBE_API_KEY && !getEnv().DEMO_MODE) {
    return { ok: false as const, field: "terms", error: "YouTube search needs YOUTUBE_API_KEY on the server. Ask whoever runs Kindred to set it." };
  }
  const tokenEncrypted = input.platform === "instagram" ? encryptSecret(input.token) : null;
  const data = { accountRef: input.accountRef, terms: "terms" in input ? termList(input.terms).join(", ") : "", tokenEncrypted, status: "active", lastError: null, seenUntil: null, connectedById: scope.userId };
  const connection = await db.$transaction(async (tx) => {
    const c = await tx.brandConnection.upsert({ where: { brandId_platform: { brandId: scope.brandId, platform: input.platform } }, create: { brandId: scope.brandId, platform: input.platform, ...data }, update: data, select: { id: true } });
    await discoveryReadJob.enqueue({ connectionId: c.id }, { tx, dedupeKey: `discovery:${c.id}:now:${Date.now()}` });
    return c;
  });
  return { ok: true as const, id: connection.id };
}

export async function disconnectAccount(scope: BrandScope, connectionId: string) {
  const { count } = await db.brandConnection.deleteMany({ where: { id: connectionId, brandId: scope.brandId } });
  if (!count) throw new NotFound();
}

/** "Check now": a read queued for right away (once, however often the button is pressed). */
export async function checkNow(scope: BrandScope, connectionId: string) {
  const c = await db.brandConnection.findFirst({ where: { id: connectionId, brandId: scope.brandId }, select: { id: true } });
  if (!c) throw new NotFound();
  await discoveryReadJob.enqueue({ connectionId: c.id }, { dedupeKey: `discovery:${c.id}:now:${Math.floor(Date.now() / 60_000)}` });
}

/** The connection's token, or a rejection the owner can act on when it cannot be read (the key was changed). */
function storedToken(tokenEncrypted: string | null) {
  try {
    return decryptSecret(tokenEncrypted ?? "");
  } catch {
    throw new SourceRejected("The stored access token cannot be read (the server's CONNECTIONS_KEY changed, or none is set). Connect the account again.");
  }
}

/** A source refused (bad token, unreadable key…): the connection shows why until a read succeeds. Anything else is rethrown. */
async function markRejected(connectionId: string, error: unknown, checkedAt?: Date) {
  if (!(error instanceof SourceRejected)) throw error;
  await db.brandConnection.update({ where: { id: connectionId }, data: { status: "error", lastError: error.message, ...(checkedAt ? { lastCheckedAt: checkedAt } : {}) } });
}

/** Reads one connection now; returns what was filed. A rate limit is rethrown for the job to retry later. */
export async function readConnection(connectionId: string, fetcher: SourceFetch = sourceFetch(), now = new Date()) {
  const c = await db.brandConnection.findUnique({ where: { id: connectionId } });
  if (!c) return null;
  const since = c.seenUntil;
  let items: FoundItem[];
  try {
    if (c.platform === "instagram") items = await readInstagramTags(fetcher, c.accountRef, storedToken(c.tokenEncrypted), since);
    else if (c.platform === "bluesky") items = await readBluesky(fetcher, c.accountRef, termList(c.terms), since);
    else items = await readYouTube(fetcher, getEnv().YOUTUBE_API_KEY ?? "demo", termList(c.terms), c.accountRef, since);
  } catch (error) {
    await markRejected(c.id, error, now);
    return null;
  }
  const result = await ingestFound(c.brandId, items, now);
  const newest = items.reduce<Date | null>((max, i) => (!max || i.postedAt > max ? i.postedAt : max), since);
  await db.brandConnection.update({ where: { id: c.id }, data: { status: "active", lastError: null, lastCheckedAt: now, seenUntil: newest } });
  return result;
}

export const discoveryReadJob = defineJob("discovery.read", z.object({ connectionId: z.string() }), async ({ connectionId }) => {
  const exists = await db.brandConnection.findUnique({ where: { id: connectionId }, select: { id: true } });
  if (!exists) return; // disconnected meanwhile
  await readConnection(connectionId);
  // The next scheduled read (one per period, however many reads ran in between).
  const slot = Math.floor(Date.now() / (READ_EVERY_HOURS * HOUR)) + 1;
  await discoveryReadJob.enqueue({ connectionId }, { runAt: new Date(slot * READ_EVERY_HOURS * HOUR), dedupeKey: `discovery:${connectionId}:slot:${slot}` });
});

// ---------------------------------------------------------------------------------------------------------
// Instagram webhooks (mentions)
// ---------------------------------------------------------------------------------------------------------

/** Meta signs each delivery with the app secret: X-Hub-Signature-256: sha256=<hex HMAC of the raw body>. */
export function validMetaSignature(rawBody: string, header: string | null, secret = getEnv().META_APP_SECRET) {
  if (!secret || !header?.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
  return safeEqual(header.slice(7), expected);
}

const MentionsPayload = z.object({
  object: z.literal("instagram"),
  entry: z.array(z.object({ id: z.string(), changes: z.array(z.object({ field: z.string(), value: z.object({ media_id: z.string().optional(), comment_id: z.string().optional() }).passthrough() })).default([]) })),
});

/** A verified delivery: each mention of a connected account is read as a job (Meta wants an answer within seconds). */
export async function acceptInstagramWebhook(body: unknown) {
  const parsed = MentionsPayload.safeParse(body);
  if (!parsed.success) return { ok: false as const, error: "Not an Instagram webhook delivery" };
  let queued = 0;
  for (const entry of parsed.data.entry) {
    const connections = await db.brandConnection.findMany({ where: { platform: "instagram", accountRef: entry.id }, select: { id: true } });
    for (const change of entry.changes) {
      if (change.field !== "mentions" || !change.value.media_id) continue;
      for (const c of connections) {
        await instagramMentionJob.enqueue({ connectionId: c.id, mediaId: change.value.media_id }, { dedupeKey: `mention:${c.id}:${change.value.media_id}` });
        queued++;
      }
    }
  }
  return { ok: true as const, queued };
}

export const instagramMentionJob = defineJob("discovery.instagram-mention", z.object({ connectionId: z.string(), mediaId: z.string() }), async ({ connectionId, mediaId }) => {
  const c = await db.brandConnection.findUnique({ where: { id: connectionId } });
  if (!c?.tokenEncrypted) return;
  try {
    const item = await readInstagramMention(sourceFetch(), c.accountRef, storedToken(c.tokenEncrypted), mediaId);
    if (item) await ingestFound(c.brandId, [item]);
  } catch (error) {
    await markRejected(c.id, error);
  }
});

// ---------------------------------------------------------------------------------------------------------
// "Fans already posting about you"
// ---------------------------------------------------------------------------------------------------------

export type FoundFilter = "new" | "invited" | "dismissed";

export async function foundAuthors(scope: BrandScope, filter: FoundFilter, { page, perPage }: { page: number; perPage: number }) {
  const where = { brandId: scope.brandId, status: filter === "invited" ? { in: ["invited", "joined"] } : filter };
  const [total, authors, counts] = await Promise.all([
    db.foundAuthor.count({ where }),
    db.foundAuthor.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        platform: true,
        handle: true,
        displayName: true,
        followers: true,
        status: true,
        firstSeenAt: true,
        lastSeenAt: true,
        inviteLink: { select: { code: true, uses: true } },
        posts: { orderBy: { postedAt: "desc" }, take: 3, select: { id: true, url: true, caption: true, postedAt: true, likes: true, comments: true, views: true } },
        _count: { select: { posts: true } },
      },
    }),
    db.foundAuthor.groupBy({ by: ["status"], where: { brandId: scope.brandId }, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all]));
  return { total, authors, counts: { new: byStatus.new ?? 0, invited: (byStatus.invited ?? 0) + (byStatus.joined ?? 0), dismissed: byStatus.dismissed ?? 0 } };
}

/** Moves an author between "to review" and "dismissed"; false when they were not in the expected list (already moved). */
async function moveAuthor(scope: BrandScope, authorId: string, from: string, to: string) {
  if (await transition(db.foundAuthor, { id: authorId, brandId: scope.brandId, status: from }, { status: to })) return true;
  if (!(await db.foundAuthor.count({ where: { id: authorId, brandId: scope.brandId } }))) throw new NotFound();
  return false;
}

export const dismissAuthor = (scope: BrandScope, authorId: string) => moveAuthor(scope, authorId, "new", "dismissed");
export const restoreAuthor = (scope: BrandScope, authorId: string) => moveAuthor(scope, authorId, "dismissed", "new");

/**
 * Invites a fan found posting: by email when staff know the address (the usual invitation, with their handle kept on
 * the new record), or with a one-use join link for staff to send in a direct message.
 */
export async function inviteAuthor(scope: BrandScope, inviter: SessionUser, authorId: string, email: string | null) {
  const author = await db.foundAuthor.findFirst({ where: { id: authorId, brandId: scope.brandId, status: { in: ["new", "dismissed"] } }, select: { id: true, platform: true, handle: true, displayName: true, followers: true } });
  if (!author) throw new NotFound();
  const label = `${DISCOVERY_PLATFORMS[author.platform as DiscoveryPlatform] ?? author.platform} @${author.handle}`;
  if (email) {
    const outcome = await inviteFans({ brandId: scope.brandId, inviter, entries: [{ email, name: author.displayName || author.handle }], note: `We saw your posts about us on ${label.split(" ")[0]} and loved them.` });
    if (outcome.skipped.length) return { ok: false as const, error: `${email} ${outcome.skipped[0].reason}.` };
    const ambassador = await db.ambassador.findUniqueOrThrow({ where: { brandId_email: { brandId: scope.brandId, email } }, select: { id: true } });
    await retryOnUniqueViolation(() => keepFoundHandle(db, ambassador.id, author));
    await db.foundAuthor.update({ where: { id: author.id }, data: { status: "invited", ambassadorId: ambassador.id } });
    return { ok: true as const, kind: "email" as const };
  }
  const link = await createInviteLink({ brandId: scope.brandId, createdById: inviter.id, label: `Found posting: ${label}`, maxUses: 1, expiresAt: new Date(Date.now() + 30 * 24 * HOUR) });
  await db.foundAuthor.update({ where: { id: author.id }, data: { status: "invited", inviteLinkId: link.id } });
  return { ok: true as const, kind: "link" as const, code: link.code };
}
