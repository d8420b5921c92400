import { describe, expect, test } from "vitest";
import { action as invitationsAction, loader as invitationsLoader } from "#app/routes/b.$brand.invitations/route";
import { action as acceptAction, loader as acceptLoader } from "#app/routes/invite.$token/route";
import { action as linkAction, loader as linkLoader } from "#app/routes/i.$code/route";
import { action as programAction, loader as programLoader } from "#app/routes/me.programs.$slug/route";
import { runDueJobs } from "#app/utils/jobs.server";
import { db } from "#app/utils/db.server";
import "#app/jobs.server";
import { callAction, callLoader, cookieFor, cookiesFrom, lastDeliveredTo, lastEmailTo, withEmailProvider } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser, uniqueEmail } from "#tests/factories";

async function setup() {
  const manager = await createUser(db, { name: "Sam Manager" });
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Juniper Test", color: "#b45309" });
  await addStaff(db, brand.id, manager.id, "manager");
  return { manager, brand, cookie: await cookieFor(manager.id), params: { brand: brand.slug } };
}

const tokenIn = (text: string) => text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1];
const joinForm = { name: "Priya R", city: "Toronto", acceptTerms: "on", emailOptIn: "on" };

withEmailProvider();

describe("inviting fans by email", () => {
  test("invites each address once, emails a personal invitation, and the fan joins with consent recorded", async () => {
    const { brand, cookie, params } = await setup();
    const a = uniqueEmail("ana");
    const b = uniqueEmail("bo");
    const res = await callAction(invitationsAction, `/b/${brand.slug}/invitations`, {
      cookie,
      params,
      form: { intent: "invite", emails: `${a}\nBo Chen <${b}>\n${a}`, note: "We love your sourdough photos!" },
    });
    expect(res.status).toBe(302);
    expect(await db.ambassador.count({ where: { brandId: brand.id, status: "invited" } })).toBe(2);

    // Emails go out through the job runner.
    expect(await lastEmailTo(b)).toBeNull();
    await runDueJobs();
    const mail = await lastEmailTo(b);
    expect(mail).toMatchObject({ template: "fan-invite", brandId: brand.id, subject: "Juniper Test would love you in its ambassador program" });
    expect(mail!.html).toContain("Hi Bo,");
    expect(mail!.text).toContain("We love your sourdough photos!");
    expect(mail!.html).toContain("#b45309");
    // Staff's copy hides the link; the fan's has it.
    expect(mail!.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    const token = tokenIn(lastDeliveredTo(b)!.text);
    expect(mail!.html + mail!.text).not.toContain(token);
    const page = await callLoader(acceptLoader, `/invite/${token}`, { params: { token } });
    expect(page.data.invite).toMatchObject({ email: b, name: "Bo Chen", note: "We love your sourdough photos!" });
    // The terms ask for a disclosure: the page has it to show next to them.
    expect(page.data.invite.brand.disclosureText).toBe((await db.brand.findUniqueOrThrow({ where: { id: brand.id } })).disclosureText);

    const missingConsent = await callAction(acceptAction, `/invite/${token}`, { params: { token }, form: { intent: "join", name: "Bo" } });
    expect(missingConsent.status).toBe(400);
    expect(missingConsent.data.result.error.acceptTerms).toEqual(["Please accept the program terms to join"]);

    const joined = await callAction(acceptAction, `/invite/${token}`, { params: { token }, form: { intent: "join", ...joinForm, name: "Bo Chen" } });
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(`/me/programs/${brand.slug}`);
    const fanCookie = cookiesFrom(joined.headers).split("; ").find((c) => c.startsWith("kindred_session="))!;
    const program = await callLoader(programLoader, `/me/programs/${brand.slug}`, { cookie: fanCookie, params: { slug: brand.slug } });
    expect(program.data.membership).toMatchObject({ status: "active", emailOptIn: true, termsVersion: 1 });

    const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: b }, include: { consents: true, timeline: { orderBy: { createdAt: "asc" } } } });
    expect(ambassador.userId).not.toBeNull();
    expect(ambassador.consents.map((c) => [c.kind, c.granted, c.version])).toEqual(expect.arrayContaining([["terms", true, 1], ["email", true, null]]));
    expect(ambassador.timeline.map((t) => t.kind)).toEqual(["invited", "joined"]);

    const reuse = await callAction(acceptAction, `/invite/${token}`, { params: { token }, form: { intent: "join", ...joinForm } });
    expect(reuse.status).toBe(400);
  });

  test("skips active fans, re-invites earlier invitees, and reports unreadable lines while inviting the rest", async () => {
    const { brand, cookie, params } = await setup();
    const active = await createAmbassador(db, brand.id, { status: "active" });
    const invited = await createAmbassador(db, brand.id, { status: "invited" });
    const fresh = uniqueEmail("fresh");
    const res = await callAction(invitationsAction, `/b/${brand.slug}/invitations`, {
      cookie,
      params,
      form: { intent: "invite", emails: `${active.email}\n${invited.email}\nnot-an-email\n${fresh}`, note: "" },
    });
    expect(res.status).toBe(200);
    expect(res.data.summary.outcome).toEqual({ invited: [fresh], reinvited: [invited.email], skipped: [{ email: active.email, reason: "already an active ambassador" }] });
    expect(res.data.summary.lineErrors).toEqual([{ line: 3, text: "not-an-email", reason: "no valid email address" }]);
    // The form starts again with only the line that was not used.
    expect(res.data.restart).toMatchObject({ emails: "not-an-email", note: "" });
  });

  test("an empty or unreadable list is a form error and invites nobody", async () => {
    const { brand, cookie, params } = await setup();
    const res = await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "invite", emails: "nope\nstill nope", note: "" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.emails).toEqual(["None of these lines has a valid email address.", "Line 1: “nope” has no valid email address", "Line 2: “still nope” has no valid email address"]);
    expect(await db.ambassador.count({ where: { brandId: brand.id } })).toBe(0);
  });

  test("resend sends a fresh link and the old one stops working; withdraw ends it", async () => {
    const { brand, cookie, params } = await setup();
    const email = uniqueEmail("re");
    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "invite", emails: email, note: "" } });
    await runDueJobs();
    const first = tokenIn(lastDeliveredTo(email)!.text);
    const invite = await db.fanInvite.findFirstOrThrow({ where: { brandId: brand.id } });
    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "resend", inviteId: invite.id } });
    await runDueJobs();
    const second = tokenIn(lastDeliveredTo(email)!.text);
    expect(second).not.toBe(first);
    expect((await callLoader(acceptLoader, `/invite/${first}`, { params: { token: first } })).data.problem).toMatch(/could not find/);
    expect((await db.fanInvite.findUniqueOrThrow({ where: { id: invite.id } })).sendCount).toBe(2);

    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "revoke", inviteId: invite.id } });
    expect((await callLoader(acceptLoader, `/invite/${second}`, { params: { token: second } })).data.problem).toMatch(/withdrawn/);
  });

  test("an expired invitation cannot be accepted", async () => {
    const { brand, cookie, params } = await setup();
    const email = uniqueEmail("late");
    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "invite", emails: email, note: "" } });
    await runDueJobs();
    const token = tokenIn(lastDeliveredTo(email)!.text);
    const invite = await db.fanInvite.findFirstOrThrow({ where: { brandId: brand.id } });
    expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
    await db.fanInvite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await callLoader(acceptLoader, `/invite/${token}`, { params: { token } })).data.problem).toMatch(/expired/);
    expect((await callAction(acceptAction, `/invite/${token}`, { params: { token }, form: { intent: "join", ...joinForm } })).status).toBe(400);
  });

  test("another brand's invitation cannot be resent or withdrawn", async () => {
    const { brand, cookie, params } = await setup();
    const other = await setup();
    await callAction(invitationsAction, `/b/${other.brand.slug}/invitations`, { cookie: other.cookie, params: other.params, form: { intent: "invite", emails: uniqueEmail("x"), note: "" } });
    const theirs = await db.fanInvite.findFirstOrThrow({ where: { brandId: other.brand.id } });
    const res = await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "revoke", inviteId: theirs.id } });
    expect(res.status).toBe(302);
    expect((await db.fanInvite.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
    expect((await callLoader(invitationsLoader, `/b/${other.brand.slug}/invitations`, { cookie, params: other.params })).status).toBe(404);
  });
});

