import { createElement } from "react";
import ApplicationDecisionEmail, { applicationDecisionSubject, type Decision } from "../../emails/application-decision";
import ApplicationReceivedEmail, { applicationReceivedSubject } from "../../emails/application-received";
import { db } from "#app/utils/db.server";
import { transition } from "#app/utils/transition.server";
import { getEnv } from "#app/utils/env.server";
import { sendEmail } from "#app/utils/email.server";
import { consumeRateLimit, describeRetry } from "#app/utils/rate-limit.server";
import { formatDateTime } from "#app/utils/format";
import { normalizeEmail, type SessionUser } from "#app/utils/auth.server";
import { collectAnswers, parseQuestions, type ApplicationInput, type ApplicationTab, type Question } from "./application";
import { JOIN_BRAND_SELECT } from "./join";
import { cityKey } from "./cities";
import { recordTouch } from "./timeline.server";
import { Conflict, NotFound } from "./errors";
import type { BrandScope } from "./scope";
import { TIER_THRESHOLDS_SELECT, tierFor } from "./tiers";

const DAY = 86_400_000;

type BrandForApply = {
  id: string;
  name: string;
  slug: string;
  color: string;
  logoUrl: string | null;
  timeZone: string;
  termsVersion: number;
  reapplyAfterDays: number;
  autoMinFollowers: number | null;
  autoCities: string;
};

/** A brand's public application page: what the fan sees and the rules the application is checked against. */
export async function programToApply(slug: string) {
  const brand = await db.brand.findUnique({
    where: { slug },
    select: {
      ...JOIN_BRAND_SELECT,
      timeZone: true,
      applicationsOpen: true,
      applicationQuestions: true,
      reapplyAfterDays: true,
      autoMinFollowers: true,
      autoCities: true,
      requireEmailOptIn: true,
    },
  });
  if (!brand) throw new NotFound("No program at this address");
  return { brand, questions: parseQuestions(brand.applicationQuestions) };
}

export type ApplyResult = { ok: true; autoDeclined: boolean } | { ok: false; error: string; field?: "email" };

