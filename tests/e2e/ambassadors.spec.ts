import { expect, loginAs, readLatestEmail, test, uniqueEmail } from "./fixtures";

test("a manager invites a fan, who accepts, fills in a profile, and shows as an active micro ambassador", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `fans-${Date.now().toString(36)}`;
  await db.brand.create({ data: { name: "Fan Bakery", slug, color: "#b45309", memberships: { create: { userId: owner.id, role: "owner" } } } });
  const fanEmail = uniqueEmail("fan");
  await loginAs(page, owner.email);

  // The manager invites the fan with a personal note.
  await page.goto(`/b/${slug}/invitations`);
  await page.getByLabel("Who to invite").fill(`Nora Fan <${fanEmail}>`);
  await page.getByLabel("Personal note (optional)").fill("Your croissant photos are the best!");
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByTestId("toast")).toContainText("1 invitation is on the way");
  await expect(page.getByTestId("pending-invite")).toContainText(fanEmail);

  // The fan reads the invitation in the outbox and accepts it, signed out.
  const fanContext = await browser.newContext();
  const fan = await fanContext.newPage();
  const text = await readLatestEmail(fan, fanEmail);
  const url = text.match(/http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]+/)![0];
  await fan.goto(url);
  await expect(fan.getByRole("heading", { name: "You're invited, Nora" })).toBeVisible();
  await expect(fan.getByText("Your croissant photos are the best!")).toBeVisible();
  await fan.getByRole("button", { name: "Join Fan Bakery" }).click();
  await expect(fan.getByText("Please accept the program terms to join")).toBeVisible();
  await fan.getByLabel(/I accept Fan Bakery's program terms/).check();
  await fan.getByLabel("City (optional)").fill("Toronto");
  await fan.getByRole("button", { name: "Join Fan Bakery" }).click();
  await expect(fan.getByTestId("toast")).toContainText("Welcome to Fan Bakery's ambassador program");
  await expect(fan.getByText("You are an active ambassador.")).toBeVisible();

  // The fan fills in the profile with an account of 12,400 followers.
  await fan.goto("/me");
  await fan.getByLabel("Handle or address").fill("@norabakes");
  await fan.getByLabel("Followers").fill("12400");
  await fan.getByRole("button", { name: "Save profile" }).click();
  await expect(fan.getByTestId("toast")).toContainText("Your profile is saved");
  await fanContext.close();

  // The manager sees her as active, micro tier, with the join on her timeline.
  await page.goto(`/b/${slug}/ambassadors?q=nora`);
  await page.getByRole("link", { name: "Nora Fan" }).click();
  await expect(page.getByTestId("status")).toHaveText("active");
  await expect(page.getByTestId("tier")).toHaveText("micro");
  await expect(page.getByText("12,400 followers")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Joined the program from an email invitation");
  await expect(page.getByTestId("timeline")).toContainText("Invited by");

  // A private note is added once, and the box is emptied for the next one.
  await page.getByLabel("Add a private note").fill("Loves seeded rye; size M apron.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Loves seeded rye; size M apron.");
  await expect(page.getByLabel("Add a private note")).toHaveValue("");
  await expect(page.getByTestId("timeline").getByText("Loves seeded rye; size M apron.")).toHaveCount(1);
});

