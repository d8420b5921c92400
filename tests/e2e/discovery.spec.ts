import { expect, loginAs, test, uniqueEmail } from "./fixtures";

// In demo mode (as the browser tests run) the connected accounts read the recorded sample answers through the real
// readers: @noor.makes.bread tagged the brand on Instagram, as did @crumbqueen.to and @weekendloaves.
test("the owner connects Instagram; a fan's found post is approved and she allows its reuse; an unknown fan is invited from the list and joins", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `found-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Found Bakery", slug, timeZone: "America/Toronto", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const noorEmail = uniqueEmail("noor");
  const noorUser = await db.user.create({ data: { email: noorEmail, name: "Noor Haddad" } });
  await db.ambassador.create({
    data: { brandId: brand.id, email: noorEmail, name: "Noor Haddad", userId: noorUser.id, status: "active", joinedAt: new Date(), maxFollowers: 2300, socialAccounts: { create: { platform: "instagram", handle: "Noor.Makes.Bread", followers: 2300 } } },
  });

  // Connect the brand's Instagram account in settings; a wrong id is explained on its field first.
  await loginAs(page, owner.email);
  await page.goto(`/b/${slug}/settings`);
  const instagram = page.getByTestId("connection-instagram");
  await instagram.getByLabel("Instagram account id").fill("juniper");
  await instagram.getByLabel("Access token").fill("EAAGdemotokenfortheconnection0001");
  await instagram.getByRole("button", { name: "Connect Instagram" }).click();
  await expect(instagram.getByText(/The Instagram account id is a number/)).toBeVisible();
  await instagram.getByLabel("Instagram account id").fill("17841400000000001");
  await instagram.getByRole("button", { name: "Connect Instagram" }).click();
  await expect(page.getByTestId("toast")).toContainText("Connected");
  await expect(instagram.getByText("access token stored (encrypted)")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("EAAGdemotoken");
  // The first read runs in the background.
  await expect(async () => {
    await page.reload();
    await expect(instagram.getByText(/Last read/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // Noor's post waits in the review queue, found automatically; the manager approves it.
  await page.goto(`/b/${slug}/posts?show=found`);
  const row = page.getByTestId("post-row").filter({ hasText: "Noor Haddad on Instagram" });
  await expect(row.getByText("Found automatically")).toBeVisible();
  await row.getByRole("button", { name: "Approve into library" }).click();
  await expect(page.getByTestId("toast")).toContainText("Added to the content library");

  // ...and asks her whether the brand may reuse it.
  await page.goto(`/b/${slug}/posts?show=approved`);
  await page.getByRole("link", { name: "Noor Haddad on Instagram" }).click();
  await page.getByLabel("What you'd like to reuse").fill("The photo of the loaf, credited to @noor.makes.bread");
  await page.getByLabel("The brand's website").check();
  await page.getByRole("button", { name: "Ask for permission" }).click();
  await expect(page.getByTestId("toast")).toContainText("Asked the fan");
  await expect(page.getByTestId("usage-rights")).toContainText("Waiting for the fan");

  const fanContext = await browser.newContext();
  const fan = await fanContext.newPage();
  await loginAs(fan, noorEmail, "Noor Haddad");
  await fan.goto("/me/posts");
  const request = fan.getByTestId("reuse-request");
  await expect(request).toContainText("Found Bakery would love to reuse this post");
  await expect(request).toContainText("The brand's own social media accounts, The brand's website");
  await request.getByRole("button", { name: "Yes, they may reuse it" }).click();
  await expect(fan.getByTestId("toast")).toContainText("may now reuse");
  await expect(request).toContainText("You allowed Found Bakery to reuse this post");
  await fanContext.close();

  await page.goto(`/b/${slug}/posts?show=cleared`);
  await expect(page.getByTestId("post-row")).toHaveCount(1);
  await expect(page.getByTestId("cleared-badge")).toContainText("Cleared for reuse until");

  // The fans who are not in the program are on "Already posting": invite one by a link to send by DM.
  await page.getByRole("link", { name: "Already posting" }).click();
  await expect(page.getByRole("heading", { name: "Fans already posting about you" })).toBeVisible();
  const crumb = page.getByRole("listitem", { name: "@crumbqueen.to on Instagram" });
  await expect(crumb).toContainText("Best croissant in the city?");
  await crumb.getByRole("button", { name: "Invite @crumbqueen.to" }).click();
  await expect(page.getByTestId("toast")).toBeVisible();
  await page.getByRole("link", { name: /^Invited/ }).click();
  const link = (await page.getByTestId("found-invite-link").textContent())!.trim();
  expect(link).toMatch(/\/i\/\w+/);

  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  const newcomerEmail = uniqueEmail("crumb");
  await loginAs(newcomer, newcomerEmail);
  await newcomer.goto(link);
  await newcomer.getByLabel("Your name").fill("Cara Crumb");
  await newcomer.getByLabel(/I accept Found Bakery's program terms/).check();
  await newcomer.getByRole("button", { name: "Join Found Bakery" }).click();
  await expect(newcomer.getByTestId("toast")).toContainText("Welcome to the ambassador program");
  await newcomerContext.close();

  await page.reload();
  await expect(page.getByRole("listitem", { name: "@crumbqueen.to on Instagram" })).toContainText("Joined the program");
  const joined = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: newcomerEmail }, select: { status: true, socialAccounts: { select: { platform: true, handle: true } } } });
  expect(joined).toEqual({ status: "active", socialAccounts: [{ platform: "instagram", handle: "crumbqueen.to" }] });
});
