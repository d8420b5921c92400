import { describe, expect, test } from "vitest";
import { staffScope } from "#tests/factories";
import "#app/jobs.server";
import { action as programAction, loader as programLoader } from "#app/routes/me.programs.$slug/route";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "#app/routes/unsubscribe.$token/route";
import { scoopNotifyJob } from "#app/models/scoops/notify.server";
import { eventAnnounceJob } from "#app/models/events/emails.server";
import { createCampaign } from "#app/models/seeding/campaigns.server";
import { runFollowUp } from "#app/models/seeding/pipeline.server";
import { bulkMessage } from "#app/models/bulk-actions.server";
import { refreshMetrics, requestDisclosure } from "#app/models/posts/metrics.server";
import { unsubscribeToken } from "#app/models/unsubscribe.server";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { HIDDEN_SECRET } from "#app/utils/redaction";
import { BASE, callAction, callLoader, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";

async function setup() {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id });
  const user = await createUser(db, { name: "Pref Fan" });
  const fan = await createAmbassador(db, brand.id, { userId: user.id, email: user.email, status: "active" });
  return { brand, user, fan, cookie: await cookieFor(user.id), params: { slug: brand.slug } };
}

async function publishScoop(brandId: string) {
  const scoop = await db.scoop.create({ data: { brandId, title: `Preview ${Date.now()}`, body: "Soon.", publishAt: new Date(Date.now() - 1000) } });
  await scoopNotifyJob.enqueue({ scoopId: scoop.id, kind: "published" });
  while ((await runDueJobs()) > 0);
  return scoop;
}

async function announceEvent(brandId: string) {
  const event = await createEvent(db, brandId);
  await eventAnnounceJob.enqueue({ eventId: event.id });
  while ((await runDueJobs()) > 0);
  return event;
}

