import { describe, expect, test } from "vitest";
import { action as staffAction, loader as staffLoader } from "#app/routes/b.$brand.staff/route";
import { action as inviteAction, loader as inviteLoader } from "#app/routes/invites.$token/route";
import { loader as layoutLoader } from "#app/routes/b.$brand/route";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor, lastDeliveredTo, lastEmailTo, withEmailProvider } from "#tests/utils";
import { addStaff, createBrand, createUser, uniqueEmail } from "#tests/factories";

async function ownerWithBrand() {
  const owner = await createUser(db, { name: "Maya Owner" });
  const brand = await createBrand(db, { ownerId: owner.id, name: "Juniper Test" });
  return { owner, brand, cookie: await cookieFor(owner.id), params: { brand: brand.slug } };
}

function tokenFrom(text: string) {
  return text.match(/\/invites\/([A-Za-z0-9_-]+)/)![1];
}

withEmailProvider();

describe("staff invitations", () => {
  test("an owner invites a manager by email, who accepts and sees the brand", async () => {
    const { brand, cookie, params } = await ownerWithBrand();
    const email = uniqueEmail("sam");
    const res = await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email, role: "manager" } });
    expect(res.status).toBe(302);
    const message = await lastEmailTo(email);
    expect(message).toMatchObject({ template: "staff-invite", brandId: brand.id, subject: "You're invited to join Juniper Test on Kindred as manager" });
    expect(message!.text).toContain("Maya Owner invited you");
    const token = tokenFrom(lastDeliveredTo(email)!.text);
    expect(message!.html + message!.text).not.toContain(token);

    const page = await callLoader(inviteLoader, `/invites/${token}`, { params: { token } });
    expect(page.data).toMatchObject({ problem: null, invite: { email, role: "manager" }, user: null });

    const invitee = await createUser(db, { email });
    const accepted = await callAction(inviteAction, `/invites/${token}`, { form: { intent: "accept" }, cookie: await cookieFor(invitee.id), params: { token } });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/b/${brand.slug}`);
    const layout = await callLoader(layoutLoader, `/b/${brand.slug}`, { cookie: await cookieFor(invitee.id), params });
    expect(layout.data).toMatchObject({ role: "manager", brand: { slug: brand.slug } });

    const again = await callLoader(inviteLoader, `/invites/${token}`, { params: { token } });
    expect(again.data.problem).toBe("This invitation was already accepted.");
  });

  test("only the invited address can accept", async () => {
    const { brand, cookie, params } = await ownerWithBrand();
    const email = uniqueEmail();
    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email, role: "organizer" } });
    const token = tokenFrom(lastDeliveredTo(email)!.text);
    const stranger = await createUser(db);
    const res = await callAction(inviteAction, `/invites/${token}`, { form: { intent: "accept" }, cookie: await cookieFor(stranger.id), params: { token } });
    expect(res.status).toBe(400);
    expect(res.data.error).toBe(`This invitation was sent to ${email}. Sign out and sign in with that address to accept it.`);
    expect(await db.membership.count({ where: { brandId: brand.id } })).toBe(1);
  });

  test("expired and revoked invitations say so", async () => {
    const { brand, cookie, params } = await ownerWithBrand();
    const email = uniqueEmail();
    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email, role: "manager" } });
    const token = tokenFrom(lastDeliveredTo(email)!.text);
    await db.staffInvite.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await callLoader(inviteLoader, `/invites/${token}`, { params: { token } })).data.problem).toMatch(/expired/);

    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email, role: "manager" } });
    const token2 = tokenFrom(lastDeliveredTo(email)!.text);
    const invite = await db.staffInvite.findFirstOrThrow({ where: { email, revokedAt: null, acceptedAt: null } });
    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "revoke", inviteId: invite.id } });
    expect((await callLoader(inviteLoader, `/invites/${token2}`, { params: { token: token2 } })).data.problem).toMatch(/withdrawn/);
  });

  test("inviting someone already on the team is a field message", async () => {
    const { owner, brand, cookie, params } = await ownerWithBrand();
    const res = await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email: owner.email.toUpperCase(), role: "manager" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.email[0]).toMatch(/already on the team/);
  });

  test("a bad email or role gets field messages", async () => {
    const { brand, cookie, params } = await ownerWithBrand();
    const res = await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "invite", email: "nope", role: "king" } });
    expect(res.status).toBe(400);
    expect(res.data.result.error).toMatchObject({ email: ["Enter a valid email address, like name@example.com"], role: ["Choose a role"] });
  });
});

describe("roles of the team", () => {
  test("the last owner can be neither demoted nor removed", async () => {
    const { owner, brand, cookie, params } = await ownerWithBrand();
    const mine = await db.membership.findFirstOrThrow({ where: { brandId: brand.id, userId: owner.id } });
    const demote = await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "change-role", membershipId: mine.id, role: "manager" } });
    expect(demote.status).toBe(302);
    const remove = await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "remove", membershipId: mine.id } });
    expect(remove.status).toBe(302);
    expect(await db.membership.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ role: "owner" });
  });

  test("with a second owner, roles change and members can be removed", async () => {
    const { owner, brand, cookie, params } = await ownerWithBrand();
    const second = await createUser(db);
    const theirs = await addStaff(db, brand.id, second.id, "manager");
    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "change-role", membershipId: theirs.id, role: "owner" } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: theirs.id } })).role).toBe("owner");
    const mine = await db.membership.findFirstOrThrow({ where: { brandId: brand.id, userId: owner.id } });
    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie, params, form: { intent: "change-role", membershipId: mine.id, role: "organizer" } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: mine.id } })).role).toBe("organizer");
    const list = await callLoader(staffLoader, `/b/${brand.slug}/staff`, { cookie: await cookieFor(second.id), params });
    expect(list.data.members).toHaveLength(2);
    await callAction(staffAction, `/b/${brand.slug}/staff`, { cookie: await cookieFor(second.id), params, form: { intent: "remove", membershipId: mine.id } });
    expect(await db.membership.count({ where: { brandId: brand.id } })).toBe(1);
  });
});
