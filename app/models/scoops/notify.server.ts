// The scoop emails: one batch of the audience per job, when a scoop goes live and when its embargo lifts.
import ScoopEmail from "../../../emails/scoop";
import { randomUUID } from "node:crypto";
import { db, insertRows } from "#app/utils/db.server";
import { prepareEmails, recordEmails } from "#app/utils/email.server";
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

/** Fans per job: five provider batches, one render of the template. */
const BATCH = 500;

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
  const embargoUntil = kind === "published" && s.embargoUntil && s.embargoUntil > now ? formatDateTime(s.embargoUntil, s.brand.timeZone) : null;
  const disclosureText = suggestDisclosure("scoop", s.brand);
  const emails = await prepareEmails(
    recipients,
    (r) => ({ fanName: r.name, email: r.email, id: r.id }),
    ({ fanName, email, id }) => ({
      ...unsubscribeHeaders(id, "scoops"),
      to: email,
      subject: kind === "published" ? `New scoop from ${s.brand.name}: ${s.title}` : `You can share it now: ${s.title}`,
      template: "scoop",
      brandId: s.brand.id,
      react: ScoopEmail({ kind, brand: s.brand, fanName, title: s.title, url, embargoUntil, disclosureText }),
    }),
  );
  // Marking the fans as emailed and recording their emails (with the jobs that deliver them) are one transaction:
  // after a crash at any point, each fan has either both or neither, so nobody is emailed twice or missed. A fan
  // emailed since the list was read (a second run of this batch) is left out.
  await db.$transaction(async (tx) => {
    const ids = recipients.map((r) => r.id);
    const reads = await tx.scoopRead.findMany({ where: { scoopId: s.id, ambassadorId: { in: ids } }, select: { ambassadorId: true, notifiedAt: true, liftNotifiedAt: true } });
    const done = new Set(reads.filter((r) => r[stamp]).map((r) => r.ambassadorId));
    const existing = new Set(reads.map((r) => r.ambassadorId));
    const toEmail = recipients.filter((r) => !done.has(r.id));
    await tx.scoopRead.updateMany({ where: { scoopId: s.id, ambassadorId: { in: toEmail.filter((r) => existing.has(r.id)).map((r) => r.id) } }, data: { [stamp]: now } });
    await insertRows(tx, "ScoopRead", toEmail.filter((r) => !existing.has(r.id)).map((r) => ({ id: randomUUID(), scoopId: s.id, ambassadorId: r.id, [stamp]: now })));
    await recordEmails(emails.filter((_, i) => !done.has(recipients[i].id)), { tx, deliverAt: now });
  });
  if (recipients.length === BATCH) {
    const last = recipients[recipients.length - 1].id;
    await scoopNotifyJob.enqueue({ scoopId: s.id, kind, afterId: last }, { dedupeKey: `scoop:${s.id}:${kind}:after:${last}` });
  } else {
    await db.scoop.update({ where: { id: s.id }, data: kind === "published" ? { notifiedAt: now } : { liftNotifiedAt: now } });
  }
});
