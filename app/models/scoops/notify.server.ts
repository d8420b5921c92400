// The scoop emails: one batch of the audience per job, when a scoop goes live and when its embargo lifts.
import ScoopEmail from "../../../emails/scoop";
import { db } from "#app/utils/db.server";
import { prepareEmail, recordEmail } from "#app/utils/email.server";
import { getEnv } from "#app/utils/env.server";
import { formatDateTime } from "#app/utils/format";
import { z } from "zod";
import { defineJob } from "#app/utils/jobs.server";
import { readAudience } from "../audience";
import { audienceWhere } from "../audience.server";
import { TIER_THRESHOLDS_SELECT } from "../tiers";
import { suggestDisclosure } from "../disclosure";
import { wantsEmail } from "../email-preferences";
import { unsubscribeHeaders } from "../unsubscribe.server";
import { SCOOP_SUMMARY } from "./manage.server";

const BATCH = 100;

/**
 * Emails one batch of the audience about a scoop ("published" when it goes live, "lifted" when the embargo
 * ends), skipping fans who turned program emails off and fans already emailed, then queues the next batch.
 * Runs in the job runner; a scoop that was unpublished or rescheduled since is left alone.
 */
export const scoopNotifyJob = defineJob("scoop.notify", z.object({ scoopId: z.string(), kind: z.enum(["published", "lifted"]), afterId: z.string().optional() }), async ({ scoopId, kind, afterId }) => {
  const now = new Date();
  const s = await db.scoop.findUnique({
    where: { id: scoopId },
    select: {
      ...SCOOP_SUMMARY,
      brand: { select: { id: true, name: true, color: true, logoUrl: true, timeZone: true, disclosureText: true, ...TIER_THRESHOLDS_SELECT } },
    },
  });
  if (!s?.publishAt || s.publishAt > now) return;
  if (kind === "lifted" && (!s.embargoUntil || s.embargoUntil > now)) return;
  const stamp = kind === "published" ? "notifiedAt" : "liftNotifiedAt";
  const recipients = await db.ambassador.findMany({
    where: {
      AND: [
        await audienceWhere(s.brand.id, readAudience(s.audienceKind, s.audienceValues), s.brand),
        wantsEmail("scoops"),
        afterId ? { id: { gt: afterId } } : {},
        { NOT: { scoopReads: { some: { scoopId: s.id, [stamp]: { not: null } } } } },
      ],
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, name: true, email: true },
  });
  const url = `${getEnv().APP_URL}/me/scoops/${s.id}`;
  for (const r of recipients) {
    const email = await prepareEmail({
      ...unsubscribeHeaders(r.id, "scoops"),
      to: r.email,
      subject: kind === "published" ? `New scoop from ${s.brand.name}: ${s.title}` : `You can share it now: ${s.title}`,
      template: "scoop",
      brandId: s.brand.id,
      react: ScoopEmail({
        kind,
        brand: s.brand,
        fanName: r.name,
        title: s.title,
        url,
        embargoUntil: kind === "published" && s.embargoUntil && s.embargoUntil > now ? formatDateTime(s.embargoUntil, s.brand.timeZone) : null,
        disclosureText: suggestDisclosure("scoop", s.brand),
      }),
    });
    // Marking the fan as emailed and recording the email (with the job that delivers it) are one transaction:
    // after a crash at any point, each fan has either both or neither, so nobody is emailed twice or missed.
    await db.$transaction(async (tx) => {
      const read = await tx.scoopRead.findUnique({ where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: r.id } }, select: { notifiedAt: true, liftNotifiedAt: true } });
      if (read?.[stamp]) return;
      await tx.scoopRead.upsert({
        where: { scoopId_ambassadorId: { scoopId: s.id, ambassadorId: r.id } },
        create: { scoopId: s.id, ambassadorId: r.id, [stamp]: now },
        update: { [stamp]: now },
      });
      await recordEmail(email, { tx, deliverAt: now });
    });
  }
  if (recipients.length === BATCH) {
    const last = recipients[recipients.length - 1].id;
    await scoopNotifyJob.enqueue({ scoopId: s.id, kind, afterId: last }, { dedupeKey: `scoop:${s.id}:${kind}:after:${last}` });
  } else {
    await db.scoop.update({ where: { id: s.id }, data: kind === "published" ? { notifiedAt: now } : { liftNotifiedAt: now } });
  }
});
