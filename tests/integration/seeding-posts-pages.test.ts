import { describe, expect, test } from "vitest";
import "#app/jobs.server";
import { loader as analyticsLoader } from "#app/routes/b.$brand.analytics/route";
import { loader as overviewLoader } from "#app/routes/b.$brand._index/route";
import { loader as analyticsCsv } from "#app/routes/b.$brand.analytics[.]csv/route";
import { action as linksAction, loader as linksLoader } from "#app/routes/b.$brand.links/route";
import { action as postsAction, loader as postsLoader } from "#app/routes/b.$brand.posts/route";
import { action as campaignAction } from "#app/routes/b.$brand.seeding_.$id/route";
import { action as newCampaignAction } from "#app/routes/b.$brand.seeding_.new/route";
import { loader as seedingLoader } from "#app/routes/b.$brand.seeding/route";
import { loader as packingCsv } from "#app/routes/b.$brand.seeding_.$id_.packing[.]csv/route";
import { action as fanCampaignAction, loader as fanCampaignLoader } from "#app/routes/me.seeding_.$id/route";
import { action as myPostsAction, loader as myPostsLoader } from "#app/routes/me.posts/route";
import { action as myLinksAction } from "#app/routes/me.links/route";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createUser } from "#tests/factories";

async function setup() {
  const owner = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Route Seeds" });
  await db.brand.update({ where: { id: brand.id }, data: { allowedDomains: "routeseeds.example", disclosureText: "Gifted by Route Seeds" } });
  const organizer = await createUser(db);
  await addStaff(db, brand.id, organizer.id, "organizer");
  const fanUser = await createUser(db, { name: "Rita Fan" });
  const fan = await createAmbassador(db, brand.id, { userId: fanUser.id, email: fanUser.email, name: "Rita Fan", city: "Toronto", tags: ["vip"], followers: [800] });
  const outsiderUser = await createUser(db);
  await createAmbassador(db, brand.id, { userId: outsiderUser.id, email: outsiderUser.email, city: "Ottawa" });
  return { brand, owner, organizer, fanUser, fan, outsiderUser, cookie: await cookieFor(owner.id), params: { brand: brand.slug } };
}

const address = { name: "Rita Fan", line1: "1 Queen St", city: "Toronto", postalCode: "M5H 2N2", country: "Canada" };

