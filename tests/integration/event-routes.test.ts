import QRCode from "qrcode";
import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { action as newEventAction } from "#app/routes/b.$brand.events_.new/route";
import { action as editEventAction } from "#app/routes/b.$brand.events_.$id_.edit/route";
import { action as eventAction, loader as eventLoader } from "#app/routes/b.$brand.events_.$id/route";
import { loader as eventsLoader } from "#app/routes/b.$brand.events/route";
import { action as checkinAction, loader as checkinLoader } from "#app/routes/b.$brand.events_.$id_.checkin/route";
import { loader as csvLoader } from "#app/routes/b.$brand.events_.$id_.attendees[.]csv/route";
import { loader as scoopsLoader } from "#app/routes/b.$brand.scoops/route";
import { action as ticketAction, loader as ticketLoader } from "#app/routes/checkin.$code/route";
import { action as fanEventAction, loader as fanEventLoader } from "#app/routes/me.events_.$id/route";
import { loader as fanEventsLoader } from "#app/routes/me.events/route";
import { loader as icsLoader } from "#app/routes/me.events_.$id[.]ics/route";
import { loader as fileLoader } from "#app/routes/files.$id/route";
import { db } from "#app/utils/db.server";
import { runDueJobs } from "#app/utils/jobs.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

async function setup() {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Route Bakery" });
  await db.brand.update({ where: { id: brand.id }, data: { timeZone: "America/Toronto" } });
  const organizer = await createUser(db);
  await addStaff(db, brand.id, organizer.id, "organizer");
  const fanUser = await createUser(db, { name: "Fay Fan" });
  const fan = await createAmbassador(db, brand.id, { userId: fanUser.id, email: fanUser.email, name: "Fay Fan", city: "Toronto" });
  return { brand, owner, organizer, fanUser, fan, cookie: await cookieFor(organizer.id), params: { brand: brand.slug } };
}

const eventForm = (extra: Record<string, string | string[]> = {}) => ({
  title: "Rye night",
  description: "Bread and **butter**.",
  format: "in_person",
  venue: "The bakery",
  city: "Toronto",
  timeZone: "America/Toronto",
  startsAt: "2031-03-07T18:00",
  endsAt: "2031-03-07T21:00",
  capacity: "10",
  maxPlusOnes: "1",
  claimHours: "24",
  priority: "first_come",
  audienceKind: "all",
  publish: "on",
  "questions[0].label": "Dietary needs?",
  "questions[0].type": "short",
  "questions[0].options": "",
  ...extra,
});

