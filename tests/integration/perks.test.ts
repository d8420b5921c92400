import { describe, expect, test } from "vitest";
import { perkLedger } from "#app/models/perks.server";
import { fanScope } from "#app/models/scope";
import { db } from "#app/utils/db.server";
import { createAmbassador, createBrand, createEvent, createUser, staffScope } from "#tests/factories";

describe("perk ledger", () => {
  test("staff see what their fan received, newest first; another brand's staff and another person see nothing", async () => {
    const brand = await createBrand(db, { name: "Perk Rye" });
    const other = await createBrand(db, { name: "Perk Other" });
    const user = await createUser(db, { name: "Pia Fan" });
    const fan = await createAmbassador(db, brand.id, { userId: user.id, email: user.email, name: "Pia Fan", status: "active" });
    const event = await createEvent(db, brand.id, { title: "Rye night", startsAt: new Date("2026-10-01T22:00:00Z") });
    await db.rsvp.create({ data: { eventId: event.id, brandId: brand.id, ambassadorId: fan.id, status: "going", ticketCode: `perk-${fan.id}`, checkedInAt: new Date("2026-10-01T22:30:00Z") } });
    const scoop = await db.scoop.create({ data: { brandId: brand.id, title: "Spring loaf", body: "Soon." } });
    await db.scoopRead.create({ data: { scoopId: scoop.id, ambassadorId: fan.id, openedAt: new Date("2026-11-02T10:00:00Z") } });
    // A scoop of the other brand the same person opened does not count for this program.
    const elsewhere = await createAmbassador(db, other.id, { userId: user.id, email: user.email, status: "active" });
    const otherScoop = await db.scoop.create({ data: { brandId: other.id, title: "Other news", body: "x" } });
    await db.scoopRead.create({ data: { scoopId: otherScoop.id, ambassadorId: elsewhere.id, openedAt: new Date("2026-11-03T10:00:00Z") } });

    const expected = [
      { kind: "scoop", label: "Early access: Spring loaf", valueCents: null, at: new Date("2026-11-02T10:00:00Z") },
      { kind: "event", label: "Ticket: Rye night", valueCents: null, at: new Date("2026-10-01T22:30:00Z") },
    ];
    expect(await perkLedger(staffScope(brand.id), fan.id)).toEqual(expected);
    expect(await perkLedger(fanScope(user), fan.id)).toEqual(expected);
    expect(await perkLedger(staffScope(other.id), fan.id)).toEqual([]);
    expect(await perkLedger(fanScope(await createUser(db)), fan.id)).toEqual([]);
  });
});
