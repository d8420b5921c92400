import { expect, loginAs, readLatestEmail, test, uniqueEmail } from "./fixtures";

test("a newcomer signs in with the emailed code, creates a brand and invites a manager who joins", async ({ page, browser }) => {
  test.slow(); // two people, two sign-ins, five pages
  const ownerEmail = uniqueEmail("owner");
  const managerEmail = uniqueEmail("manager");
  const brandName = `Crumb Club ${Date.now().toString(36)}`;

  // Sign in with the code read from the outbox.
  await page.goto("/login");
  await page.getByLabel("Email address").fill(ownerEmail);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const outbox = await page.context().newPage();
  const text = await readLatestEmail(outbox, ownerEmail);
  const code = text.match(/\b(\d{6})\b/)![1];
  await outbox.close();
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: /Hello/ })).toBeVisible();

  // Create a brand; the address fills in from the name.
  await page.getByRole("link", { name: "Create a brand" }).click();
  await page.getByLabel("Brand name").fill(brandName);
  await expect(page.getByLabel("Web address")).toHaveValue(/^crumb-club-/);
  await page.getByLabel("Time zone").selectOption("America/Toronto");
  await page.getByRole("button", { name: "Create brand" }).click();
  await expect(page.getByTestId("toast")).toContainText(`${brandName} is ready`);
  await expect(page.getByRole("heading", { name: brandName })).toBeVisible();

  // Invite a manager.
  await page.getByRole("link", { name: "Staff" }).click();
  // A pasted line far too long for an address gets one clear message, not the same one twice.
  await page.getByLabel("Email address").fill(`${"x".repeat(300)}@example.com`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("That is too long for an email address (254 characters at most)")).toHaveCount(1);
  await expect(page.getByText("Enter a valid email address, like name@example.com")).toHaveCount(0);
  await page.getByLabel("Email address").fill(managerEmail);
  // The least privilege is the default; a wider role is chosen on purpose.
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("organizer");
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("toast")).toContainText(`Invitation sent to ${managerEmail}`);
  // The form starts again for the next person: empty address, least-privilege role.
  await expect(page.getByLabel("Email address")).toHaveValue("");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("organizer");
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(managerEmail)).toBeVisible();

  // The manager opens the invitation in another browser, signs in, accepts and sees the brand.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const invite = await readLatestEmail(manager, managerEmail);
  const inviteUrl = invite.match(/http:\/\/localhost:\d+\/invites\/[A-Za-z0-9_-]+/)![0];
  await manager.goto(inviteUrl);
  await manager.getByRole("link", { name: `Sign in as ${managerEmail} to accept` }).click();
  await expect(manager.getByLabel("Email address")).toHaveValue(managerEmail);
  await manager.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(manager.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await managerContext.newPage();
  const managerCode = (await readLatestEmail(mail, managerEmail)).match(/\b(\d{6})\b/)![1];
  await mail.close();
  await manager.getByLabel("Sign-in code").fill(managerCode);
  await manager.getByRole("button", { name: "Sign in" }).click();
  await manager.getByRole("button", { name: `Accept and join ${brandName}` }).click();
  await expect(manager.getByTestId("toast")).toContainText("Welcome to the team");
  await expect(manager.getByRole("heading", { name: brandName })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Ambassadors" })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Staff" })).toHaveCount(0);
  await managerContext.close();
});

