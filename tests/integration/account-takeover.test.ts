// The account takeover through fan invitations, step by step as it was reported: a manager invites another
// brand's owner (or their own owner) as a fan, reads the invitation in the brand outbox, and accepts it signed out.
import { describe, expect, test } from "vitest";
import { action as invitationsAction } from "#app/routes/b.$brand.invitations/route";
import { loader as outboxLoader } from "#app/routes/b.$brand.outbox/route";
import { loader as outboxMessageLoader } from "#app/routes/b.$brand.outbox_.$id/route";
import { action as acceptAction } from "#app/routes/invite.$token/route";
import { loader as settingsLoader } from "#app/routes/b.$brand.settings/route";
import { loader as staffLoader } from "#app/routes/b.$brand.staff/route";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { HIDDEN_SECRET } from "#app/utils/redaction";
import "#app/jobs.server";
import { callAction, callLoader, cookieFor, cookiesFrom, lastDeliveredTo, withEmailProvider } from "#tests/utils";
import { addStaff, createBrand, createUser, uniqueEmail } from "#tests/factories";

withEmailProvider();

const INVITE_LINK = /\/invite\/([A-Za-z0-9_-]{20,})/;
const joinForm = { name: "Not You", acceptTerms: "on" };

async function world() {
  const ownerA = await createUser(db, { email: uniqueEmail("owner-a") });
  const manager = await createUser(db, { email: uniqueEmail("manager-a") });
  const ownerB = await createUser(db, { email: uniqueEmail("owner-of-brand-b") });
  const a = await createBrand(db, { ownerId: ownerA.id });
  const b = await createBrand(db, { ownerId: ownerB.id });
  await addStaff(db, a.id, manager.id, "manager");
  return { ownerA, manager, ownerB, a, b, managerCookie: await cookieFor(manager.id) };
}

/** The manager invites the address as a fan and opens the invitation in the brand's outbox. */
async function inviteAndReadOutbox(w: Awaited<ReturnType<typeof world>>, email: string) {
  const params = { brand: w.a.slug };
  const invited = await callAction(invitationsAction, `/b/${w.a.slug}/invitations`, { cookie: w.managerCookie, params, form: { intent: "invite", emails: email, note: "" } });
  expect(invited.status).toBe(302);
  await runDueJobs();
  const list = await callLoader(outboxLoader, `/b/${w.a.slug}/outbox`, { cookie: w.managerCookie, params });
  const row = list.data.messages.find((m: { to: string; template: string }) => m.to === email && m.template === "fan-invite");
  expect(row).toBeTruthy();
  const page = await callLoader(outboxMessageLoader, `/b/${w.a.slug}/outbox/${row.id}`, { cookie: w.managerCookie, params: { ...params, id: row.id } });
  expect(page.status).toBe(200);
  return page.data.message as { html: string; text: string; hidden: boolean };
}

async function sessionsOf(userId: string) {
  return db.session.count({ where: { userId } });
}

describe("a manager cannot sign in as somebody else through a fan invitation", () => {
  test.each([
    ["another brand's owner", "ownerB", "b", settingsLoader, "settings"],
    ["the manager's own owner", "ownerA", "a", staffLoader, "staff"],
  ] as const)("the invitation of %s is hidden in the outbox, and accepting it signed out opens no session", async (_who, victimKey, brandKey, loader, page) => {
    const w = await world();
    const victim = w[victimKey];
    const target = w[brandKey];
    const before = await sessionsOf(victim.id);

    // Step 1-2: the staff copy of the invitation has no usable link.
    const message = await inviteAndReadOutbox(w, victim.email);
    expect(message.hidden).toBe(true);
    expect(message.html).not.toMatch(INVITE_LINK);
    expect(message.text).not.toMatch(INVITE_LINK);
    expect(message.text).toContain(`/invite/${HIDDEN_SECRET}`);

    // Step 3: even holding the real link (only the recipient's mailbox has it), accepting signed out signs nobody in.
    const token = lastDeliveredTo(victim.email)!.text.match(INVITE_LINK)![1];
    expect(message.html + message.text).not.toContain(token);
    const accepted = await callAction(acceptAction, `/invite/${token}`, { params: { token }, form: { intent: "join", ...joinForm } });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/auth/verify");
    expect(accepted.headers.getSetCookie().some((c) => c.startsWith("kindred_session="))).toBe(false);
    expect(await sessionsOf(victim.id)).toBe(before);

    // Step 4: with whatever the response set, the victim's staff page is still closed.
    const cookie = cookiesFrom(accepted.headers);
    const res = await callLoader(loader, `/b/${target.slug}/${page}`, { cookie, params: { brand: target.slug } });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login/);

    // The membership is linked to the existing account, and the code goes to the victim's own inbox.
    const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: w.a.id, email: victim.email } });
    expect(ambassador).toMatchObject({ status: "active", userId: victim.id });
    expect(lastDeliveredTo(victim.email)!.subject).toMatch(/^Your Kindred sign-in code: \d{6}$/);
    expect(await db.outboxMessage.count({ where: { to: victim.email, template: "magic-link", brandId: { not: null } } })).toBe(0);
  });

  test("a brand-new address still joins in one click, as its first sign-in", async () => {
    const w = await world();
    const email = uniqueEmail("new-fan");
    await inviteAndReadOutbox(w, email);
    const token = lastDeliveredTo(email)!.text.match(INVITE_LINK)![1];
    const accepted = await callAction(acceptAction, `/invite/${token}`, { params: { token }, form: { intent: "join", ...joinForm } });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/me/programs/${w.a.slug}`);
    expect(accepted.headers.getSetCookie().some((c) => c.startsWith("kindred_session="))).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await sessionsOf(user.id)).toBe(1);
  });
});