test("a fan joins through a shareable link after confirming the email", async ({ page, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `link-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "Link Bakery", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await loginAs(page, owner.email);
  await page.goto(`/b/${slug}/invitations`);
  await page.getByLabel("Name of the link").fill("Counter QR");
  await page.getByLabel("Tag joiners with (optional)").fill("counter-qr");
  await page.getByLabel("Use limit (optional)").fill("50");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("invite-link")).toContainText("Counter QR");
  const url = (await page.getByTestId("invite-link").locator(".font-mono").textContent())!;
  // The link can be copied and shown as a QR code for the counter.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy the link Counter QR" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.getByRole("button", { name: "Show the QR code for Counter QR" }).click();
  await expect(page.getByTestId("qr-code")).toBeVisible();
  expect(await page.getByTestId("qr-code").getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
  await expect(page.getByRole("link", { name: "Download QR code" })).toHaveAttribute("download", "Counter-QR-qr.svg");

  await page.context().clearCookies();
  const fanEmail = uniqueEmail("qr");
  await page.goto(url);
  await page.getByRole("link", { name: "Continue with my email" }).click();
  await page.getByLabel("Email address").fill(fanEmail);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  const outbox = await page.context().newPage();
  const code = (await readLatestEmail(outbox, fanEmail)).match(/\b(\d{6})\b/)![1];
  await outbox.close();
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Join Link Bakery's ambassadors" })).toBeVisible();
  await page.getByLabel("Your name").fill("Quinn Reader");
  await page.getByLabel(/I accept Link Bakery's program terms/).check();
  await page.getByRole("button", { name: "Join Link Bakery" }).click();
  await expect(page.getByTestId("toast")).toContainText("Welcome to the ambassador program");

  const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email: fanEmail }, include: { tags: { include: { tag: true } } } });
  expect(ambassador.status).toBe("active");
  expect(ambassador.tags.map((t) => t.tag.name)).toEqual(["counter-qr"]);
});

test("a stranger applies on the public page, the manager approves, and the fan is notified", async ({ page, browser, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `apply-${Date.now().toString(36)}`;
  await db.brand.create({
    data: {
      name: "Apply Bakery",
      slug,
      memberships: { create: { userId: owner.id, role: "owner" } },
      applicationQuestions: JSON.stringify([{ id: "fav123", label: "Favourite bake?", type: "single", options: ["Rye", "Babka"], required: true, lifeMoment: false }]),
    },
  });
  const fanEmail = uniqueEmail("stranger");

  const visitor = await browser.newContext();
  const fan = await visitor.newPage();
  await fan.goto(`/join/${slug}`);
  await fan.getByLabel("Your name").fill("Sol Stranger");
  await fan.getByLabel("Email address").fill(fanEmail);
  await fan.getByLabel("City").fill("Toronto");
  await fan.getByLabel("What do you love about Apply Bakery?").fill("The babka on Sunday mornings is perfect.");
  await fan.getByLabel("Handle or address").fill("@solbakes");
  await fan.getByLabel("Followers").fill("650");
  await fan.getByRole("button", { name: "Send my application" }).click();
  await expect(fan.getByText("Choose one")).toBeVisible();
  await expect(fan.getByText("Please accept the program terms to apply")).toBeVisible();
  await fan.getByLabel("Babka").check();
  await fan.getByLabel(/I accept Apply Bakery's program terms/).check();
  await fan.getByRole("button", { name: "Send my application" }).click();
  await expect(fan.getByRole("heading", { name: "Thank you for applying!" })).toBeVisible();

  await loginAs(page, owner.email);
  await page.goto(`/b/${slug}/applications`);
  const card = page.getByTestId("application").filter({ hasText: "Sol Stranger" });
  await expect(card).toContainText("The babka on Sunday mornings is perfect.");
  await expect(card).toContainText("nano · 650 followers");
  await expect(card).toContainText("Babka");
  await card.getByLabel(/Message to Sol/).fill("Can't wait to meet you!");
  await card.getByRole("button", { name: "Approve Sol Stranger" }).click();
  await expect(page.getByTestId("toast")).toContainText("Approved");

  const text = await readLatestEmail(fan, fanEmail);
  expect(text).toContain("approved your application");
  expect(text).toContain("Can't wait to meet you!");
  await visitor.close();
});

test("a CSV import with good and bad rows shows the right counts", async ({ page, db }) => {
  test.slow();
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const slug = `csv-${Date.now().toString(36)}`;
  await db.brand.create({ data: { name: "CSV Bakery", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await loginAs(page, owner.email);
  const stamp = Date.now().toString(36);
  const csv = [
    "E-mail;First name;Last name;IG handle;IG followers;Notes",
    `ana.${stamp}@example.com;Ana;Lima;@ana;1.2k;likes rye`,
    `bo.${stamp}@example.com;Bo;Chen;;;`,
    `ana.${stamp}@example.com;Ana;Again;;;`,
    "not-an-email;Broken;Row;;;",
    `cy.${stamp}@example.com;Cy;Park;@cy;lots;`,
  ].join("\n");

  await page.goto(`/b/${slug}/imports`);
  await page.getByLabel(/CSV file/).setInputFiles({ name: "newsletter.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: "Import “newsletter.csv”" })).toBeVisible();
  await expect(page.getByLabel("Column 1: “E-mail”")).toHaveValue("email");
  await expect(page.getByLabel("Column 6: “Notes”")).toHaveValue("ignore");
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("repeats an earlier row");
  await expect(preview).toContainText('invalid email "not-an-email"');
  await expect(preview).toContainText('Imported; Instagram followers "lots" is not a number; imported without it');
  // A refused row keeps its values in their own columns.
  const broken = page.getByTestId("preview-row").filter({ hasText: "not-an-email" });
  await expect(broken.locator("td").nth(1)).toHaveText("not-an-email");
  await expect(broken.locator("td").nth(2)).toHaveText("Broken Row");
  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("imported-count")).toHaveText("3");
  await expect(page.getByTestId("noted-count")).toHaveText("1");
  await expect(page.getByTestId("duplicate-count")).toHaveText("1");
  await expect(page.getByTestId("rejected-count")).toHaveText("1");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the rows with problems/ }).click();
  const file = await (await download).path();
  const text = (await import("node:fs")).readFileSync(file, "utf8");
  expect(text).toContain("not-an-email");
  expect(text).toContain('Instagram followers ""lots"" is not a number; imported without it');
  expect(text).toContain("repeats an earlier row");

  // Imported fans were not sent an invitation: their page says so and offers one.
  await page.goto(`/b/${slug}/ambassadors?q=cy.${stamp}`);
  await page.getByRole("link", { name: "Cy Park" }).first().click();
  await expect(page.getByTestId("status")).toHaveText("not invited yet");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("toast")).toContainText(`Invitation sent to cy.${stamp}@example.com`);
  await expect(page.getByTestId("status")).toHaveText("invited");
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
});