describe("email choices per kind", () => {
  test("a fan turns scoops off and keeps events: every send follows the choice", async () => {
    const s = await setup();
    const page = await callLoader(programLoader, `/me/programs/${s.brand.slug}`, { cookie: s.cookie, params: s.params });
    expect(page.status).toBe(200);
    await callAction(programAction, `/me/programs/${s.brand.slug}`, { cookie: s.cookie, params: s.params, form: { intent: "email-preference", events: "on", products: "on" } });
    expect(await db.ambassador.findUniqueOrThrow({ where: { id: s.fan.id } })).toMatchObject({ emailOptIn: true, emailScoops: false, emailEvents: true, emailProducts: true });

    await publishScoop(s.brand.id);
    expect(await db.outboxMessage.count({ where: { to: s.fan.email, template: "scoop" } })).toBe(0);
    await announceEvent(s.brand.id);
    const announced = await db.outboxMessage.findFirstOrThrow({ where: { to: s.fan.email, template: "event" } });
    // One-click unsubscribe headers, with the token hidden from staff.
    const headers = JSON.parse(announced.headers);
    expect(headers).toEqual({ "List-Unsubscribe": `<${BASE}/unsubscribe/${HIDDEN_SECRET}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(announced.html).not.toContain(unsubscribeToken(s.fan.id, "events"));

    // Products off too: the follow-up after a delivery is not sent.
    await callAction(programAction, `/me/programs/${s.brand.slug}`, { cookie: s.cookie, params: s.params, form: { intent: "email-preference", events: "on" } });
    const consents = await db.consent.findMany({ where: { ambassadorId: s.fan.id }, orderBy: { createdAt: "asc" } });
    expect(consents.map((c) => [c.kind, c.granted])).toEqual([["email:scoops", false], ["email:products", false]]);
  });

  test("the unsubscribe link asks first, then stops that kind only; mail apps can do it in one POST", async () => {
    const s = await setup();
    const token = unsubscribeToken(s.fan.id, "scoops");
    const page = await callLoader(unsubscribeLoader, `/unsubscribe/${token}`, { params: { token } });
    expect(page.status).toBe(200);
    expect(page.data.found).toMatchObject({ kind: "scoops", already: false });
    // Opening the page changes nothing (link scanners open links).
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: s.fan.id } })).emailScoops).toBe(true);

    const oneClick = await callAction(unsubscribeAction, `/unsubscribe/${token}`, { params: { token }, form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status).toBe(200);
    expect(await db.ambassador.findUniqueOrThrow({ where: { id: s.fan.id } })).toMatchObject({ emailOptIn: true, emailScoops: false, emailEvents: true, emailProducts: true });
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, kind: "consent" } })).toBe(1);
    // Twice is the same as once.
    await callAction(unsubscribeAction, `/unsubscribe/${token}`, { params: { token }, form: { intent: "unsubscribe" } });
    expect(await db.timelineEvent.count({ where: { ambassadorId: s.fan.id, kind: "consent" } })).toBe(1);

    await publishScoop(s.brand.id);
    expect(await db.outboxMessage.count({ where: { to: s.fan.email, template: "scoop" } })).toBe(0);
  });

  test("a made-up or altered link is refused", async () => {
    const s = await setup();
    const other = await createAmbassador(db, s.brand.id, { status: "active" });
    const [, kind, sig] = unsubscribeToken(s.fan.id, "scoops").split(".");
    for (const token of ["nonsense", `${other.id}.${kind}.${sig}`, `${s.fan.id}.events.${sig}`, `${s.fan.id}.spam.${sig}`]) {
      expect((await callLoader(unsubscribeLoader, `/unsubscribe/${token}`, { params: { token } })).status, token).toBe(404);
      expect((await callAction(unsubscribeAction, `/unsubscribe/${token}`, { params: { token }, form: { "List-Unsubscribe": "One-Click" } })).status, token).toBe(404);
    }
    expect(await db.ambassador.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ emailScoops: true });
  });

  test("messages without a kind (staff messages, asks for a post's numbers) unsubscribe from all program email in one click", async () => {
    const s = await setup();
    const owner = await db.user.findFirstOrThrow({ where: { memberships: { some: { brandId: s.brand.id, role: "owner" } } } });
    const sender = { id: owner.id, email: owner.email, name: owner.name, sessionId: "test" };
    await bulkMessage(staffScope(s.brand.id), [s.fan.id], sender, "Spring tasting", "Come by.");
    await bulkMessage(staffScope(s.brand.id), [s.fan.id], sender, "Parking tonight", "Use the back lot.", { logistics: true });
    const post = await db.post.create({ data: { brandId: s.brand.id, ambassadorId: s.fan.id, url: "https://www.instagram.com/p/Cx1/", platform: "instagram", externalId: "Cx1", postedAt: new Date(), day: "2026-12-01" } });
    expect(await refreshMetrics(post.id)).toBe("asked");
    await requestDisclosure(staffScope(s.brand.id), post.id, owner.id);
    const mails = await db.outboxMessage.findMany({ where: { to: s.fan.email }, orderBy: { createdAt: "asc" } });
    const oneClick = { "List-Unsubscribe": `<${BASE}/unsubscribe/${HIDDEN_SECRET}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    expect(mails.map((m) => [m.subject.includes("Parking") ? "logistics" : m.template, m.headers === "{}" || !m.headers ? null : JSON.parse(m.headers)])).toEqual([
      ["brand-message", oneClick],
      ["logistics", null],
      ["post-request", oneClick],
      // A request to disclose a perk is about the law and the fan's own post: it always arrives.
      ["post-request", null],
    ]);

    const token = unsubscribeToken(s.fan.id, "all");
    const page = await callLoader(unsubscribeLoader, `/unsubscribe/${token}`, { params: { token } });
    expect(page.data.found).toMatchObject({ kind: "all", label: "All program", already: false });
    await callAction(unsubscribeAction, `/unsubscribe/${token}`, { params: { token }, form: { "List-Unsubscribe": "One-Click" } });
    expect(await db.ambassador.findUniqueOrThrow({ where: { id: s.fan.id } })).toMatchObject({ emailOptIn: false, emailScoops: false, emailEvents: false, emailProducts: false });
    expect(await db.consent.findFirst({ where: { ambassadorId: s.fan.id, kind: "email", granted: false } })).not.toBeNull();
    expect((await callLoader(unsubscribeLoader, `/unsubscribe/${token}`, { params: { token } })).data.found.already).toBe(true);
    const result = await bulkMessage(staffScope(s.brand.id), [s.fan.id], sender, "Another one", "Hi.");
    expect(result).toEqual({ sent: 0, skipped: 1 });
  });

  test("seeding follow-ups respect the product choice", async () => {
    const s = await setup();
    await db.ambassador.update({ where: { id: s.fan.id }, data: { emailProducts: false } });
    const owner = await db.membership.findFirstOrThrow({ where: { brandId: s.brand.id, role: "owner" } });
    const campaign = await createCampaign(staffScope(s.brand.id, "owner", owner.userId), { name: "Box", callToAction: "", guidelines: "", mode: "request", followUpDays: "7", audienceKind: "all", audienceValues: [], products: [{ name: "Rye", value: 5, variants: [{ name: "One", stock: 1 }] }] });
    if (!campaign.ok) throw new Error("campaign");
    const variant = await db.seedingVariant.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const request = await db.seedingRequest.create({ data: { brandId: s.brand.id, campaignId: campaign.id, ambassadorId: s.fan.id, variantId: variant.id, status: "delivered", deliveredAt: new Date() } });
    expect(await runFollowUp(request.id, 0)).toBe("sent");
    expect(await db.outboxMessage.count({ where: { to: s.fan.email, template: "seeding" } })).toBe(0);
    await db.ambassador.update({ where: { id: s.fan.id }, data: { emailProducts: true } });
    await runFollowUp(request.id, 1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: s.fan.email, template: "seeding" } });
    expect(JSON.parse(mail.headers)["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });
});
