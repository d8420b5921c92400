import { db } from "#app/utils/db.server";

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
    programs,
    applications: applications.map((a) => ({ ...a, answers: JSON.parse(a.answers), socials: JSON.parse(a.socials) })),
    staffRoles: staff,
    sessions,
  };
}

/**
 * Deletes a person's account and personal data. Their program memberships are kept only as anonymous records
 * (status, dates, counts) so brands' aggregate numbers stay true; names, addresses, accounts, answers and
 * messages are removed. The last owner of a brand must hand it over first.
 */
export async function deleteMyAccount(userId: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const owned = await db.membership.findMany({ where: { userId, role: "owner" }, select: { brandId: true, brand: { select: { name: true } } } });
  for (const o of owned) {
    const owners = await db.membership.count({ where: { brandId: o.brandId, role: "owner" } });
    if (owners <= 1) return { ok: false, error: `You are the only owner of ${o.brand.name}. Make someone else an owner first.` };
  }
  const ambassadors = await db.ambassador.findMany({ where: { OR: [{ userId }, { email: user.email }] }, select: { id: true } });
  await db.$transaction(async (tx) => {
    for (const { id } of ambassadors) {
      await tx.socialAccount.deleteMany({ where: { ambassadorId: id } });
      await tx.ambassadorTag.deleteMany({ where: { ambassadorId: id } });
      await tx.timelineEvent.updateMany({ where: { ambassadorId: id }, data: { body: "" } });
      await tx.ambassador.update({
        where: { id },
        data: { userId: null, email: `deleted-${id}@deleted.invalid`, name: "Deleted fan", city: "", region: "", preferences: "", status: "alumni", emailOptIn: false, leftAt: new Date() },
      });
    }
    await tx.application.updateMany({ where: { email: user.email }, data: { email: "deleted@deleted.invalid", name: "Deleted fan", city: "", whyLove: "", interests: "", answers: "[]", socials: "[]" } });
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    await tx.loginToken.deleteMany({ where: { email: user.email } });
    await tx.user.delete({ where: { id: userId } });
  });
  return { ok: true };
}