describe("shareable invite links", () => {
  test("a fan joins through a link, gets its tag, and the link counts the join", async () => {
    const { brand, cookie, params } = await setup();
    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "create-link", label: "Tasting night", tagName: "Store-Event-Nov", maxUses: "2" } });
    const link = await db.inviteLink.findFirstOrThrow({ where: { brandId: brand.id } });
    expect(link).toMatchObject({ tagName: "store-event-nov", maxUses: 2, uses: 0 });

    const signedOut = await callLoader(linkLoader, `/i/${link.code}`, { params: { code: link.code } });
    expect(signedOut.data).toMatchObject({ problem: null, user: null, brand: { slug: brand.slug } });

    const fan = await createUser(db);
    const res = await callAction(linkAction, `/i/${link.code}`, { cookie: await cookieFor(fan.id), params: { code: link.code }, form: { intent: "join", ...joinForm } });
    expect(res.status).toBe(302);
    const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, userId: fan.id }, include: { tags: { include: { tag: true } } } });
    expect(ambassador).toMatchObject({ status: "active", source: "link", inviteLinkId: link.id });
    expect(ambassador.tags.map((t) => t.tag.name)).toEqual(["store-event-nov"]);
    const list = await callLoader(invitationsLoader, `/b/${brand.slug}/invitations`, { cookie, params });
    expect(list.data.links[0]).toMatchObject({ uses: 1, _count: { ambassadors: 1 } });
  });

  test("a link never admits more fans than its limit, even when they join at once", async () => {
    const { brand, manager } = await setup();
    const { createInviteLink } = await import("#app/models/invite-links.server");
    const link = await createInviteLink({ brandId: brand.id, createdById: manager.id, label: "Two seats", maxUses: 2 });
    const fans = await Promise.all(Array.from({ length: 6 }, () => createUser(db)));
    const results = await Promise.all(fans.map(async (f) => callAction(linkAction, `/i/${link.code}`, { cookie: await cookieFor(f.id), params: { code: link.code }, form: { intent: "join", ...joinForm } })));
    expect(results.filter((r) => r.status === 302)).toHaveLength(2);
    expect(results.filter((r) => r.status === 400).every((r) => r.data.result.error[""][0].includes("used as many times"))).toBe(true);
    expect((await db.inviteLink.findUniqueOrThrow({ where: { id: link.id } })).uses).toBe(2);
    expect(await db.ambassador.count({ where: { brandId: brand.id, status: "active" } })).toBe(2);
  });

  test("expired and switched-off links say so; bad link settings get field messages", async () => {
    const { brand, cookie, params, manager } = await setup();
    const { createInviteLink } = await import("#app/models/invite-links.server");
    const expired = await createInviteLink({ brandId: brand.id, createdById: manager.id, label: "Old", expiresAt: new Date(Date.now() - 1000) });
    expect((await callLoader(linkLoader, `/i/${expired.code}`, { params: { code: expired.code } })).data.problem).toMatch(/expired/);
    const off = await createInviteLink({ brandId: brand.id, createdById: manager.id, label: "Off" });
    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "revoke-link", linkId: off.id } });
    expect((await callLoader(linkLoader, `/i/${off.code}`, { params: { code: off.code } })).data.problem).toMatch(/switched off/);
    const bad = await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "create-link", label: "x", maxUses: "0", expiresOn: "2001-01-01", tagName: "no spaces" } });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ label: ["Name the link so you know where it was shared"], maxUses: ["At least 1"], tagName: ["Tags use lower-case letters, digits and hyphens"] });
  });
});

