import { expect, loginAs, test, uniqueEmail } from "./fixtures";

const DAY = 86_400_000;

test("a manager filters rising micro fans in Toronto, saves the view, and sends a scoop to it; the fit panel explains a fan", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `fit-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Fit Bakery", slug, timeZone: "America/Toronto", memberships: { create: { userId: owner.id, role: "owner" } } } });
  // Three micro fans with their follower history; the stored signals are what the daily refresh computes from it.
  const fans = [
    { name: "Rosa Rising", city: "Toronto", now: 2_000, before: 1_500, growth90: 500 / 1_500 },
    { name: "Sami Steady", city: "Toronto", now: 1_100, before: 1_000, growth90: 0.1 },
    { name: "Tara Away", city: "Hamilton", now: 3_000, before: 2_000, growth90: 0.5 },
  ];
  const emails: Record<string, string> = {};
  for (const f of fans) {
    const email = uniqueEmail(f.name.split(" ")[0].toLowerCase());
    emails[f.name] = email;
    const user = await db.user.create({ data: { email, name: f.name } });
    await db.ambassador.create({
      data: {
        brandId: brand.id,
        email,
        name: f.name,
        userId: user.id,
        city: f.city,
        status: "active",
        joinedAt: new Date(Date.now() - 200 * DAY),
        maxFollowers: f.now,
        growth90: f.growth90,
        signalsAt: new Date(),
        socialAccounts: {
          create: { platform: "instagram", handle: f.name.split(" ")[0].toLowerCase(), followers: f.now, snapshots: { create: [{ followers: f.before, recordedAt: new Date(Date.now() - 100 * DAY) }, { followers: f.now, recordedAt: new Date(Date.now() - DAY) }] } },
        },
      },
    });
  }

  await loginAs(page, owner.email);
  await page.goto(`/b/${slug}/ambassadors`);
  const filters = page.getByRole("search", { name: "Filter ambassadors" });
  await filters.getByRole("combobox", { name: "Tier" }).selectOption("micro");
  await filters.getByRole("combobox", { name: "City" }).selectOption("Toronto");
  await filters.getByLabel(/Rising/).check();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("ambassador-row")).toHaveCount(1);
  await expect(page.getByTestId("ambassador-row")).toContainText("Rosa Rising");

  await page.getByLabel("Save these filters as a view").fill("Rising micro in Toronto");
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByTestId("toast")).toContainText("Saved the view “Rising micro in Toronto”");
  await expect(page.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name: "Rising micro in Toronto" })).toHaveAttribute("aria-current", "page");

  // Her fit panel: growth from the follower history, with where it comes from.
  await page.getByRole("link", { name: "Rosa Rising" }).click();
  await expect(page.getByTestId("fit-growth")).toContainText("90 days: +33 % (from 1,500)");
  await expect(page.getByTestId("fit-growth")).toContainText("the follower history of instagram @rosa");

  // A scoop for the view.
  await page.goto(`/b/${slug}/scoops/new`);
  await page.getByLabel("Title").fill("For our rising stars");
  await page.getByLabel("The scoop").fill("A **first look** at the spring menu.");
  await page.getByLabel("Publish now").check();
  await page.getByLabel("A saved view").check();
  await page.getByRole("radiogroup", { name: "A saved view" }).getByLabel("Rising micro in Toronto").check();
  await page.getByRole("button", { name: "Save scoop" }).click();
  await expect(page.getByTestId("toast")).toContainText("Scoop published");
  await expect(page.getByText("Saved view: Rising micro in Toronto")).toBeVisible();

  const feedOf = async (name: string) => {
    const context = await browser.newContext();
    const fan = await context.newPage();
    await loginAs(fan, emails[name], name);
    await fan.goto("/me/scoops");
    return { fan, context };
  };
  const rosa = await feedOf("Rosa Rising");
  await expect(rosa.fan.getByTestId("scoop-card").filter({ hasText: "For our rising stars" })).toBeVisible();
  await rosa.context.close();
  for (const other of ["Sami Steady", "Tara Away"]) {
    const { fan, context } = await feedOf(other);
    await expect(fan.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(fan.getByTestId("scoop-card")).toHaveCount(0);
    await context.close();
  }
});
