import { describe, expect, test } from "vitest";
import { loader } from "#app/routes/b.$brand.ambassadors";
import { db } from "#app/utils/db.server";
import { callLoader, cookieFor } from "#tests/utils";
import { createAmbassador, createBrand, createUser } from "#tests/factories";

describe("the ambassador directory", () => {
  test("filters by status, tier, tag, city, handle and gone quiet, and sorts, within the brand only", async () => {
    const owner = await createUser(db);
    const brand = await createBrand(db, { ownerId: owner.id });
    const other = await createBrand(db);
    await createAmbassador(db, brand.id, { name: "Ana Nano", city: "Toronto", followers: [300], tags: ["rye"], status: "active" });
    await createAmbassador(db, brand.id, { name: "Bo Micro", city: "Ottawa", followers: [5_000], tags: ["rye", "vegan"], status: "active" });
    const quiet = await createAmbassador(db, brand.id, { name: "Cy Macro", city: "Toronto", followers: [250_000], status: "paused" });
    await db.ambassador.update({ where: { id: quiet.id }, data: { lastTouchAt: new Date(Date.now() - 90 * 86_400_000) } });
    await createAmbassador(db, other.id, { name: "Ana Elsewhere", city: "Toronto", followers: [300], tags: ["rye"] });
    const cookie = await cookieFor(owner.id);
    const names = async (query: string) => {
      const res = await callLoader(loader, `/b/${brand.slug}/ambassadors?${query}`, { cookie, params: { brand: brand.slug } });
      return res.data.rows.map((r: { name: string }) => r.name);
    };
    expect(await names("")).toEqual(["Ana Nano", "Bo Micro", "Cy Macro"]);
    expect(await names("status=active")).toEqual(["Ana Nano", "Bo Micro"]);
    expect(await names("tier=micro")).toEqual(["Bo Micro"]);
    expect(await names("tag=rye&city=Toronto")).toEqual(["Ana Nano"]);
    expect(await names("quiet=1")).toEqual(["Cy Macro"]);
    expect(await names("sort=followers")).toEqual(["Cy Macro", "Bo Micro", "Ana Nano"]);
    expect(await names("q=ana")).toEqual(["Ana Nano"]);
    const handle = (await db.socialAccount.findFirstOrThrow({ where: { ambassador: { name: "Bo Micro" } } })).handle;
    expect(await names(`q=@${handle}`)).toEqual(["Bo Micro"]);
    // Nonsense filter values are ignored rather than failing the page.
    expect(await names("status=royalty&tier=giga&sort=random")).toHaveLength(3);
    const facets = (await callLoader(loader, `/b/${brand.slug}/ambassadors`, { cookie, params: { brand: brand.slug } })).data.facets;
    expect(facets).toEqual({ tags: ["rye", "vegan"], cities: ["Ottawa", "Toronto"] });
  });
});
