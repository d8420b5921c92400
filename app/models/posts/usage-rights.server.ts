// Usage rights: a manager asks a fan for permission to reuse one of their posts in the brand's own channels (what,
// where, until when); the fan answers in the app and may withdraw a yes later. Each step is on the fan's timeline,
// and the post shows whether it is cleared for reuse. One open request per post (a unique key while it waits), and
// every answer is a guarded transition, so a double click or two tabs cannot answer twice.
import { createElement } from "react";
import UsageRightsEmail, { usageRightsSubject } from "../../../emails/usage-rights";
import type { Prisma } from "#app/generated/prisma/client";
import { db, isUniqueViolation } from "#app/utils/db.server";
import { prepareEmail, recordEmail } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { endOfDayInZone, todayInZone } from "#app/utils/format";
import { transition } from "#app/utils/transition.server";
import { Conflict, NotFound } from "../errors";
import { type BrandScope, type FanScope } from "../scope";
import { recordTouch } from "../timeline.server";
import { MAX_REUSE_YEARS, channelNames, formatUntil, yearsAfter, type UsageRightsInput } from "./usage-rights";

const RIGHTS_ROW = { id: true, uses: true, channels: true, until: true, message: true, status: true, createdAt: true, answeredAt: true } as const;

/** A grant that has not ended. */
const inForce = (now: Date): Prisma.UsageRightsRequestWhereInput => ({ status: "granted", OR: [{ until: null }, { until: { gt: now } }] });

/** Posts cleared for reuse now. */
export function clearedForReuse(now = new Date()): Prisma.PostWhereInput {
  return { usageRights: { some: inForce(now) } };
}

/** Every request about one of the brand's posts, newest first. */
export async function usageRightsOfPost(scope: BrandScope, postId: string) {
  return db.usageRightsRequest.findMany({ where: { postId, brandId: scope.brandId }, orderBy: { createdAt: "desc" }, take: 20, select: RIGHTS_ROW });
}

type Asked = { ok: true } | { ok: false; field: keyof UsageRightsInput | null; error: string };

/** Asks the post's author for permission; the request and its email are recorded together. */
export async function requestUsageRights(scope: BrandScope, postId: string, input: UsageRightsInput, now = new Date()): Promise<Asked> {
  const post = await db.post.findFirst({
    where: { id: postId, brandId: scope.brandId },
    select: { id: true, url: true, status: true, ambassadorId: true, ambassador: { select: { name: true, email: true, status: true } }, brand: { select: { name: true, color: true, logoUrl: true, timeZone: true } } },
  });
  if (!post) throw new NotFound();
  if (post.status === "hidden") return { ok: false, field: null, error: "This post is hidden. Show it in the library before asking to reuse it." };
  if (post.ambassador.status === "alumni") return { ok: false, field: null, error: `${post.ambassador.name} has left the program: there is no one to ask.` };
  const zone = post.brand.timeZone;
  const today = todayInZone(zone, now);
  const latest = yearsAfter(today, MAX_REUSE_YEARS);
  if (input.until <= today) return { ok: false, field: "until", error: "Choose a day after today." };
  if (input.until > latest) return { ok: false, field: "until", error: `Ask for at most ${MAX_REUSE_YEARS} years (until ${latest} at the latest).` };
  const cleared = await db.usageRightsRequest.findFirst({ where: { postId: post.id, ...inForce(now) }, select: { until: true } });
  if (cleared) return { ok: false, field: null, error: `This post is already cleared for reuse until ${formatUntil(cleared.until, zone)}.` };

  const until = endOfDayInZone(input.until, zone);
  const channels = input.channels.join(",");
  const props = {
    brand: post.brand,
    fanName: post.ambassador.name.split(" ")[0] || post.ambassador.name,
    postUrl: post.url,
    uses: input.uses,
    channels: channelNames(channels),
    until: formatUntil(until, zone),
    message: input.message,
    url: `${getEnv().APP_URL}/me/posts`,
  };
  const email = await prepareEmail({ to: post.ambassador.email, brandId: scope.brandId, template: "usage-rights", subject: usageRightsSubject(props), react: createElement(UsageRightsEmail, props) });
  try {
    await db.$transaction(async (tx) => {
      await tx.usageRightsRequest.create({
        data: { brandId: scope.brandId, postId: post.id, ambassadorId: post.ambassadorId, uses: input.uses, channels, until, message: input.message, requestedById: scope.userId, openKey: post.id },
      });
      await recordTouch({ brandId: scope.brandId, ambassadorId: post.ambassadorId, kind: "post", summary: "Asked for permission to reuse a post", body: `${input.uses} · ${props.channels} · until ${props.until}`, actorId: scope.userId }, tx);
      await recordEmail(email, { tx });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: null, error: "You already asked about this post; the fan hasn't answered yet." };
    throw error;
  }
  return { ok: true };
}

/** The fan's open and past requests, by post. */
export async function usageRightsOfFan(fan: FanScope) {
  const rows = await db.usageRightsRequest.findMany({
    where: { ambassador: { userId: fan.userId } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { ...RIGHTS_ROW, postId: true },
  });
  const byPost = new Map<string, typeof rows>();
  for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r]);
  return byPost;
}

const ANSWERS = {
  granted: { from: "requested", summary: "Gave permission to reuse a post" },
  declined: { from: "requested", summary: "Declined a request to reuse a post" },
  withdrawn: { from: "granted", summary: "Withdrew permission to reuse a post" },
} as const;

/** The fan's answer: yes or no to an open request, or withdrawing a yes. */
export async function answerUsageRights(fan: FanScope, requestId: string, answer: keyof typeof ANSWERS, now = new Date()) {
  const r = await db.usageRightsRequest.findFirst({ where: { id: requestId, ambassador: { userId: fan.userId } }, select: { id: true, brandId: true, ambassadorId: true } });
  if (!r) throw new NotFound();
  const { from, summary } = ANSWERS[answer];
  await db.$transaction(async (tx) => {
    const moved = await transition(tx.usageRightsRequest, { id: r.id, status: from }, { status: answer, answeredAt: now, openKey: null });
    if (!moved) throw new Conflict(answer === "withdrawn" ? "This permission is no longer given." : "This request was already answered.");
    await recordTouch({ brandId: r.brandId, ambassadorId: r.ambassadorId, kind: "post", summary, actorId: fan.userId, at: now }, tx);
  });
}
