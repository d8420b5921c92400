import { db } from "#app/utils/db.server";
import { deleteUploads } from "#app/utils/uploads.server";
import { forgetAddressInImportFiles } from "./csv-import.server";
import { cancelUpcomingRsvps } from "./events/waitlist.server";
import { withdrawOpenRequests } from "./seeding/stock.server";

const readJson = (value: string) => {
  try {
    return value ? JSON.parse(value) : null;
  } catch {
    return value;
  }
};

/** Where the signed-in person belongs: the brands they work for (with their role) and the programs they are in. */
export async function homeOverview(userId: string) {
  const brand = { select: { name: true, slug: true, color: true, description: true } } as const;
  const [memberships, programs] = await Promise.all([
    db.membership.findMany({ where: { userId }, orderBy: { brand: { name: "asc" } }, select: { role: true, brand } }),
    db.ambassador.findMany({ where: { userId }, orderBy: { brand: { name: "asc" } }, select: { id: true, status: true, joinedAt: true, brand } }),
  ]);
  return { memberships, programs };
}

/** The account's own details and where it is signed in (live sessions, newest first), for the account page. */
export async function accountOverview(user: { id: string; email: string; name: string | null; sessionId: string }) {
  const sessions = await db.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, userAgent: true, createdAt: true },
  });
  return {
    user: { email: user.email, name: user.name },
    sessions: sessions.map((s) => ({ current: s.id === user.sessionId, userAgent: s.userAgent, createdAt: s.createdAt })),
  };
}