describe("a fan's own program page", () => {
  test("changes email preference and leaves the program, with the history kept", async () => {
    const { brand } = await setup();
    const fan = await createUser(db);
    const a = await createAmbassador(db, brand.id, { userId: fan.id, email: fan.email, status: "active" });
    const cookie = await cookieFor(fan.id);
    const params = { slug: brand.slug };
    await callAction(programAction, `/me/programs/${brand.slug}`, { cookie, params, form: { intent: "email-preference" } });
    expect((await db.ambassador.findUniqueOrThrow({ where: { id: a.id } })).emailOptIn).toBe(false);
    await callAction(programAction, `/me/programs/${brand.slug}`, { cookie, params, form: { intent: "leave" } });
    const after = await db.ambassador.findUniqueOrThrow({ where: { id: a.id }, include: { timeline: true, consents: true } });
    expect(after.status).toBe("alumni");
    expect(after.leftAt).not.toBeNull();
    expect(after.timeline.map((t) => t.kind).sort()).toEqual(["consent", "left"]);
    expect(after.consents.map((c) => c.kind).sort()).toEqual(["email", "email:events", "email:products", "email:scoops"]);
    expect(after.consents.every((c) => !c.granted)).toBe(true);
  });

  test("someone else's program page is a 404", async () => {
    const { brand } = await setup();
    const fan = await createUser(db);
    await createAmbassador(db, brand.id, { userId: fan.id, email: fan.email });
    const stranger = await createUser(db);
    expect((await callLoader(programLoader, `/me/programs/${brand.slug}`, { cookie: await cookieFor(stranger.id), params: { slug: brand.slug } })).status).toBe(404);
  });
});

describe("imported fans waiting for an invitation", () => {
  test("are counted and can be invited in one go", async () => {
    const { brand, cookie, params } = await setup();
    const a = await createAmbassador(db, brand.id, { status: "invited", source: "import" });
    const b = await createAmbassador(db, brand.id, { status: "invited", source: "import" });
    const page = await callLoader(invitationsLoader, `/b/${brand.slug}/invitations`, { cookie, params });
    expect(page.data.waiting).toBe(2);
    await callAction(invitationsAction, `/b/${brand.slug}/invitations`, { cookie, params, form: { intent: "invite-waiting" } });
    await runDueJobs();
    expect(await db.fanInvite.count({ where: { ambassadorId: { in: [a.id, b.id] }, sendCount: 1 } })).toBe(2);
    expect((await callLoader(invitationsLoader, `/b/${brand.slug}/invitations`, { cookie, params })).data.waiting).toBe(0);
  });
});