describe("seeding and posts pages", () => {
  test("a campaign for a tag: the tagged fan requests through the page, the outsider gets 404, the packing list has the address", async () => {
    const s = await setup();
    const created = await callAction(newCampaignAction, `/b/${s.brand.slug}/seeding/new`, {
      cookie: s.cookie,
      params: s.params,
      form: { intent: "create", name: "VIP box", mode: "request", audienceKind: "tag", audienceValues: "vip", followUpDays: "7, 14", "products[0].name": "Starter", "products[0].value": "12.5", "products[0].variants[0].name": "Jar", "products[0].variants[0].stock": "1" },
    });
    expect(created.status).toBe(302);
    const campaign = await db.seedingCampaign.findFirstOrThrow({ where: { brandId: s.brand.id }, include: { variants: true, products: true } });
    expect(campaign.products[0].valueCents).toBe(1250);
    const fanCookie = await cookieFor(s.fanUser.id);
    const missing = await callAction(fanCampaignAction, `/me/seeding/${campaign.id}`, { cookie: fanCookie, params: { id: campaign.id }, form: { intent: "request", name: "", line1: "" } });
    expect(missing.status).toBe(400);
    expect(missing.data.result.error.variantId).toEqual(["Choose one of the options."]);
    expect(missing.data.result.error.line1).toEqual(["Enter the street address."]);
    const ok = await callAction(fanCampaignAction, `/me/seeding/${campaign.id}`, { cookie: fanCookie, params: { id: campaign.id }, form: { intent: "request", variantId: campaign.variants[0].id, ...address, saveAddress: "on" } });
    expect(ok.status).toBe(302);
    const outsiderCookie = await cookieFor(s.outsiderUser.id);
    expect((await callLoader(fanCampaignLoader, `/me/seeding/${campaign.id}`, { cookie: outsiderCookie, params: { id: campaign.id } })).status).toBe(404);

    const request = await db.seedingRequest.findFirstOrThrow({ where: { campaignId: campaign.id } });
    const approve = await callAction(campaignAction, `/b/${s.brand.slug}/seeding/${campaign.id}`, { cookie: s.cookie, params: { ...s.params, id: campaign.id }, form: { intent: "approve", ids: [request.id] } });
    expect(approve.status).toBe(302);
    const csv = await callLoader(packingCsv, `/b/${s.brand.slug}/seeding/${campaign.id}/packing.csv`, { cookie: s.cookie, params: { ...s.params, id: campaign.id } });
    expect(csv.status).toBe(200);
    const packing = await csv.text();
    const [header, row, ...rest] = packing.trim().split(/\r?\n/);
    expect(rest).toEqual([]);
    for (const part of [request.id, "Rita Fan", "1 Queen St", "Toronto", "M5H 2N2", "Canada", "Starter", "Jar"]) expect(row, part).toContain(part);
    expect(header.toLowerCase()).toContain("postal");
    const shipCsv = `request id,carrier,tracking number\n${request.id},Canada Post,CP1\nnope,UPS,1Z\n`;
    const shipped = await callAction(campaignAction, `/b/${s.brand.slug}/seeding/${campaign.id}`, { cookie: s.cookie, params: { ...s.params, id: campaign.id }, form: { intent: "tracking" }, files: { file: [{ name: "tracking.csv", type: "text/csv", content: shipCsv }] } });
    expect(shipped.data.report).toEqual([
      { line: 2, ok: true, message: "Marked shipped." },
      { line: 3, ok: false, message: "No request in this campaign for nope." },
    ]);
    // Stock can't go below what is reserved.
    const stock = await callAction(campaignAction, `/b/${s.brand.slug}/seeding/${campaign.id}`, { cookie: s.cookie, params: { ...s.params, id: campaign.id }, form: { intent: "stock", variantId: campaign.variants[0].id, stock: "0" } });
    expect(stock.data.error).toBe("1 already reserved — stock can't go below that.");
  });

  test("fans add posts with a reminder to disclose; staff import a CSV with row-level errors", async () => {
    const s = await setup();
    const fanCookie = await cookieFor(s.fanUser.id);
    const bad = await callAction(myPostsAction, "/me/posts", { cookie: fanCookie, form: { intent: "add", programId: s.fan.id, url: "not a link", postedAt: "2026-11-20T10:00", likes: "-3" } });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.likes).toEqual(["Likes can't be negative"]);
    const story = await callAction(myPostsAction, "/me/posts", { cookie: fanCookie, form: { intent: "add", programId: s.fan.id, url: "https://www.instagram.com/stories/rita/3312345678901234567/", kind: "story", postedAt: "2026-11-20T10:00" } });
    expect(story.data.result.error.screenshot).toEqual(["Stories disappear after a day: add a screenshot."]);
    const ok = await callAction(myPostsAction, "/me/posts", { cookie: fanCookie, form: { intent: "add", programId: s.fan.id, url: "https://youtu.be/dQw4w9WgXcQ", postedAt: "2026-11-20T10:00", caption: "#ad rye day", likes: "10" } });
    expect(ok.status).toBe(302);
    const mine = await callLoader(myPostsLoader, "/me/posts", { cookie: fanCookie });
    expect(mine.data.posts).toHaveLength(1);

    const csv = ["email,url,caption,posted_at,likes", `${s.fan.email},https://x.com/rita/status/123,hello,2026-11-01,12`, "nobody@example.com,https://x.com/n/status/9,,2026-11-01,1", `${s.fan.email},https://youtu.be/dQw4w9WgXcQ,dup,2026-11-02,`, `${s.fan.email},https://x.com/rita/status/555,,yesterday,`].join("\n");
    const imported = await callAction(postsAction, `/b/${s.brand.slug}/posts`, { cookie: s.cookie, params: s.params, form: { intent: "import" }, files: { file: [{ name: "posts.csv", type: "text/csv", content: csv }] } });
    expect(imported.data.report).toEqual([
      { line: 2, ok: true, message: "Added." },
      { line: 3, ok: false, message: "No ambassador with the email “nobody@example.com”." },
      { line: 4, ok: false, message: "This post was already submitted." },
      { line: 5, ok: false, message: "“yesterday” is not a date (use 2026-11-25)." },
    ]);
    const queue = await callLoader(postsLoader, `/b/${s.brand.slug}/posts?show=all`, { cookie: s.cookie, params: s.params });
    expect(queue.data.total).toBe(2);
    // The overview lists what is waiting for the team.
    const overview = await callLoader(overviewLoader, `/b/${s.brand.slug}`, { cookie: s.cookie, params: s.params });
    expect(overview.data.todo).toEqual([{ count: 2, label: "posts to review", to: "posts" }]);
  });

  test("tracked links for staff and fans stay on the brand's domains", async () => {
    const s = await setup();
    const evil = await callAction(linksAction, `/b/${s.brand.slug}/links`, { cookie: s.cookie, params: s.params, form: { intent: "create", destination: "https://evil.example/", label: "x" } });
    expect(evil.status).toBe(400);
    expect(evil.data.result.error.destination).toEqual(["Links can only go to routeseeds.example."]);
    const blank = await callAction(linksAction, `/b/${s.brand.slug}/links`, { cookie: s.cookie, params: s.params, form: { intent: "create", destination: "" } });
    expect(blank.data.result.error.destination).toEqual(["Enter the page the link opens, like https://shop.example/menu"]);
    const stranger = await callAction(linksAction, `/b/${s.brand.slug}/links`, { cookie: s.cookie, params: s.params, form: { intent: "create", destination: "https://routeseeds.example/x", ambassadorId: "not-one-of-ours" } });
    expect(stranger.data.result.error.ambassadorId).toEqual(["Choose an active ambassador."]);
    expect((await callAction(linksAction, `/b/${s.brand.slug}/links`, { cookie: s.cookie, params: s.params, form: { intent: "create", destination: "https://routeseeds.example/menu", ambassadorId: s.fan.id } })).status).toBe(302);
    const fanCookie = await cookieFor(s.fanUser.id);
    expect((await callAction(myLinksAction, "/me/links", { cookie: fanCookie, form: { intent: "create", destination: "https://shop.routeseeds.example/rye" } })).status).toBe(302);
    const links = await callLoader(linksLoader, `/b/${s.brand.slug}/links`, { cookie: s.cookie, params: s.params });
    expect(links.data.links).toHaveLength(2);
    expect(links.data.links.every((l: { ambassador: { id: string } | null }) => l.ambassador?.id === s.fan.id)).toBe(true);
  });

  test("organizers and other brands cannot reach seeding, posts, links or analytics; analytics tables download as CSV", async () => {
    const s = await setup();
    const orgCookie = await cookieFor(s.organizer.id);
    for (const [loader, path] of [
      [seedingLoader, "seeding"],
      [postsLoader, "posts"],
      [linksLoader, "links"],
      [analyticsLoader, "analytics"],
    ] as const) {
      expect((await callLoader(loader as never, `/b/${s.brand.slug}/${path}`, { cookie: orgCookie, params: s.params })).status, path).toBe(403);
    }
    const stranger = await createUser(db);
    await createBrand(db, { ownerId: stranger.id });
    expect((await callLoader(analyticsLoader, `/b/${s.brand.slug}/analytics`, { cookie: await cookieFor(stranger.id), params: s.params })).status).toBe(404);
    const dash = await callLoader(analyticsLoader, `/b/${s.brand.slug}/analytics`, { cookie: s.cookie, params: s.params });
    expect(Object.keys(dash.data.tables)).toEqual(["growth", "sources", "posts", "tiers", "campaigns", "events", "contributors", "clicks"]);
    const csv = await callLoader(analyticsCsv, `/b/${s.brand.slug}/analytics.csv?table=tiers`, { cookie: s.cookie, params: s.params });
    expect(csv.status).toBe(200);
    // One row per tier that has fans, under a header; the same numbers as the page's table.
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + dash.data.tables.tiers.rows.length);
    expect(lines[1]).toContain(String(dash.data.tables.tiers.rows[0][0]));
    for (const table of ["secrets", "constructor", "__proto__", "toString", ""]) {
      const res = await callLoader(analyticsCsv, `/b/${s.brand.slug}/analytics.csv?table=${table}`, { cookie: s.cookie, params: s.params });
      expect(res.status).toBe(400);
    }
  });
});