/** The name the person goes by across Kindred. */
export async function renameAccount(userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** Everything Kindred holds about a person, for "export my data" (staff-private notes are not included). */
export async function exportMyData(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, createdAt: true } });
  const [programs, applications, sessions, staff] = await Promise.all([
    db.ambassador.findMany({
      where: { userId },
      select: {
        brand: { select: { name: true, slug: true } },
        name: true,
        email: true,
        city: true,
        region: true,
        interests: true,
        status: true,
        source: true,
        emailOptIn: true,
        termsVersion: true,
        termsAcceptedAt: true,
        joinedAt: true,
        leftAt: true,
        createdAt: true,
        socialAccounts: { select: { platform: true, handle: true, followers: true, snapshots: { select: { followers: true, recordedAt: true }, orderBy: { recordedAt: "asc" } } } },
        consents: { select: { kind: true, version: true, granted: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        timeline: { where: { kind: { not: "note" } }, select: { kind: true, summary: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        shippingAddress: true,
        rsvps: { select: { event: { select: { title: true, startsAt: true } }, status: true, plusOnes: true, answers: true, showInGuestList: true, checkedInAt: true, createdAt: true } },
        scoopReads: { select: { scoop: { select: { title: true } }, openedAt: true, acknowledgedAt: true } },
        seedingRequests: { select: { campaign: { select: { name: true } }, variant: { select: { name: true, product: { select: { name: true } } } }, status: true, address: true, feedback: true, carrier: true, trackingNumber: true, requestedAt: true, shippedAt: true, deliveredAt: true } },
        posts: { select: { url: true, platform: true, kind: true, caption: true, postedAt: true, views: true, likes: true, comments: true, shares: true, saves: true, followersAtPost: true } },
        links: { select: { code: true, destination: true, clicks: true, createdAt: true } },
      },
    }),
    db.application.findMany({
      where: { email: user.email },
      select: { brand: { select: { name: true } }, name: true, city: true, whyLove: true, interests: true, answers: true, socials: true, status: true, createdAt: true, decidedAt: true },
    }),
    db.session.findMany({ where: { userId }, select: { userAgent: true, createdAt: true, expiresAt: true } }),
    db.membership.findMany({ where: { userId }, select: { role: true, brand: { select: { name: true } } } }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    programs: programs.map((p) => ({
      ...p,
      shippingAddress: readJson(p.shippingAddress),
      rsvps: p.rsvps.map((r) => ({ ...r, answers: readJson(r.answers) })),
      seedingRequests: p.seedingRequests.map((r) => ({ ...r, address: readJson(r.address) })),
    })),
    applications: applications.map((a) => ({ ...a, answers: JSON.parse(a.answers), socials: JSON.parse(a.socials) })),
    staffRoles: staff,
    sessions,
  };
}

/**
 * Deletes a person's account and personal data. Their program memberships are kept only as anonymous records
 * (status, dates, counts) so brands' aggregate numbers stay true; names, addresses, accounts, answers,
 * messages, post links, captions and screenshots are removed. The last owner of a brand must hand it over first.
 */
export async function deleteMyAccount(userId: string): Promise<{ ok: true; events: number; requests: number } | { ok: false; error: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const owned = await db.membership.findMany({ where: { userId, role: "owner" }, select: { brandId: true, brand: { select: { name: true } } } });
  for (const o of owned) {
    const owners = await db.membership.count({ where: { brandId: o.brandId, role: "owner" } });
    if (owners <= 1) return { ok: false, error: `You are the only owner of ${o.brand.name}. Make someone else an owner first.` };
  }
  const ambassadors = await db.ambassador.findMany({ where: { OR: [{ userId }, { email: user.email }] }, select: { id: true } });
  const screenshots: { brandId: string; id: string }[] = [];
  const left = { events: 0, requests: 0 };
  await db.$transaction(async (tx) => {
    for (const { id } of ambassadors) {
      // Seats and product held for the person are given back first, as if they had cancelled.
      left.events += await cancelUpcomingRsvps(tx, id, "deleted their account");
      left.requests += await withdrawOpenRequests(tx, id, "deleted their account");
      await tx.socialAccount.deleteMany({ where: { ambassadorId: id } });
      await tx.ambassadorTag.deleteMany({ where: { ambassadorId: id } });
      await tx.timelineEvent.updateMany({ where: { ambassadorId: id }, data: { body: "" } });
      await tx.rsvp.updateMany({ where: { ambassadorId: id }, data: { answers: "[]", showInGuestList: false } });
      await tx.seedingRequest.updateMany({ where: { ambassadorId: id }, data: { address: "", feedback: "" } });
      // Permission to reuse their posts ends with the account; an unanswered request is closed.
      await tx.usageRightsRequest.updateMany({ where: { ambassadorId: id, status: { in: ["requested", "granted"] } }, data: { status: "withdrawn", openKey: null, answeredAt: new Date(), message: "" } });
      // Posts stay as anonymous numbers for the brand's totals; the link, caption and screenshot go.
      const posts = await tx.post.findMany({ where: { ambassadorId: id }, select: { id: true, brandId: true, screenshotUploadId: true } });
      for (const p of posts) {
        await tx.post.update({ where: { id: p.id }, data: { url: "", caption: "", externalId: `deleted:${p.id}`, screenshotUploadId: null } });
        if (p.screenshotUploadId) screenshots.push({ brandId: p.brandId, id: p.screenshotUploadId });
      }
      await tx.trackedLink.updateMany({ where: { ambassadorId: id }, data: { ambassadorId: null, label: "" } });
      await tx.ambassador.update({
        where: { id },
        data: { userId: null, email: `deleted-${id}@deleted.invalid`, name: "Deleted fan", city: "", region: "", preferences: "", interests: "", shippingAddress: "", status: "alumni", emailOptIn: false, leftAt: new Date() },
      });
    }
    await tx.application.updateMany({ where: { email: user.email }, data: { email: "deleted@deleted.invalid", name: "Deleted fan", city: "", whyLove: "", interests: "", answers: "[]", socials: "[]" } });
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    await tx.loginToken.deleteMany({ where: { email: user.email } });
    await tx.user.delete({ where: { id: userId } });
  });
  for (const shot of screenshots) await deleteUploads(shot.brandId, [shot.id]);
  await forgetAddressInImportFiles(user.email);
  return { ok: true, ...left };
}
