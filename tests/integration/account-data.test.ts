import { describe, expect, test } from "vitest";
import { action as accountAction } from "#app/routes/account/route";
import { loader as exportLoader } from "#app/routes/me.data[.]json/route";
import { db } from "#app/utils/db.server";
import { BASE, callAction, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

describe("a person's own data", () => {
  test("export gives profile, programs, consents and history, without staff notes", async () => {
    const fan = await createUser(db, { name: "Fay" });
    const brand = await createBrand(db, { name: "Export Bakery" });
    const a = await createAmbassador(db, brand.id, { userId: fan.id, email: fan.email, followers: [900], history: 2 });
    await db.consent.create({ data: { ambassadorId: a.id, kind: "terms", version: 1, granted: true } });
    await db.timelineEvent.createMany({
      data: [
        { brandId: brand.id, ambassadorId: a.id, kind: "joined", summary: "Joined the program" },
        { brandId: brand.id, ambassadorId: a.id, kind: "note", summary: "Note", body: "staff only" },
      ],
    });
    const res = (await exportLoader({ request: new Request(`${BASE}/me/data.json`, { headers: { Cookie: await cookieFor(fan.id) } }), params: {}, context: {} })) as Response;
    const body = JSON.parse(await res.text());
    expect(body.account).toMatchObject({ email: fan.email, name: "Fay" });
    expect(body.programs[0]).toMatchObject({ brand: { name: "Export Bakery" }, consents: [expect.objectContaining({ kind: "terms", granted: true })] });
    expect(body.programs[0].socialAccounts[0].snapshots).toHaveLength(3);
    expect(body.programs[0].timeline.map((t: { kind: string }) => t.kind)).toEqual(["joined"]);
    expect(JSON.stringify(body)).not.toContain("staff only");
  });

  test("renaming the account saves the trimmed name and refuses a blank one without changing the saved name", async () => {
    const fan = await createUser(db, { name: "Old Name" });
    const cookie = await cookieFor(fan.id);
    const blank = await callAction(accountAction, "/account", { cookie, form: { intent: "rename", name: "   " } });
    expect(blank.status).toBe(400);
    expect(blank.data.result.error.name).toEqual(["Enter your name"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: fan.id } })).name).toBe("Old Name");
    const saved = await callAction(accountAction, "/account", { cookie, form: { intent: "rename", name: "  New Name " } });
    expect(saved.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: fan.id } })).name).toBe("New Name");
  });

  test("deleting the account removes personal data and keeps anonymous program records", async () => {
    const fan = await createUser(db);
    const brand = await createBrand(db);
    const a = await createAmbassador(db, brand.id, { userId: fan.id, email: fan.email, followers: [900], tags: ["rye"] });
    await db.outboxMessage.create({ data: { to: fan.email, from: "k", subject: "s", template: "t", html: "h", text: "t" } });
    const cookie = await cookieFor(fan.id);
    const wrong = await callAction(accountAction, "/account", { cookie, form: { intent: "delete", confirmEmail: "nope" } });
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.confirmEmail).toEqual([`Type ${fan.email} to confirm.`]);
    const res = await callAction(accountAction, "/account", { cookie, form: { intent: "delete", confirmEmail: fan.email.toUpperCase() } });
    expect(res.status).toBe(302);
    expect(await db.user.findUnique({ where: { id: fan.id } })).toBeNull();
    const anon = await db.ambassador.findUniqueOrThrow({ where: { id: a.id }, include: { socialAccounts: true, tags: true } });
    expect(anon).toMatchObject({ name: "Deleted fan", status: "alumni", userId: null, city: "" });
    expect(anon.email).toMatch(/@deleted\.invalid$/);
    expect(anon.socialAccounts).toHaveLength(0);
    expect(await db.outboxMessage.count({ where: { to: fan.email } })).toBe(0);
    expect(await db.session.count({ where: { userId: fan.id } })).toBe(0);
  });

  test("the only owner of a brand must hand it over before deleting the account", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id, name: "Solo Bakery" });
    const res = await callAction(accountAction, "/account", { cookie: await cookieFor(owner.id), form: { intent: "delete", confirmEmail: owner.email } });
    expect(res.status).toBe(400);
    expect(res.data.result.error[""]).toEqual(["You are the only owner of Solo Bakery. Make someone else an owner first."]);
    const second = await createUser(db);
    await addStaff(db, brand.id, second.id, "owner");
    expect((await callAction(accountAction, "/account", { cookie: await cookieFor(owner.id), form: { intent: "delete", confirmEmail: owner.email } })).status).toBe(302);
  });
});