describe("event pages", () => {
  test("an organizer creates an event with a cover; a fan RSVPs with an answer; the export and the ticket work", async () => {
    const s = await setup();
    const created = await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...eventForm() },
      files: { cover: [{ name: "cover.png", type: "image/png", content: await QRCode.toBuffer("cover") }] },
    });
    expect(created.status).toBe(302);
    const event = await db.event.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect(event.startsAt.toISOString()).toBe("2031-03-07T23:00:00.000Z");
    expect(event.coverUploadId).not.toBeNull();
    const list = await callLoader(eventsLoader, `/b/${s.brand.slug}/events`, { cookie: s.cookie, params: s.params });
    expect(list.data.upcoming.map((e: { title: string }) => e.title)).toEqual(["Rye night"]);

    const fanCookie = await cookieFor(s.fanUser.id);
    expect((await callLoader(fanEventsLoader, "/me/events", { cookie: fanCookie })).data.events).toHaveLength(1);
    const page = await callLoader(fanEventLoader, `/me/events/${event.id}`, { cookie: fanCookie, params: { id: event.id } });
    expect(page.data.event.questions[0].label).toBe("Dietary needs?");
    const qid = page.data.event.questions[0].id;
    expect((await callLoader(fileLoader, `/files/${event.coverUploadId}`, { cookie: fanCookie, params: { id: event.coverUploadId! } })).status).toBe(200);

    const tooMany = await callAction(fanEventAction, `/me/events/${event.id}`, { cookie: fanCookie, params: { id: event.id }, form: { intent: "rsvp", status: "going", plusOnes: "3" } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.result.error.plusOnes).toEqual(["Bring up to 1 guest."]);
    const ok = await callAction(fanEventAction, `/me/events/${event.id}`, { cookie: fanCookie, params: { id: event.id }, form: { intent: "rsvp", status: "going", plusOnes: "1", [`q_${qid}`]: "Vegan", showInGuestList: "on" } });
    expect(ok.status).toBe(302);
    const after = await callLoader(fanEventLoader, `/me/events/${event.id}`, { cookie: fanCookie, params: { id: event.id } });
    expect(after.data.rsvp.status).toBe("going");
    expect(after.data.qrSvg).toContain("<svg");
    const ics = await callLoader(icsLoader, `/me/events/${event.id}.ics`, { cookie: fanCookie, params: { id: event.id } });
    expect(ics.headers.get("Content-Type")).toContain("text/calendar");

    const csv = await callLoader(csvLoader, `/b/${s.brand.slug}/events/${event.id}/attendees.csv`, { cookie: s.cookie, params: { ...s.params, id: event.id } });
    const text = await (csv as unknown as { headers: Headers } & { status: number }).headers.get("Content-Disposition");
    expect(text).toContain("rye-night-attendees.csv");

    // The QR ticket: the organizer confirms the check-in; the fan's own session cannot.
    const rsvp = await db.rsvp.findFirstOrThrow({ where: { eventId: event.id } });
    expect((await callLoader(ticketLoader, `/checkin/${rsvp.ticketCode}`, { cookie: fanCookie, params: { code: rsvp.ticketCode } })).status).toBe(404);
    expect((await callAction(ticketAction, `/checkin/${rsvp.ticketCode}`, { form: { intent: "check-in" }, cookie: fanCookie, params: { code: rsvp.ticketCode } })).status).toBe(404);
    const ticket = await callLoader(ticketLoader, `/checkin/${rsvp.ticketCode}`, { cookie: s.cookie, params: { code: rsvp.ticketCode } });
    expect(ticket.data.ticket.ambassador.name).toBe("Fay Fan");
    expect((await callAction(ticketAction, `/checkin/${rsvp.ticketCode}`, { form: { intent: "check-in" }, cookie: s.cookie, params: { code: rsvp.ticketCode } })).status).toBe(302);
    expect((await db.rsvp.findUniqueOrThrow({ where: { id: rsvp.id } })).checkedInAt).not.toBeNull();
    const board = await callLoader(checkinLoader, `/b/${s.brand.slug}/events/${event.id}/checkin?q=fay`, { cookie: s.cookie, params: { ...s.params, id: event.id } });
    expect(board.data.counts).toMatchObject({ going: 1, people: 2, checkedIn: 1 });
    const undo = await callAction(checkinAction, `/b/${s.brand.slug}/events/${event.id}/checkin`, { cookie: s.cookie, params: { ...s.params, id: event.id }, form: { intent: "undo", id: rsvp.id } });
    expect(undo.data.message).toBe("Check-in undone.");
  });

  test("bad event input gets field messages; capacity can't drop below the seats taken", async () => {
    const s = await setup();
    const bad = await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "save", ...eventForm({ title: "", venue: "", endsAt: "2031-03-07T17:00", audienceKind: "list", audienceValues: "nobody@example.com" }) },
    });
    expect(bad.status).toBe(400);
    const errors = bad.data.result.error;
    expect(errors.title).toEqual(["Give the event a title."]);
    expect(errors.venue).toEqual(["Where is it? Give a venue or an address."]);
    // Everything wrong is reported in the same answer, the times included.
    expect(errors.endsAt).toEqual(["The end must be after the start."]);
    const past = await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ title: "", startsAt: "2020-01-01T18:00", endsAt: "2019-12-31T18:00", rsvpDeadline: "2020-02-01T10:00" }) } });
    expect(past.data.result.error).toMatchObject({ title: ["Give the event a title."], startsAt: ["Choose a start in the future."], endsAt: ["The end must be after the start."], rsvpDeadline: ["RSVPs must close before the event starts."] });
    await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ endsAt: "2031-03-07T17:00" }) } }).then((r) => {
      expect(r.data.result.error.endsAt).toEqual(["The end must be after the start."]);
    });
    const unknown = await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ audienceKind: "list", audienceValues: `${s.fan.email}\nnobody@example.com` }) } });
    expect(unknown.data.result.error.audienceValues[0]).toMatch(/Not active ambassadors of this brand: nobody@example.com/);
    // Only a web address becomes the meeting link.
    for (const onlineUrl of ["javascript:alert(document.cookie)", "data:text/html,<script>x</script>", "https://user:pw@meet.example/x", "meet.example/room"]) {
      const res = await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ format: "online", venue: "", onlineUrl }) } });
      expect(res.status).toBe(400);
      expect(res.data.result.error.onlineUrl).toEqual(["Give the meeting link, starting with https://"]);
    }
    expect(await db.event.count({ where: { brandId: s.brand.id } })).toBe(0);

    await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ capacity: "2" }) } });
    const event = await db.event.findFirstOrThrow({ where: { brandId: s.brand.id } });
    await callAction(fanEventAction, `/me/events/${event.id}`, { cookie: await cookieFor(s.fanUser.id), params: { id: event.id }, form: { intent: "rsvp", status: "going", plusOnes: "1", [`q_${JSON.parse(event.questions)[0].id}`]: "" } });
    const shrink = await callAction(editEventAction, `/b/${s.brand.slug}/events/${event.id}/edit`, { cookie: s.cookie, params: { ...s.params, id: event.id }, form: { intent: "save", ...eventForm({ capacity: "1" }) } });
    expect(shrink.data.result.error.capacity).toEqual(["2 seats are already taken; the capacity can't go below that."]);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(2);
  });

  test("organizers reach events but not scoops; other brands' staff and fans outside the audience get 404", async () => {
    const s = await setup();
    await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ audienceKind: "city", audienceValues: ["Ottawa"] }) } });
    const event = await db.event.findFirstOrThrow({ where: { brandId: s.brand.id } });
    expect((await callLoader(scoopsLoader, `/b/${s.brand.slug}/scoops`, { cookie: s.cookie, params: s.params })).status).toBe(403);
    const stranger = await createUser(db);
    await createBrand(db, { ownerId: stranger.id });
    const strangerCookie = await cookieFor(stranger.id);
    expect((await callLoader(eventLoader, `/b/${s.brand.slug}/events/${event.id}`, { cookie: strangerCookie, params: { ...s.params, id: event.id } })).status).toBe(404);
    expect((await callAction(checkinAction, `/b/${s.brand.slug}/events/${event.id}/checkin`, { cookie: strangerCookie, params: { ...s.params, id: event.id }, form: { intent: "walk-in", id: s.fan.id } })).status).toBe(404);
    // The fan lives in Toronto: the Ottawa event is not for her.
    const fanCookie = await cookieFor(s.fanUser.id);
    expect((await callLoader(fanEventLoader, `/me/events/${event.id}`, { cookie: fanCookie, params: { id: event.id } })).status).toBe(404);
    expect((await callLoader(fileLoader, `/files/nope`, { cookie: fanCookie, params: { id: "nope" } })).status).toBe(404);
  });

  test("messaging attendees reaches everyone going, and the reminder goes out a day before", async () => {
    const s = await setup();
    await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm() } });
    const event = await db.event.findFirstOrThrow({ where: { brandId: s.brand.id } });
    await db.ambassador.update({ where: { id: s.fan.id }, data: { emailOptIn: false } });
    const qid = JSON.parse(event.questions)[0].id;
    await callAction(fanEventAction, `/me/events/${event.id}`, { cookie: await cookieFor(s.fanUser.id), params: { id: event.id }, form: { intent: "rsvp", status: "going", plusOnes: "0", [`q_${qid}`]: "" } });
    const sent = await callAction(eventAction, `/b/${s.brand.slug}/events/${event.id}`, { cookie: s.cookie, params: { ...s.params, id: event.id }, form: { intent: "message", subject: "Parking", body: "Use the lane behind the bakery." } });
    expect(sent.status).toBe(302);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: s.fan.email, subject: "Parking" } })).text).toContain("Use the lane behind the bakery.");

    const reminder = await db.job.findFirstOrThrow({ where: { type: "event.reminder", dedupeKey: { contains: event.id } } });
    expect(reminder.runAt.toISOString()).toBe("2031-03-06T23:00:00.000Z");
    await db.job.update({ where: { id: reminder.id }, data: { runAt: new Date() } });
    await runDueJobs();
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: s.fan.email, subject: "Tomorrow: Rye night" } })).text).toContain("Rye night");
  });
});

