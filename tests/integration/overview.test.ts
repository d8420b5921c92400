import { describe, expect, test } from "vitest";
import { loader as overviewLoader } from "#app/routes/b.$brand._index/route";
import { db } from "#app/utils/db.server";
import { callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

async function brandWithWork(name: string, work: { posts: { status: string; disclosureFlag?: boolean; embargoFlag?: boolean }[]; applications: string[]; staff: number }) {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name });
  for (let i = 0; i < work.staff; i++) await addStaff(db, brand.id, (await createUser(db)).id, i % 2 ? "organizer" : "manager");
  const fan = await createAmbassador(db, brand.id, { city: "Toronto" });
  for (const [i, post] of work.posts.entries()) {
    await db.post.create({
      data: { brandId: brand.id, ambassadorId: fan.id, url: `https://x.com/f/status/${i}`, platform: "x", externalId: `${name}-${i}`, postedAt: new Date("2026-11-20T10:00:00Z"), day: "2026-11-20", ...post },
    });
  }
  for (const [i, status] of work.applications.entries()) {
    await db.application.create({ data: { brandId: brand.id, email: `applicant${i}@example.com`, name: `Applicant ${i}`, whyLove: "The rye", status } });
  }
  return { brand, cookie: await cookieFor(owner.id) };
}

describe("brand overview", () => {
  test("the work waiting for the team equals straight counts of this brand's rows, and nothing of another brand", async () => {
    const posts = [
      { status: "pending" },
      { status: "pending", disclosureFlag: true },
      { status: "approved", embargoFlag: true },
      { status: "approved", disclosureFlag: true, embargoFlag: true },
      { status: "hidden", disclosureFlag: true },
      { status: "approved" },
    ];
    const mine = await brandWithWork("Overview Rye", { posts, applications: ["pending", "pending", "approved", "declined"], staff: 3 });
    await brandWithWork("Overview Other", { posts: [...posts, ...posts], applications: ["pending", "pending", "pending"], staff: 5 });

    const { data } = await callLoader(overviewLoader, `/b/${mine.brand.slug}`, { cookie: mine.cookie, params: { brand: mine.brand.slug } });
    const brandId = mine.brand.id;
    const straight = {
      staff: await db.membership.count({ where: { brandId } }),
      applications: await db.application.count({ where: { brandId, status: "pending" } }),
      requests: await db.seedingRequest.count({ where: { brandId, status: "requested" } }),
      flagged: await db.post.count({ where: { brandId, status: { not: "hidden" }, OR: [{ disclosureFlag: true }, { embargoFlag: true }] } }),
      toReview: await db.post.count({ where: { brandId, status: "pending" } }),
    };
    expect(straight).toEqual({ staff: 4, applications: 2, requests: 0, flagged: 3, toReview: 2 });
    expect(data.staff).toBe(straight.staff);
    expect(data.todo).toEqual([
      { count: 2, label: "applications to answer", to: "applications" },
      { count: 3, label: "posts flagged (disclosure or embargo)", to: "posts?show=flagged" },
      { count: 2, label: "posts to review", to: "posts" },
    ]);
  });
});