/** The cities of the auto-rule, as typed by the brand ("Toronto, Mississauga"). */
export function cityList(autoCities: string) {
  return autoCities
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Why the brand's auto-rules decline an application, or null when they let it through. */
export function autoDeclineReason(brand: Pick<BrandForApply, "autoMinFollowers" | "autoCities">, maxFollowers: number, city: string) {
  if (brand.autoMinFollowers && maxFollowers < brand.autoMinFollowers) {
    return `fewer than ${brand.autoMinFollowers.toLocaleString("en")} followers on every account`;
  }
  const cities = cityList(brand.autoCities).map(cityKey);
  if (cities.length && !cities.includes(cityKey(city))) return `outside the program's cities (${cityList(brand.autoCities).join(", ")})`;
  return null;
}

/**
 * Records an application from the brand's public page. The applicant becomes an ambassador with status
 * "applied" and their consent is recorded; the brand's auto-rules may decline at once. Someone declined
 * recently must wait the brand's reapply period.
 */
export async function submitApplication({ brand, user, input, questions, ip }: { brand: BrandForApply; user: SessionUser | null; input: ApplicationInput; questions: Question[]; ip: string }): Promise<ApplyResult> {
  const limit = await consumeRateLimit("applyPerIp", ip);
  if (!limit.ok) return { ok: false, error: `Too many applications from this connection. Please try again ${describeRetry(limit.retryAfterSeconds)}.` };
  const email = normalizeEmail(user?.email ?? input.email ?? "");

  const declined = await db.application.findFirst({
    where: { brandId: brand.id, email, status: "declined", decidedAt: { gt: new Date(Date.now() - brand.reapplyAfterDays * DAY) } },
    orderBy: { decidedAt: "desc" },
    select: { decidedAt: true },
  });
  if (declined?.decidedAt) {
    const from = new Date(declined.decidedAt.getTime() + brand.reapplyAfterDays * DAY);
    return { ok: false, field: "email", error: `You applied recently. You can apply again from ${formatDateTime(from, brand.timeZone)}.` };
  }
  const existing = await db.ambassador.findUnique({ where: { brandId_email: { brandId: brand.id, email } }, select: { id: true, status: true } });
  if (existing?.status === "active" || existing?.status === "paused") return { ok: false, field: "email", error: "You are already one of our ambassadors — sign in to see the program." };
  if (existing?.status === "applied") return { ok: false, field: "email", error: "We already have your application and will answer soon." };
  if (existing?.status === "invited") return { ok: false, field: "email", error: "You already have a personal invitation: use the link in that email to join." };

  const maxFollowers = Math.max(0, ...input.accounts.map((a) => a.followers));
  const answers = collectAnswers(questions, input as Record<string, unknown>);
  const autoReason = autoDeclineReason(brand, maxFollowers, input.city);
  const now = new Date();

  const application = await db.$transaction(async (tx) => {
    const data = { name: input.name, city: input.city, interests: input.interests, status: "applied", source: "application", userId: user?.id ?? null, maxFollowers, emailOptIn: input.emailOptIn, termsVersion: brand.termsVersion, termsAcceptedAt: now, leftAt: null };
    const ambassador = existing
      ? await tx.ambassador.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.ambassador.create({ data: { ...data, brandId: brand.id, email }, select: { id: true } });
    await tx.socialAccount.deleteMany({ where: { ambassadorId: ambassador.id } });
    for (const a of input.accounts) {
      await tx.socialAccount.create({ data: { ambassadorId: ambassador.id, platform: a.platform, handle: a.handle, followers: a.followers, snapshots: { create: { followers: a.followers } } } });
    }
    await tx.consent.createMany({
      data: [
        { ambassadorId: ambassador.id, kind: "terms", version: brand.termsVersion, granted: true, createdAt: now },
        { ambassadorId: ambassador.id, kind: "email", granted: input.emailOptIn, createdAt: now },
      ],
    });
    await recordTouch({ brandId: brand.id, ambassadorId: ambassador.id, kind: "applied", summary: "Applied to join", body: input.whyLove, actorId: user?.id, at: now }, tx);
    // Someone signed in without a name yet is called what they wrote here.
    if (user) await tx.user.updateMany({ where: { id: user.id, name: null }, data: { name: input.name } });
    return tx.application.create({
      data: {
        brandId: brand.id,
        ambassadorId: ambassador.id,
        email,
        name: input.name,
        city: input.city,
        whyLove: input.whyLove,
        interests: input.interests,
        answers: JSON.stringify(answers),
        socials: JSON.stringify(input.accounts),
        maxFollowers,
        autoReason,
        createdAt: now,
      },
      select: { id: true },
    });
  });

  if (autoReason) await settleApplication({ brandId: brand.id, applicationId: application.id, deciderId: null, decision: "declined", message: "" });
  else {
    // The applicant hears at once that it arrived (a decision email follows later).
    const props = { brand, fanName: input.name.split(" ")[0] || input.name };
    await sendEmail({ to: email, brandId: brand.id, template: "application-received", subject: applicationReceivedSubject(props), react: createElement(ApplicationReceivedEmail, props) });
  }
  return { ok: true, autoDeclined: !!autoReason };
}

export type { Decision };

const APPLICATIONS_PAGE = 20;

/** One page of the brand's applications in a tab (oldest first to review, latest first once decided), with each tab's count. */
export async function listApplications(scope: BrandScope, tab: ApplicationTab, page: number) {
  const { brandId } = scope;
  const where = { brandId, ...(tab === "decided" ? { status: { in: ["approved", "declined"] } } : { status: tab }) };
  const [thresholds, counts, total, applications] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { id: brandId }, select: TIER_THRESHOLDS_SELECT }),
    db.application.groupBy({ by: ["status"], where: { brandId }, _count: { _all: true } }),
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: tab === "decided" ? [{ decidedAt: "desc" }, { id: "desc" }] : [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * APPLICATIONS_PAGE,
      take: APPLICATIONS_PAGE,
      select: { id: true, ambassadorId: true, email: true, name: true, city: true, whyLove: true, interests: true, answers: true, socials: true, maxFollowers: true, status: true, decisionMessage: true, autoReason: true, createdAt: true, decidedAt: true },
    }),
  ]);
  const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    pageCount: Math.max(1, Math.ceil(total / APPLICATIONS_PAGE)),
    counts: { pending: count("pending"), waitlisted: count("waitlisted"), decided: count("approved") + count("declined") },
    applications: applications.map((a) => ({
      ...a,
      tier: tierFor(a.maxFollowers, thresholds),
      answers: JSON.parse(a.answers) as { label: string; answer: string; lifeMoment?: boolean }[],
      socials: JSON.parse(a.socials) as { platform: string; handle: string; followers: number }[],
    })),
  };
}