describe("publishing an event tells its audience", () => {
  test("once, only fans the event is for who want program emails and have not answered yet", async () => {
    const s = await setup();
    await db.ambassador.update({ where: { id: s.fan.id }, data: { status: "active" } });
    await db.ambassadorTag.deleteMany({ where: { ambassadorId: s.fan.id } });
    const club = await createAmbassador(db, s.brand.id, { name: "Club Member", tags: ["bakers-club"], status: "active" });
    const quiet = await createAmbassador(db, s.brand.id, { name: "No Emails", tags: ["bakers-club"], status: "active" });
    await db.ambassador.update({ where: { id: quiet.id }, data: { emailOptIn: false } });
    const outsider = await createAmbassador(db, s.brand.id, { name: "Not In Club", tags: [], status: "active" });
    const draft = await callAction(newEventAction, `/b/${s.brand.slug}/events/new`, { cookie: s.cookie, params: s.params, form: { intent: "save", ...eventForm({ publish: "", audienceKind: "tag", audienceValues: "bakers-club" }) } });
    expect(draft.status).toBe(302);
    const event = await db.event.findFirstOrThrow({ where: { brandId: s.brand.id } });
    while ((await runDueJobs()) > 0);
    expect(await db.outboxMessage.count({ where: { brandId: s.brand.id, template: "event" } })).toBe(0);

    // Publishing it (an edit) announces it.
    const form = eventForm({ publish: "on", audienceKind: "tag", audienceValues: "bakers-club" });
    await callAction(editEventAction, `/b/${s.brand.slug}/events/${event.id}/edit`, { cookie: s.cookie, params: { ...s.params, id: event.id }, form: { intent: "save", ...form } });
    while ((await runDueJobs()) > 0);
    const sent = await db.outboxMessage.findMany({ where: { brandId: s.brand.id, template: "event" } });
    expect(sent.map((m) => m.to)).toEqual([club.email]);
    expect(sent[0].subject).toBe("New event: Rye night");
    expect(sent[0].text).toContain("you're welcome to come");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).announcedAt).not.toBeNull();

    // Saving it again sends nothing more.
    await callAction(editEventAction, `/b/${s.brand.slug}/events/${event.id}/edit`, { cookie: s.cookie, params: { ...s.params, id: event.id }, form: { intent: "save", ...form, title: "Rye night (new time)" } });
    while ((await runDueJobs()) > 0);
    expect(await db.outboxMessage.count({ where: { brandId: s.brand.id, template: "event" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: { in: [quiet.email, outsider.email, s.fan.email] } } })).toBe(0);
  });
});
