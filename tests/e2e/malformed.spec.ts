// Forms sent by hand (not by the page) with a single value where the page has a list: the page shows the form
// again with a 400, instead of failing to render (a 500).
import { expect, loginAs, test, uniqueEmail } from "./fixtures";

test("a single value sent for a list field re-renders the form with a 400", async ({ page, db }) => {
  const owner = await db.user.create({ data: { email: uniqueEmail("lists"), name: "Lia Lists" } });
  const slug = `lists-${Date.now().toString(36)}`;
  const brand = await db.brand.create({ data: { name: "List Bakery", slug, memberships: { create: { userId: owner.id, role: "owner" } } } });
  await db.ambassador.create({ data: { brandId: brand.id, userId: owner.id, email: owner.email, name: "Lia Lists", status: "active" } });
  await loginAs(page, owner.email);
  for (const [url, form] of [
    [`/b/${slug}/seeding/new`, { intent: "create", name: "", products: "oops" }],
    [`/b/${slug}/program`, { intent: "save", questions: "oops", quietAfterDays: "x" }],
    ["/me", { intent: "save", name: "", accounts: "oops" }],
  ] as const) {
    const res = await page.request.post(url, { form, maxRedirects: 0 });
    expect(res.status(), `${url}: ${(await res.text()).slice(0, 200)}`).toBe(400);
  }
});