/**
 * A staff member approves, declines or wait-lists one of the brand's applications; the fan is emailed. Approving
 * makes the ambassador active; declining removes the "applied" ambassador (the application stays, so the reapply
 * wait can be enforced).
 */
export async function decideApplication(scope: BrandScope, applicationId: string, decision: Decision, message: string) {
  return settleApplication({ brandId: scope.brandId, applicationId, deciderId: scope.userId, decision, message });
}

async function settleApplication({ brandId, applicationId, deciderId, decision, message }: { brandId: string; applicationId: string; deciderId: string | null; decision: Decision; message: string }) {
  const app = await db.application.findFirst({
    where: { id: applicationId, brandId, status: { in: ["pending", "waitlisted"] } },
    select: { id: true, ambassadorId: true, email: true, name: true, status: true, brand: { select: { name: true, slug: true, color: true, logoUrl: true, timeZone: true, reapplyAfterDays: true } } },
  });
  if (!app) return { ok: false as const, error: "That application was already decided." };
  if (decision === "waitlisted" && app.status === "waitlisted") return { ok: false as const, error: "That application is already on the wait-list." };
  const now = new Date();
  await db.$transaction(async (tx) => {
    const claimed = await transition(tx.application, { id: app.id, status: app.status }, { status: decision, decidedAt: now, decidedById: deciderId, decisionMessage: message });
    if (!claimed) throw new Conflict("That application was just decided by someone else.");
    if (!app.ambassadorId) return;
    if (decision === "approved") {
      await tx.ambassador.update({ where: { id: app.ambassadorId }, data: { status: "active", joinedAt: now } });
      await recordTouch({ brandId, ambassadorId: app.ambassadorId, kind: "joined", summary: "Joined the program after applying", body: message, actorId: deciderId, at: now }, tx);
    } else if (decision === "waitlisted") {
      await recordTouch({ brandId, ambassadorId: app.ambassadorId, kind: "status", summary: "Application wait-listed", body: message, actorId: deciderId, at: now }, tx);
    } else {
      await tx.ambassador.deleteMany({ where: { id: app.ambassadorId, status: "applied" } });
    }
  });
  const env = getEnv();
  await sendEmail({
    to: app.email,
    brandId,
    template: "application-decision",
    subject: applicationDecisionSubject({ brand: app.brand, decision }),
    react: createElement(ApplicationDecisionEmail, {
      brand: app.brand,
      fanName: app.name.split(" ")[0] || app.name,
      decision,
      message,
      url: `${env.APP_URL}/login?email=${encodeURIComponent(app.email)}&redirectTo=${encodeURIComponent(`/me/programs/${app.brand.slug}`)}`,
      reapplyDate: decision === "declined" ? formatDateTime(new Date(now.getTime() + app.brand.reapplyAfterDays * DAY), app.brand.timeZone) : undefined,
    }),
  });
  return { ok: true as const };
}
