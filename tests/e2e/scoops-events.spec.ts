import type { Browser } from "@playwright/test";
import { expect, loginAs, readLatestEmail, test, uniqueEmail } from "./fixtures";

async function fanPage(browser: Browser, email: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, email, name);
  return page;
}

test("a manager publishes an embargoed scoop to a tag: a fan in the tag acknowledges and reads it, a fan outside gets 404", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `scoop-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Scoop Bakery", slug, timeZone: "America/Toronto", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const insiderEmail = uniqueEmail("insider");
  const outsiderEmail = uniqueEmail("outsider");
  const insiderUser = await db.user.create({ data: { email: insiderEmail, name: "Ines Insider" } });
  const outsiderUser = await db.user.create({ data: { email: outsiderEmail, name: "Otto Outsider" } });
  const tag = await db.tag.create({ data: { brandId: brand.id, name: "insiders" } });
  await db.ambassador.create({ data: { brandId: brand.id, email: insiderEmail, name: "Ines Insider", userId: insiderUser.id, tags: { create: { tagId: tag.id } } } });
  await db.ambassador.create({ data: { brandId: brand.id, email: outsiderEmail, name: "Otto Outsider", userId: outsiderUser.id } });

  await loginAs(page, owner.email);
  await page.goto(`/b/${slug}/scoops`);
  await expect(page.getByText("No scoops yet")).toBeVisible();
  await page.getByRole("link", { name: "New scoop" }).click();
  await page.getByLabel("Title").fill("Spring menu preview");
  await page.getByLabel("The scoop").fill("**Rhubarb tart** arrives in March.");
  await page.getByLabel("What you can say").fill("You may say a spring menu is coming.");
  // A new scoop starts as a draft; publishing is a choice.
  await expect(page.getByLabel("Save as a draft")).toBeChecked();
  await page.getByLabel("Publish now").check();
  await page.getByLabel("Some tags").check();
  await page.getByLabel("insiders").check();
  await page.getByLabel(/Nothing may be shared publicly/).check();
  await page.getByLabel(/Embargo lifts at/).fill("2030-03-01T09:00");
  await page.getByRole("button", { name: "Save scoop" }).click();
  await expect(page.getByTestId("toast")).toContainText("Scoop published");
  // Typed in the brand's zone (9:00 AM in Toronto), shown in the viewer's own, named (this browser is on UTC).
  await expect(page.getByText("Embargo until Mar 1, 2030, 2:00 PM UTC")).toBeVisible();
  const scoopUrl = new URL(page.url()).pathname;
  const scoopId = scoopUrl.split("/").pop()!;

  // The fan in the tag: the feed marks it new; the body stays hidden until she acknowledges the embargo.
  const insider = await fanPage(browser, insiderEmail, "Ines Insider");
  await insider.goto("/me/scoops");
  const card = insider.getByTestId("scoop-card").filter({ hasText: "Spring menu preview" });
  await expect(card).toContainText("New");
  await expect(card).toContainText("Embargoed until");
  await card.click();
  await expect(insider.getByText(/Embargoed until/)).toBeVisible();
  await expect(insider.getByText("Rhubarb tart")).toHaveCount(0);
  await insider.getByRole("button", { name: /keep it confidential/ }).click();
  await expect(insider.getByTestId("toast")).toContainText("Thank you for keeping it under wraps");
  await expect(insider.getByText("Rhubarb tart")).toBeVisible();
  await expect(insider.getByText("You may say a spring menu is coming.")).toBeVisible();
  // She answers the team privately; the box empties once it is sent.
  await insider.getByLabel("Reply to the team").fill("Honestly? More rhubarb, less sugar.");
  await insider.getByRole("button", { name: "Send reply" }).click();
  await expect(insider.getByTestId("toast")).toContainText("your reply went to the team");
  await expect(insider.getByLabel("Reply to the team")).toHaveValue("");
  await insider.context().close();

  // The fan outside the tag cannot open it.
  const outsider = await fanPage(browser, outsiderEmail, "Otto Outsider");
  const response = await outsider.goto(`/me/scoops/${scoopId}`);
  expect(response?.status()).toBe(404);
  await outsider.goto("/me/scoops");
  await expect(outsider.getByText("No scoops yet")).toBeVisible();
  await outsider.context().close();

  // The manager sees who opened it.
  await page.reload();
  await expect(page.getByRole("table")).toContainText("Ines Insider");
  await expect(page.getByLabel("Reach")).toContainText("Acknowledged1");
  // Her reply is on her timeline for the staff.
  const ines = await db.ambassador.findFirstOrThrow({ where: { email: insiderEmail } });
  await page.goto(`/b/${slug}/ambassadors/${ines.id}`);
  await expect(page.getByTestId("timeline")).toContainText("Replied to the scoop “Spring menu preview”");
  await expect(page.getByTestId("timeline")).toContainText("Honestly? More rhubarb, less sugar.");
});

test("capacity 2: the third fan is waitlisted, gets the freed seat by email, claims it and is checked in @postgres", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const organizer = await db.user.create({ data: { email: uniqueEmail("organizer"), name: "Olga Organizer" } });
  const slug = `events-${Date.now().toString(36)}`;
  const brand = await db.brand.create({
    data: { name: "Event Bakery", slug, timeZone: "America/Toronto", memberships: { create: [{ userId: owner.id, role: "owner" }, { userId: organizer.id, role: "organizer" }] } },
  });
  const fans: { email: string; name: string }[] = [];
  for (const name of ["Ada First", "Ben Second", "Cleo Third"]) {
    const email = uniqueEmail(name.split(" ")[0].toLowerCase());
    const user = await db.user.create({ data: { email, name } });
    await db.ambassador.create({ data: { brandId: brand.id, email, name, userId: user.id } });
    fans.push({ email, name });
  }

  // The organizer creates the event.
  await loginAs(page, organizer.email);
  await page.goto(`/b/${slug}/events`);
  await page.getByRole("link", { name: "New event" }).click();
  await page.getByLabel("Title").fill("Croissant class");
  await page.getByLabel("Venue").fill("The bakery");
  await page.getByLabel("City", { exact: true }).fill("Toronto");
  const year = new Date().getFullYear() + 1;
  await page.getByLabel("Starts").fill(`${year}-06-12T18:30`);
  await page.getByLabel("Ends").fill(`${year}-06-12T21:00`);
  await page.getByLabel("Capacity (people, with guests)").fill("2");
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByTestId("toast")).toContainText("Event published");
  const eventId = new URL(page.url()).pathname.split("/").pop()!;

  const rsvp = async (fan: { email: string; name: string }, expected: string) => {
    const p = await fanPage(browser, fan.email, fan.name);
    await p.goto(`/me/events/${eventId}`);
    await p.getByLabel("Going", { exact: true }).check();
    await p.getByRole("button", { name: "Send my answer" }).click();
    await expect(p.getByTestId("toast")).toContainText(expected);
    return p;
  };
  const ada = await rsvp(fans[0], "You're going!");
  await expect(ada.getByRole("img", { name: "QR code of your ticket" })).toBeVisible();
  await (await rsvp(fans[1], "You're going!")).context().close();
  const cleo = await rsvp(fans[2], "you're on the waitlist");
  await expect(cleo.getByText(/number 1 in line/)).toBeVisible();

  // Ada cancels; the job runner offers her seat to Cleo by email.
  await ada.getByLabel("Not going").check();
  await ada.getByRole("button", { name: "Update my answer" }).click();
  await expect(ada.getByTestId("toast")).toContainText("Your RSVP is cancelled");
  await ada.context().close();
  await expect(async () => {
    const text = await readLatestEmail(cleo, fans[2].email);
    expect(text).toContain("A SEAT OPENED UP");
  }).toPass({ timeout: 20_000 });
  const text = await readLatestEmail(cleo, fans[2].email);
  const link = text.match(/http:\/\/localhost:\d+\/me\/events\/[A-Za-z0-9]+/)![0];
  await cleo.goto(link);
  await cleo.getByRole("button", { name: "Claim my seat" }).click();
  await expect(cleo.getByTestId("toast")).toContainText("The seat is yours");
  await expect(cleo.getByRole("img", { name: "QR code of your ticket" })).toBeVisible();
  await cleo.context().close();

  // The organizer checks Cleo in on the check-in screen (phone-sized).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/b/${slug}/events/${eventId}/checkin`);
  await expect(page.getByTestId("count-expected")).toHaveText("2");
  await page.getByLabel("Find a guest").fill("Cleo");
  await page.getByLabel("Find a guest").press("Enter"); // works before the page is hydrated, too
  await expect(page).toHaveURL(/q=Cleo/);
  await expect(page.getByRole("list", { name: "Guest list" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Check in Cleo Third" }).click();
  await expect(page.getByRole("alert")).toContainText("Cleo Third is checked in.");
  await expect(page.getByTestId("count-checked-in")).toHaveText("1");
  // Both seats are taken: the door offers no walk-ins.
  await expect(page.getByTestId("seats-free")).toHaveText("0 of 2 seats free.");
  await expect(page.getByText("The event is full, so no walk-ins can be added.")).toBeVisible();
  await expect(page.getByRole("button", { name: /walk-in|Add guest/ })).toHaveCount(0);

  // Every step is on Cleo's timeline (seen by the owner).
  await loginAs(page, owner.email);
  const cleoRow = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: fans[2].email } });
  await page.goto(`/b/${slug}/ambassadors/${cleoRow.id}`);
  const timeline = page.getByTestId("timeline");
  for (const line of ["Joined the waitlist for Croissant class", "Offered a freed seat at Croissant class", "Claimed a freed seat at Croissant class", "Checked in at Croissant class"]) {
    await expect(timeline).toContainText(line);
  }
});