test("an organizer cannot open the ambassadors page", async ({ page, db }) => {
  const owner = await db.user.create({ data: { email: uniqueEmail("own") } });
  const brand = await db.brand.create({ data: { name: "Organizer Test", slug: `org-${Date.now().toString(36)}`, timeZone: "America/Toronto", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const organizer = await loginAs(page, uniqueEmail("org"), "Léa Organizer");
  await db.membership.create({ data: { brandId: brand.id, userId: organizer.id, role: "organizer" } });

  await page.goto(`/b/${brand.slug}`);
  await expect(page).toHaveURL(new RegExp(`/b/${brand.slug}/events$`));
  await expect(page.getByRole("link", { name: "Ambassadors" })).toHaveCount(0);
  const response = await page.goto(`/b/${brand.slug}/ambassadors`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  // The layout stays: the brand navigation is still there.
  await expect(page.getByRole("navigation", { name: /sections/ }).getByRole("link", { name: "Events" })).toBeVisible();
});

test("a member of brand A gets 404 on brand B's pages", async ({ page, db }) => {
  const ownerB = await db.user.create({ data: { email: uniqueEmail("ownerb") } });
  const brandB = await db.brand.create({ data: { name: "Brand B", slug: `bee-${Date.now().toString(36)}`, memberships: { create: { userId: ownerB.id, role: "owner" } } } });
  const message = await db.outboxMessage.create({ data: { brandId: brandB.id, to: "x@example.com", from: "k", subject: "B only", template: "t", html: "", text: "" } });
  const userA = await loginAs(page, uniqueEmail("ownera"));
  const brandA = await db.brand.create({ data: { name: "Brand A", slug: `ay-${Date.now().toString(36)}`, memberships: { create: { userId: userA.id, role: "owner" } } } });

  for (const path of ["", "/ambassadors", "/events", "/staff", "/settings", "/outbox", `/outbox/${message.id}`]) {
    const response = await page.goto(`/b/${brandB.slug}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expect(page.getByText("B only")).toHaveCount(0);
  // In one's own brand, a record the model does not find (its NotFound, from the production build) is a 404 too.
  for (const path of ["/scoops/no-such-scoop", "/imports/no-such-import"]) {
    const response = await page.goto(`/b/${brandA.slug}${path}`);
    expect(response?.status(), path).toBe(404);
  }
});

test("a duplicate brand address is explained on the field and the form keeps what was typed", async ({ page, db }) => {
  const owner = await db.user.create({ data: { email: uniqueEmail("dupe") } });
  const slug = `dupe-${Date.now().toString(36)}`;
  await db.brand.create({ data: { name: "First", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await loginAs(page, uniqueEmail("second"));
  await page.goto("/brands/new");
  await page.getByLabel("Brand name").fill("Second Bakery");
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Program guidelines").fill("Be yourself.");
  await page.getByRole("button", { name: "Create brand" }).click();
  const slugField = page.getByLabel("Web address");
  await expect(page.getByText("That address is already taken; choose another")).toBeVisible();
  await expect(slugField).toHaveAttribute("aria-invalid", "true");
  await expect(slugField).toBeFocused();
  await expect(page.getByLabel("Brand name")).toHaveValue("Second Bakery");
  await expect(page.getByLabel("Program guidelines")).toHaveValue("Be yourself.");
});

test("a wrong code gets a message; sign out everywhere ends every session", async ({ page, browser }) => {
  const email = uniqueEmail("wrong");
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await page.getByLabel("Sign-in code").fill("12");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The code is six digits, like 493021")).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAs(otherPage, email);
  await loginAs(page, email);
  await page.goto("/account");
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByTestId("toast")).toContainText("signed out on every device");
  await otherPage.goto("/home");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});

test("demo mode offers one-click sign-in, and the home page works on a phone @mobile", async ({ page, db }) => {
  // Demo people exist only after the seed; create one so the button works on the empty test database.
  await db.user.upsert({ where: { email: "priya@fans.example" }, create: { email: "priya@fans.example", name: "Priya Raman" }, update: {} });
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in as Priya Raman, Ambassador" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Priya Raman" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your ambassador programs" })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(width).toBeLessThanOrEqual(0);
});

test("unknown pages are a 404 inside the app's layout", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kindred" })).toBeVisible();
});

test("pages carry security headers and a per-request script nonce", async ({ page, request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["x-powered-by"]).toBeUndefined();
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  // Scripts run under the policy: the page hydrates and client-side validation works.
  await page.goto("/brands/new");
  await loginAs(page, uniqueEmail("csp"));
  await page.goto("/brands/new");
  await page.getByLabel("Brand name").fill("A");
  await page.getByLabel("Brand name").blur();
  await expect(page.getByText("The name needs at least 2 characters")).toBeVisible();
});
