import { chromium } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeQrVideo } from "./fake-camera";
import { E2E_URL } from "./env";
import { expect, loginAs, readLatestEmail, test, uniqueEmail, watch } from "./fixtures";

test("a fan on a phone reaches every part of the program from the header @mobile", async ({ page, db }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const slug = `hdr-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Header Bakery", slug } });
  const fan = await loginAs(page, uniqueEmail("phone"), "Pia Phone");
  await db.ambassador.create({ data: { brandId: brand.id, userId: fan.id, email: fan.email, name: "Pia Phone", status: "active", joinedAt: new Date() } });
  await page.goto("/home");
  const nav = page.getByRole("navigation", { name: "Your programs" });
  for (const name of ["Scoops", "Events", "Product", "Posts", "Profile"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeInViewport();
  }
  await nav.getByRole("link", { name: "Product", exact: true }).click();
  await expect(page).toHaveURL(/\/me\/seeding$/);
  await expect(nav.getByRole("link", { name: "Product", exact: true })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Posts", exact: true }).click();
  await expect(page).toHaveURL(/\/me\/posts$/);
  await nav.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("a staff member signs in straight to the brand, and its counts open the filtered directory", async ({ page, db }) => {
  const email = uniqueEmail("staff");
  const slug = `land-${Date.now().toString(36)}`;
  const owner = await db.user.create({ data: { email, name: "Sam Staff" } });
  const brand = await db.brand.create({ data: { name: "Landing Bakery", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await db.ambassador.createMany({
    data: [
      { brandId: brand.id, email: uniqueEmail("a1"), name: "Active One", status: "active", maxFollowers: 300 },
      { brandId: brand.id, email: uniqueEmail("a2"), name: "Active Two", status: "active", maxFollowers: 20_000 },
      { brandId: brand.id, email: uniqueEmail("p1"), name: "Paused One", status: "paused", maxFollowers: 300 },
    ],
  });

  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  const outbox = await page.context().newPage();
  const code = (await readLatestEmail(outbox, email)).match(/\b(\d{6})\b/)![1];
  await outbox.close();
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/b/${slug}$`));
  await expect(page.getByText("You are not an ambassador")).toHaveCount(0);

  await page.getByRole("link", { name: "Active 2" }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page.getByRole("link", { name: "Active One" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Paused One" })).toHaveCount(0);
  await page.goBack();
  await page.getByRole("link", { name: "Nano 1" }).click();
  await expect(page).toHaveURL(/status=active&tier=nano/);
  await expect(page.getByRole("link", { name: "Active One" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Active Two" })).toHaveCount(0);
  await expect(page.getByLabel("Sort by")).toHaveValue("name");
});

test("a stranger at the door is added as a guest on a phone, and invited to the program when asked @mobile", async ({ page, db }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const slug = `door-${Date.now().toString(36)}`;
  const organizer = await loginAs(page, uniqueEmail("door"), "Dee Door");
  const brand = await db.brand.create({ data: { name: "Door Bakery", slug, memberships: { create: { userId: organizer.id, role: "organizer" } } } });
  const startsAt = new Date(Date.now() + 3_600_000);
  const event = await db.event.create({
    data: { brandId: brand.id, title: "Open kitchen", format: "in_person", venue: "The bakery", timeZone: "America/Toronto", startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), capacity: 10, publishedAt: new Date() },
  });
  const guestEmail = uniqueEmail("guest");
  await page.goto(`/b/${slug}/events/${event.id}/checkin`);
  await page.getByText("Someone not on the list? Add them as a guest").click();
  await page.getByLabel("Guest's name").fill("Gus Guest");
  await page.getByLabel("Guest's email").fill(guestEmail);
  await page.getByLabel(/Also invite them to the ambassador program/).check();
  await page.getByRole("button", { name: "Add guest and check in" }).click();
  await expect(page.getByRole("alert")).toContainText("Gus Guest is checked in as a guest. An invitation to the program is on its way.");
  await expect(page.getByTestId("count-checked-in")).toHaveText("1");
  await expect(page.getByTestId("seats-free")).toHaveText("9 of 10 seats free.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("the door scans QR tickets with the phone's camera, with a clear result for each scan", async ({ browserProblems, db }) => {
  const slug = `scan-${Date.now().toString(36)}`;
  const organizerEmail = uniqueEmail("scanner");
  const organizer = await db.user.create({ data: { email: organizerEmail, name: "Sid Scanner" } });
  const brand = await db.brand.create({ data: { name: "Scan Bakery", slug, memberships: { create: { userId: organizer.id, role: "organizer" } } } });
  const startsAt = new Date(Date.now() + 3_600_000);
  const event = await db.event.create({
    data: { brandId: brand.id, title: "Scan night", format: "in_person", venue: "The bakery", timeZone: "America/Toronto", startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), capacity: 10, seatsTaken: 2, publishedAt: new Date() },
  });
  const fan = await db.ambassador.create({ data: { brandId: brand.id, email: uniqueEmail("ticket"), name: "Tia Ticket", status: "active", joinedAt: new Date() } });
  const ticketCode = randomBytes(18).toString("base64url");
  await db.rsvp.create({ data: { brandId: brand.id, eventId: event.id, ambassadorId: fan.id, status: "going", plusOnes: 1, ticketCode } });

  // The camera sees Tia's ticket, then a QR code that is no ticket (a menu), and loops.
  const dir = path.resolve("tmp/e2e/camera");
  mkdirSync(dir, { recursive: true });
  const video = path.join(dir, `${slug}.y4m`);
  writeQrVideo(video, [`${E2E_URL}/checkin/${ticketCode}`, "https://example.com/menu"]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ["camera"] });
    const page = await context.newPage();
    watch(page, browserProblems);
    await loginAs(page, organizerEmail);
    await page.goto(`/b/${slug}/events/${event.id}/checkin`);
    await expect(page.getByTestId("count-checked-in")).toHaveText("0");
    await page.getByRole("button", { name: "Scan with the camera" }).click();
    await expect(page.getByText("Tia Ticket + 1 guest is checked in.").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("Not a ticket for this event.").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("count-checked-in")).toHaveText("1");
    // The loop brings Tia's ticket back: it says she is in already, and lets nobody else in.
    await expect(page.getByText("Tia Ticket is already checked in.").first()).toBeVisible({ timeout: 20_000 });
    const rsvp = await db.rsvp.findFirstOrThrow({ where: { eventId: event.id, ambassadorId: fan.id } });
    expect(rsvp.checkedInById).toBe(organizer.id);
    expect(await db.timelineEvent.count({ where: { ambassadorId: fan.id, summary: "Checked in at Scan night (ticket scanned)" } })).toBe(1);
    await page.getByRole("button", { name: "Stop the camera" }).click();
    await expect(page.getByLabel("Camera picture for scanning tickets")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  } finally {
    await browser.close();
  }
});

test("a fan chooses which program emails to get @mobile", async ({ page, db }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const slug = `prefs-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Prefs Bakery", slug } });
  const fan = await loginAs(page, uniqueEmail("prefs"), "Pat Prefs");
  const membership = await db.ambassador.create({ data: { brandId: brand.id, userId: fan.id, email: fan.email, name: "Pat Prefs", status: "active", joinedAt: new Date() } });
  await page.goto(`/me/programs/${slug}`);
  const scoops = page.getByLabel("Scoops and previews");
  await expect(scoops).toBeChecked();
  await scoops.uncheck();
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByTestId("toast")).toContainText("Your email choices are saved.");
  await expect(page.getByLabel("Scoops and previews")).not.toBeChecked();
  await expect(page.getByLabel("Events near you")).toBeChecked();
  expect(await db.ambassador.findUniqueOrThrow({ where: { id: membership.id } })).toMatchObject({ emailScoops: false, emailEvents: true, emailProducts: true, emailOptIn: true });
});

test("staff find every section on a phone and at 1280 px, and the directory reads as cards on a phone", async ({ page, db }) => {
  const slug = `nav-${Date.now().toString(36)}`;
  const owner = await loginAs(page, uniqueEmail("nav"), "Nia Nav");
  const brand = await db.brand.create({ data: { name: "Nav Bakery", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await db.ambassador.create({ data: { brandId: brand.id, email: uniqueEmail("card"), name: "Cora Card", city: "Montréal", status: "active", maxFollowers: 12_000 } });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/b/${slug}`);
  const bar = page.getByRole("navigation", { name: "Nav Bakery sections", exact: true });
  for (const name of ["Overview", "Ambassadors", "Scoops", "Events", "Seeding", "Analytics", "Staff", "Settings"]) {
    await expect(bar.getByRole("link", { name, exact: true })).toBeInViewport();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/b/${slug}`);
  await expect(bar).toBeHidden();
  await page.getByTestId("section-menu").getByText("Menu").click();
  const menu = page.getByRole("navigation", { name: "Nav Bakery sections (menu)" });
  for (const name of ["People", "Content", "Insights", "Settings"]) await expect(menu.getByText(name, { exact: true }).first()).toBeVisible();
  await menu.getByRole("link", { name: "Ambassadors" }).click();
  await expect(page).toHaveURL(new RegExp(`/b/${slug}/ambassadors$`));
  await expect(page.getByTestId("section-menu")).toContainText("Menu · Ambassadors");
  const card = page.getByTestId("ambassador-row").filter({ hasText: "Cora Card" });
  await expect(page.getByRole("navigation", { name: "Nav Bakery sections (menu)" })).toBeHidden();
  await card.scrollIntoViewIfNeeded();
  for (const text of ["Status: active", "Tier: micro", "City: Montréal", "Followers: 12,000"]) await expect(card.getByText(text)).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
