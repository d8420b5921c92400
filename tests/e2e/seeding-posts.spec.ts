import { expect, loginAs, readLatestEmail, test, uniqueEmail } from "./fixtures";

test("a fan requests a seeded product, it ships, her post without disclosure is flagged and she is asked; the dashboard counts it", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `seed-${Date.now().toString(36)}`;
  const brand = await db.brand.create({
    data: { name: "Seed Bakery", slug, timeZone: "America/Toronto", disclosureText: "Gifted by Seed Bakery", memberships: { create: { userId: owner.id, role: "owner" } } },
  });
  const fanEmail = uniqueEmail("nadia");
  const fanUser = await db.user.create({ data: { email: fanEmail, name: "Nadia Baker" } });
  await db.ambassador.create({
    data: { brandId: brand.id, email: fanEmail, name: "Nadia Baker", userId: fanUser.id, maxFollowers: 5200, socialAccounts: { create: { platform: "instagram", handle: "nadiabakes", followers: 5200 } } },
  });

  // The manager sets up a campaign.
  await loginAs(page, owner.email);
  await page.goto(`/b/${slug}/seeding`);
  await page.getByRole("link", { name: "New campaign" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Spring starter kit");
  await page.getByLabel("Call to action").fill("Bake something with our rye starter — only if you feel like it.");
  await page.getByLabel("Product 1").fill("Rye starter");
  await page.getByLabel("Value each ($)").fill("24");
  // Each variant has its own name and stock boxes.
  await page.getByLabel("Variant 1", { exact: true }).fill("Small jar");
  await page.getByLabel("Stock of variant 1").fill("5");
  await page.getByRole("button", { name: "+ Add a variant" }).click();
  await page.getByLabel("Variant 2", { exact: true }).fill("Large jar");
  await page.getByLabel("Stock of variant 2").fill("2");
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByTestId("toast")).toContainText("Campaign created");
  const campaignUrl = page.url();

  // The fan asks for it.
  const fanContext = await browser.newContext();
  const fan = await fanContext.newPage();
  await loginAs(fan, fanEmail, "Nadia Baker");
  await fan.goto("/me/seeding");
  await fan.getByRole("link", { name: /Spring starter kit/ }).click();
  await expect(fan.getByText("No strings attached: you never have to post.")).toBeVisible();
  await fan.getByLabel("Rye starter — Large jar").check();
  await fan.getByLabel("Name on the parcel").fill("Nadia Baker");
  await fan.getByLabel("Street address").fill("12 Dundas St W");
  await fan.getByLabel("City").fill("Toronto");
  await fan.getByLabel("Postal code").fill("M5G 1Z3");
  await fan.getByLabel("Country").fill("Canada");
  await fan.getByRole("button", { name: "Request it" }).click();
  await expect(fan.getByTestId("toast")).toContainText("Request sent");
  await expect(fan.getByTestId("my-request-status")).toHaveText("Requested — the team will let you know");
  const fanCampaignUrl = fan.url();

  // The manager approves and ships it.
  await page.goto(campaignUrl);
  await page.getByLabel("Select Nadia Baker").check();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByTestId("toast")).toContainText("1 request approved");
  await page.getByLabel("Carrier").fill("Canada Post");
  await page.getByLabel("Tracking number").fill("CP-7023-4567");
  await page.getByLabel("Tracking link (optional)").fill("https://tracking.example/CP-7023-4567");
  await page.getByRole("button", { name: "Mark shipped for Nadia Baker" }).click();
  await expect(page.getByTestId("toast")).toContainText("Marked shipped");
  await expect(page.getByTestId("request-status")).toHaveText("Shipped");
  const shipped = await readLatestEmail(fan, fanEmail);
  expect(shipped).toContain("CP-7023-4567");
  expect(shipped).toContain("https://tracking.example/CP-7023-4567");

  // Her page shows the parcel's carrier, number and a tracking link, and offers feedback instead of a post.
  await fan.goto(fanCampaignUrl);
  await expect(fan.getByTestId("my-request-status")).toHaveText("On its way");
  await expect(fan.getByTestId("tracking")).toContainText("Canada Post · Tracking number CP-7023-4567");
  await expect(fan.getByRole("link", { name: "Track your parcel" })).toHaveAttribute("href", "https://tracking.example/CP-7023-4567");
  await expect(fan.getByLabel("I'd rather give feedback than post")).toBeVisible();

  // She posts on Instagram without a disclosure: it is flagged and she is reminded.
  await fan.goto("/me/posts");
  await expect(fan.getByText(/Remember to disclose/)).toBeVisible();
  await fan.getByLabel("Link to the post").fill("https://www.instagram.com/p/C9rYeStArTeR/?igsh=abc123");
  await fan.getByLabel("Caption").fill("Sunday rye with the new starter, so tangy!");
  await fan.getByLabel("likes").fill("320");
  await fan.getByLabel("comments").fill("41");
  await fan.getByRole("button", { name: "Add post" }).click();
  await expect(fan.getByTestId("toast")).toContainText("please start the caption with a disclosure");
  await expect(fan.getByTestId("disclosure-needed")).toBeVisible();

  // The manager sees the flag and asks, kindly.
  await page.goto(`/b/${slug}/posts?show=flagged`);
  const row = page.getByTestId("post-row").filter({ hasText: "Nadia Baker" });
  await expect(row).toContainText("No clear disclosure");
  await row.getByRole("button", { name: "Ask for a disclosure" }).click();
  await expect(page.getByTestId("toast")).toContainText("Asked the fan");
  const ask = await readLatestEmail(fan, fanEmail);
  expect(ask).toContain("Gifted by Seed Bakery");
  await fanContext.close();

  // The dashboard shows the post under the campaign and the micro tier.
  await page.goto(`/b/${slug}/analytics`);
  await expect(page.getByTestId("table-campaigns")).toContainText("Spring starter kit");
  const campaignRow = page.getByTestId("table-campaigns").getByRole("row").filter({ hasText: "Spring starter kit" });
  await expect(campaignRow.getByRole("cell").nth(3)).toHaveText("1");
  await page.getByRole("region", { name: "Engagement and interactions by tier" }).getByText("Table").click();
  const micro = page.getByTestId("table-tiers").getByRole("row").filter({ hasText: "micro" });
  await expect(micro.getByRole("cell").nth(1)).toHaveText("1");
  // Both sides of the nano-vs-micro trade-off are on the page: the rate and the interactions.
  await expect(page.getByTestId("tier-summary")).toContainText("micro: engagement 6.94 % · 361 interactions over 1 post");
  // The quick ranges: the default is the last 90 days; "All time" counts the same post, from the roll-ups.
  const ranges = page.getByRole("navigation", { name: "Date range" });
  await expect(ranges.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "page");
  await ranges.getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(ranges.getByRole("link", { name: "All time" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("tier-summary")).toContainText("micro: engagement 6.94 % · 361 interactions over 1 post");
  await expect(page.getByRole("link", { name: "Download CSV" }).first()).toHaveAttribute("href", /range=all/);
});
