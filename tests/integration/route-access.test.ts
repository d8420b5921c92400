// Access control of every route, generated: the route modules are read from app/routes when the test runs, so a new
// route (or a new action intent) fails here until it has a line in the policy below. Each loader and each action
// intent is called by six people — signed out, a fan of brand A, brand A's organizer, manager and owner, and brand
// B's owner using brand A's record ids — and every refused write must leave the database exactly as it was.
import { edgeResponse } from "#app/utils/route-edge.server";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { hashToken } from "#app/utils/crypto.server";
import { db, engine } from "#app/utils/db.server";
import { uploadRoot } from "#app/utils/uploads.server";
import { BASE, cookieFor } from "#tests/utils";
import { addStaff, createAmbassador, createBrand, createEvent, createUser } from "#tests/factories";
import { unsubscribeToken } from "#app/models/unsubscribe.server";

const ROUTES_DIR = path.resolve("app/routes");

// ---------------------------------------------------------------------------------------------------------
// The people and the records they call with
// ---------------------------------------------------------------------------------------------------------

const CALLERS = ["anonymous", "fan", "organizer", "manager", "owner", "otherOwner"] as const;
type Caller = (typeof CALLERS)[number];

async function buildWorld() {
  const owner = await createUser(db, { name: "Olive Owner" });
  const manager = await createUser(db, { name: "Max Manager" });
  const organizer = await createUser(db, { name: "Oren Organizer" });
  const fanUser = await createUser(db, { name: "Fern Fan" });
  const otherOwner = await createUser(db, { name: "Bo Other" });
  const a = await createBrand(db, { ownerId: owner.id });
  const b = await createBrand(db, { ownerId: otherOwner.id });
  await db.brand.update({ where: { id: a.id }, data: { allowedDomains: "example.com" } });
  await addStaff(db, a.id, manager.id, "manager");
  await addStaff(db, a.id, organizer.id, "organizer");
  const fan = await createAmbassador(db, a.id, { userId: fanUser.id, email: fanUser.email, name: "Fern Fan", followers: [1500] });
  const invitee = await createAmbassador(db, a.id, { status: "invited" });
  await createAmbassador(db, b.id, { name: "B's fan" });

  const event = await createEvent(db, a.id, { title: "Access night" });
  const rsvp = await db.rsvp.create({ data: { eventId: event.id, brandId: a.id, ambassadorId: fan.id, status: "going", ticketCode: `ticket-${event.id}` } });
  await db.event.update({ where: { id: event.id }, data: { seatsTaken: 1 } });

  const scoop = await db.scoop.create({ data: { brandId: a.id, title: "Spring preview", body: "Rhubarb.", publishAt: new Date(Date.now() - 60_000), audienceKind: "all", createdById: owner.id } });
  const dir = uploadRoot(`brands/${a.id}`);
  writeFileSync(path.join(dir, "scoop.png"), Buffer.from("89504e470d0a1a0a", "hex"));
  const upload = await db.upload.create({ data: { brandId: a.id, kind: "image", fileName: "scoop.png", storedAs: "scoop.png", mimeType: "image/png", size: 8, scoopId: scoop.id } });

  const campaign = await db.seedingCampaign.create({ data: { brandId: a.id, name: "Spring box", callToAction: "Try it", mode: "request", audienceKind: "all" } });
  const product = await db.seedingProduct.create({ data: { campaignId: campaign.id, name: "Rye", valueCents: 1200 } });
  const variant = await db.seedingVariant.create({ data: { campaignId: campaign.id, productId: product.id, name: "Large", stock: 5, reserved: 1 } });
  const request = await db.seedingRequest.create({ data: { brandId: a.id, campaignId: campaign.id, variantId: variant.id, ambassadorId: fan.id, status: "shipped", shippedAt: new Date(), address: JSON.stringify({ name: "Fern", line1: "1 Main St", line2: "", city: "Toronto", region: "ON", postalCode: "M1M", country: "Canada" }) } });

  const offerCampaign = await db.seedingCampaign.create({ data: { brandId: a.id, name: "Chosen few", mode: "offer", audienceKind: "all" } });
  const offerProduct = await db.seedingProduct.create({ data: { campaignId: offerCampaign.id, name: "Babka" } });
  const offerVariant = await db.seedingVariant.create({ data: { campaignId: offerCampaign.id, productId: offerProduct.id, name: "One", stock: 2, reserved: 1 } });
  await db.seedingRequest.create({ data: { brandId: a.id, campaignId: offerCampaign.id, variantId: offerVariant.id, ambassadorId: fan.id, status: "offered" } });

  const day = new Date().toISOString().slice(0, 10);
  const post = await db.post.create({ data: { brandId: a.id, ambassadorId: fan.id, url: "https://www.instagram.com/p/ACCESS1/", platform: "instagram", externalId: "ACCESS1", postedAt: new Date(), day, likes: 10 } });
  const link = await db.trackedLink.create({ data: { brandId: a.id, ambassadorId: fan.id, code: `acc${Date.now().toString(36)}`, destination: "https://example.com/shop" } });

  const importsDir = uploadRoot("imports");
  const importFile = path.join(importsDir, `${a.id}.csv`);
  writeFileSync(importFile, "email,name\nnew@example.com,New\n");
  const importJob = await db.importJob.create({ data: { brandId: a.id, createdById: owner.id, fileName: "fans.csv", filePath: importFile, headers: JSON.stringify(["email", "name"]), mapping: JSON.stringify({ 0: "email", 1: "name" }), rejectedRows: 1 } });
  await db.importReject.create({ data: { importId: importJob.id, line: 2, reason: "missing email", cells: JSON.stringify(["", "Nobody"]) } });

  const message = await db.outboxMessage.create({ data: { brandId: a.id, to: fanUser.email, from: "k", subject: "Hello", template: "brand-message", html: "<p>Hi</p>", text: "Hi" } });
  const staffToken = `staff-${a.id}`;
  await db.staffInvite.create({ data: { brandId: a.id, email: "future@example.com", role: "manager", tokenHash: hashToken(staffToken), expiresAt: new Date(Date.now() + 86_400_000) } });
  const fanToken = `fan-${a.id}`;
  const fanInvite = await db.fanInvite.create({ data: { brandId: a.id, ambassadorId: invitee.id, tokenHash: hashToken(fanToken), expiresAt: new Date(Date.now() + 86_400_000) } });
  const inviteLink = await db.inviteLink.create({ data: { brandId: a.id, code: `join${Date.now().toString(36)}`, label: "Counter" } });
  const application = await db.application.create({ data: { brandId: a.id, email: "applicant@example.com", name: "Ada Applicant", whyLove: "The rye." } });
  const managerMembership = await db.membership.findFirstOrThrow({ where: { brandId: a.id, userId: manager.id } });
  const connection = await db.brandConnection.create({ data: { brandId: a.id, platform: "bluesky", accountRef: "brand-a.bsky.social" } });
  const savedView = await db.savedView.create({ data: { brandId: a.id, name: "Toronto", query: "city=Toronto" } });
  const rightsPost = await db.post.create({ data: { brandId: a.id, ambassadorId: fan.id, url: "https://www.instagram.com/p/ACCESS2/", platform: "instagram", externalId: "ACCESS2", postedAt: new Date(), day } });
  const rightsRequest = await db.usageRightsRequest.create({ data: { brandId: a.id, postId: rightsPost.id, ambassadorId: fan.id, uses: "The photo", channels: "social", until: new Date(Date.now() + 30 * 86_400_000), openKey: rightsPost.id } });
  const foundAuthor = await db.foundAuthor.create({ data: { brandId: a.id, platform: "instagram", handle: "found.fan", firstSeenAt: new Date(), lastSeenAt: new Date() } });

  const cookies: Record<Caller, string | undefined> = {
    anonymous: undefined,
    fan: await cookieFor(fanUser.id),
    organizer: await cookieFor(organizer.id),
    manager: await cookieFor(manager.id),
    owner: await cookieFor(owner.id),
    otherOwner: await cookieFor(otherOwner.id),
  };
  return {
    a,
    b,
    cookies,
    emails: { fan: fanUser.email, owner: owner.email },
    ids: {
      fanAmbassador: fan.id,
      invitee: invitee.id,
      event: event.id,
      rsvp: rsvp.id,
      ticket: rsvp.ticketCode,
      scoop: scoop.id,
      upload: upload.id,
      campaign: campaign.id,
      offerCampaign: offerCampaign.id,
      variant: variant.id,
      request: request.id,
      post: post.id,
      linkCode: link.code,
      unsubscribeToken: unsubscribeToken(fan.id, "scoops"),
      importJob: importJob.id,
      message: message.id,
      staffToken,
      fanToken,
      fanInvite: fanInvite.id,
      inviteLink: inviteLink.id,
      inviteCode: inviteLink.code,
      application: application.id,
      managerMembership: managerMembership.id,
      connection: connection.id,
      foundAuthor: foundAuthor.id,
      rightsRequest: rightsRequest.id,
      savedView: savedView.id,
    },
  };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Each world starts from an empty database, so snapshots are small and no world sees another's rows. (On SQLite, the
 * search index's virtual and shadow tables follow their documents through triggers.)
 */
async function wipe() {
  if (engine === "postgresql") {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename != '_prisma_migrations'`);
    await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} CASCADE`);
    return;
  }
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_prisma_migrations', '_kindred_sql')`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  for (const { name } of tables) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}

/** Every row of every table but sessions (reading a page may note when a session was last used). */
async function snapshot() {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    engine === "postgresql"
      ? `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'Session') ORDER BY 1`
      : `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_prisma_migrations', '_kindred_sql', 'Session') ORDER BY name`,
  );
  const out: Record<string, unknown[]> = {};
  // PostgreSQL has no rowid: its rows are put in the order of their whole text.
  for (const { name } of tables) out[name] = await db.$queryRawUnsafe(engine === "postgresql" ? `SELECT * FROM "${name}" t ORDER BY t::text` : `SELECT * FROM "${name}" ORDER BY rowid`);
  return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

// ---------------------------------------------------------------------------------------------------------
// The policy: who may do what
// ---------------------------------------------------------------------------------------------------------

/** A status, "login" (302 to the sign-in page), or "ok" (allowed: anything but a refusal or a server error). */
type Expect = number | "login" | "ok";
type Access = Record<Caller, Expect>;

const everyone = (status: Expect): Access => Object.fromEntries(CALLERS.map((c) => [c, status])) as Access;
const signedIn = (ok: Expect = 200): Access => ({ ...everyone(ok), anonymous: "login" });
/** Staff pages of brand A: fans and other brands get 404 (as if it did not exist), narrower roles 403. */
function staff(role: "organizer" | "manager" | "owner", ok: Expect = 200, overrides: Partial<Access> = {}): Access {
  const rank = { organizer: 1, manager: 2, owner: 3 } as const;
  const at = (r: keyof typeof rank) => (rank[r] >= rank[role] ? ok : 403);
  return { anonymous: "login", fan: 404, organizer: at("organizer"), manager: at("manager"), owner: at("owner"), otherOwner: 404, ...overrides };
}
/** A fan's own pages about one of brand A's records: only that fan; everyone else signed in gets 404. */
const fanOnly = (ok: Expect = 200): Access => ({ ...signedIn(404), fan: ok });

type Form = Record<string, string | string[]>;
type ActionPolicy = { access: Access; form?: (w: World) => Form; params?: (w: World, slug: string) => Record<string, string> };
type RoutePolicy = {
  /** route params; `slug` is brand A's for everyone but brand B's owner on routes that name a record */
  params?: (w: World, slug: string) => Record<string, string>;
  search?: (w: World) => string;
  loader: Access;
  /** by intent; "-" is the action's form without an intent */
  actions?: Record<string, ActionPolicy>;
};

const brandOnly = (_w: World, slug: string) => ({ brand: slug });
const withId = (key: keyof World["ids"]) => (w: World, slug: string) => ({ brand: slug, id: w.ids[key] });
const fanRecord = (key: keyof World["ids"]) => (w: World) => ({ id: w.ids[key] });
const staffAction = (role: "organizer" | "manager" | "owner", form?: (w: World) => Form): ActionPolicy => ({ access: staff(role, "ok"), form });
const fanAction = (form?: (w: World) => Form, params?: ActionPolicy["params"]): ActionPolicy => ({ access: fanOnly("ok"), form, params });

const POLICY: Record<string, RoutePolicy> = {
  $: { params: () => ({ "*": "no/such/page" }), loader: everyone(404) },
  _index: { loader: { ...everyone(302), anonymous: 200 } },
  healthz: { loader: everyone(200) },
  login: { loader: { ...everyone(302), anonymous: 200 }, actions: { code: { access: everyone("ok") }, demo: { access: everyone(404), form: (w) => ({ email: w.emails.owner }) } } },
  "auth.verify": { loader: { ...everyone(302), anonymous: "login" }, actions: { code: { access: everyone("login") }, link: { access: everyone(400), form: () => ({ token: "not-a-token" }) } } },
  logout: { loader: everyone(302), actions: { "this-device": { access: everyone("login") }, everywhere: { access: everyone("login") } } },
  "join.$slug": { params: (w) => ({ slug: w.a.slug }), loader: everyone(200), actions: { apply: { access: everyone("ok") } } },
  "invite.$token": { params: (w) => ({ token: w.ids.fanToken }), loader: everyone(200), actions: { join: { access: everyone(400) } } },
  "invites.$token": { params: (w) => ({ token: w.ids.staffToken }), loader: everyone(200), actions: { accept: { access: signedIn(400) } } },
  "i.$code": { params: (w) => ({ code: w.ids.inviteCode }), loader: everyone(200), actions: { join: { access: signedIn(400) } } },
  "r.$code": { params: (w) => ({ code: w.ids.linkCode }), loader: everyone(302) },
  "unsubscribe.$token": { params: (w) => ({ token: w.ids.unsubscribeToken }), loader: everyone(200), actions: { unsubscribe: { access: everyone(200) } } },
  "checkin.$code": { params: (w) => ({ code: w.ids.ticket }), loader: staff("organizer", 200, { otherOwner: 404 }), actions: { "check-in": { access: staff("organizer", "ok") } } },
  "files.$id": { params: (w) => ({ id: w.ids.upload }), loader: { ...staff("manager"), fan: 200, organizer: 404 } },
  "dev.outbox": { loader: everyone(404) },
  "dev.outbox_.$id": { params: (w) => ({ id: w.ids.message }), loader: everyone(404) },

  home: { loader: signedIn() },
  "brands.new": { loader: signedIn(), actions: { create: { access: signedIn("ok") } } },
  account: { loader: signedIn(), actions: { rename: { access: signedIn("ok"), form: () => ({ name: "Someone" }) }, delete: { access: signedIn(400), form: () => ({ confirmEmail: "someone-else@example.com" }) } } },
  "me._index": { loader: signedIn(), actions: { save: { access: signedIn("ok") } } },
  "me.data[.]json": { loader: signedIn() },
  "me.events": { loader: signedIn() },
  "me.events_.$id": { params: fanRecord("event"), loader: fanOnly(), actions: { rsvp: fanAction(() => ({ status: "maybe" })) } },
  "me.events_.$id[.]ics": { params: fanRecord("event"), loader: fanOnly() },
  "me.links": { search: (w) => `?brand=${w.a.slug}`, loader: signedIn(), actions: { create: fanAction(() => ({ destination: "https://example.com/x" })) } },
  "me.posts": {
    loader: signedIn(),
    actions: {
      add: { access: signedIn("ok") },
      caption: fanAction((w) => ({ postId: w.ids.post, caption: "#ad Lovely rye" })),
      numbers: fanAction((w) => ({ postId: w.ids.post, likes: "12" })),
      rights: fanAction((w) => ({ requestId: w.ids.rightsRequest, answer: "granted" })),
    },
  },
  "me.programs.$slug": { params: (w) => ({ slug: w.a.slug }), loader: fanOnly(), actions: { "email-preference": fanAction(), leave: fanAction() } },
  "me.scoops": { loader: signedIn() },
  "me.scoops_.$id": { params: fanRecord("scoop"), loader: fanOnly(), actions: { acknowledge: fanAction(), reply: fanAction(() => ({ body: "Lovely." })) } },
  "me.seeding": { loader: signedIn() },
  "me.seeding_.$id": {
    params: fanRecord("campaign"),
    loader: fanOnly(),
    actions: {
      request: fanAction(),
      accept: fanAction(() => ({ name: "Fern Fan", line1: "1 Main St", city: "Toronto", postalCode: "M1M", country: "Canada" }), fanRecord("offerCampaign")),
      decline: fanAction(undefined, fanRecord("offerCampaign")),
      delivered: fanAction((w) => ({ requestId: w.ids.request })),
      feedback: fanAction((w) => ({ requestId: w.ids.request, feedback: "Lovely, thank you." })),
    },
  },

  "b.$brand": { params: brandOnly, loader: staff("organizer") },
  "b.$brand._index": { params: brandOnly, loader: staff("organizer", 200, { organizer: 302 }) },
  "b.$brand.ambassadors": {
    params: brandOnly,
    loader: staff("manager"),
    actions: {
      ...Object.fromEntries(
        (["tag", "untag", "status", "message"] as const).map((intent) => [
          intent,
          staffAction("manager", (w) => ({ ids: [w.ids.fanAmbassador], tag: "vip", status: "paused", subject: "Hello", body: "A note." })),
        ]),
      ),
      "save-view": staffAction("manager", () => ({ name: "Rising micro" })),
      "delete-view": staffAction("manager", (w) => ({ viewId: w.ids.savedView })),
    },
  },
  "b.$brand.ambassadors[.]csv": { params: brandOnly, loader: staff("manager") },
  "b.$brand.ambassadors_.$id": {
    params: withId("fanAmbassador"),
    loader: staff("manager"),
    actions: {
      note: staffAction("manager", () => ({ body: "Loves rye." })),
      preferences: staffAction("manager", () => ({ preferences: "Size M" })),
      status: staffAction("manager", () => ({ status: "paused" })),
      "add-tag": staffAction("manager", () => ({ tag: "vip" })),
      "remove-tag": staffAction("manager", () => ({ tagId: "none" })),
      details: staffAction("manager", () => ({ name: "Renamed", city: "", region: "" })),
      invite: staffAction("manager", () => ({})),
    },
  },
  "b.$brand.analytics": { params: brandOnly, loader: staff("manager") },
  "b.$brand.analytics[.]csv": { params: brandOnly, search: () => "?table=tiers", loader: staff("manager") },
  "b.$brand.applications": { params: brandOnly, loader: staff("manager"), actions: {
      approve: staffAction("manager", (w) => ({ applicationId: w.ids.application })),
      "wait-list": staffAction("manager", (w) => ({ applicationId: w.ids.application })),
      decline: staffAction("manager", (w) => ({ applicationId: w.ids.application })),
    },
  },
  "b.$brand.events": { params: brandOnly, loader: staff("organizer") },
  "b.$brand.events_.$id": { params: withId("event"), loader: staff("organizer"), actions: { message: staffAction("organizer", () => ({ subject: "Doors at 7", body: "See you." })) } },
  "b.$brand.events_.$id_.attendees[.]csv": { params: withId("event"), loader: staff("organizer") },
  "b.$brand.events_.$id_.checkin": {
    params: withId("event"),
    loader: staff("organizer"),
    actions: {
      "check-in": staffAction("organizer", (w) => ({ id: w.ids.rsvp })),
      undo: staffAction("organizer", (w) => ({ id: w.ids.rsvp })),
      "walk-in": staffAction("organizer", (w) => ({ id: w.ids.fanAmbassador })),
      "walk-in-guest": staffAction("organizer", () => ({ name: "Door Guest", email: "door.guest@example.com" })),
      scan: staffAction("organizer", () => ({ code: "https://kindred.example/checkin/not-a-real-ticket-code" })),
    },
  },
  "b.$brand.events_.$id_.edit": { params: withId("event"), loader: staff("organizer"), actions: { save: staffAction("organizer") } },
  "b.$brand.events_.new": { params: brandOnly, loader: staff("organizer"), actions: { save: staffAction("organizer") } },
  "b.$brand.imports": { params: brandOnly, loader: staff("manager"), actions: { upload: staffAction("manager") } },
  "b.$brand.imports_.$id": {
    params: withId("importJob"),
    loader: staff("manager"),
    actions: { preview: staffAction("manager", () => ({ col0: "email", col1: "name" })), start: staffAction("manager", () => ({ col0: "email", col1: "name" })) },
  },
  "b.$brand.imports_.$id.rejected[.]csv": { params: withId("importJob"), loader: staff("manager") },
  "b.$brand.invitations": {
    params: brandOnly,
    loader: staff("manager"),
    actions: {
      invite: staffAction("manager", () => ({ emails: "newfan@example.com", note: "" })),
      "invite-waiting": staffAction("manager"),
      resend: staffAction("manager", (w) => ({ inviteId: w.ids.fanInvite })),
      revoke: staffAction("manager", (w) => ({ inviteId: w.ids.fanInvite })),
      "create-link": staffAction("manager", () => ({ label: "Market stall" })),
      "revoke-link": staffAction("manager", (w) => ({ linkId: w.ids.inviteLink })),
    },
  },
  "b.$brand.links": { params: brandOnly, loader: staff("manager"), actions: { create: staffAction("manager", () => ({ destination: "https://example.com/x" })) } },
  "b.$brand.outbox": { params: brandOnly, loader: staff("manager") },
  "b.$brand.outbox_.$id": { params: withId("message"), loader: staff("manager") },
  "b.$brand.posts": {
    params: brandOnly,
    loader: staff("manager"),
    actions: {
      add: staffAction("manager", (w) => ({ ambassadorId: w.ids.fanAmbassador, url: "https://www.instagram.com/p/NEWPOST/" })),
      approve: staffAction("manager", (w) => ({ postId: w.ids.post })),
      hide: staffAction("manager", (w) => ({ postId: w.ids.post })),
      disclosure: staffAction("manager", (w) => ({ postId: w.ids.post })),
      import: staffAction("manager"),
    },
  },
  "b.$brand.posts_.$id": {
    params: withId("post"),
    loader: staff("manager"),
    actions: {
      numbers: staffAction("manager", () => ({ likes: "20" })),
      refresh: staffAction("manager"),
      attribution: staffAction("manager", () => ({ attribution: "none" })),
      disclosure: staffAction("manager"),
      approve: staffAction("manager"),
      hide: staffAction("manager"),
      rate: staffAction("manager", () => ({ rating: "4" })),
      reuse: staffAction("manager", () => ({ uses: "The photo", channels: "social", until: `${new Date().getUTCFullYear() + 1}-06-30` })),
    },
  },
  "b.$brand.program": {
    params: brandOnly,
    loader: staff("manager"),
    actions: { save: staffAction("manager"), score: staffAction("manager", () => ({ growth: "20", engagement: "25", authenticity: "15", quality: "20", local: "10", attendance: "10" })) },
  },
  "b.$brand.scoops": { params: brandOnly, loader: staff("manager") },
  "b.$brand.scoops_.$id": { params: withId("scoop"), loader: staff("manager"), actions: { publish: staffAction("manager"), delete: staffAction("manager") } },
  "b.$brand.scoops_.$id_.edit": { params: withId("scoop"), loader: staff("manager"), actions: { save: staffAction("manager") } },
  "b.$brand.scoops_.new": { params: brandOnly, loader: staff("manager"), actions: { save: staffAction("manager") } },
  "b.$brand.seeding": { params: brandOnly, loader: staff("manager") },
  "b.$brand.seeding_.$id": {
    params: withId("campaign"),
    loader: staff("manager"),
    actions: Object.fromEntries(
      ["approve", "decline", "ship", "delivered", "offer", "stock", "tracking"].map((intent) => [
        intent,
        staffAction("manager", (w) => ({ ids: [w.ids.request], requestId: w.ids.request, variantId: w.ids.variant, stock: "6", carrier: "Canada Post", trackingNumber: "CP1", ambassadorIds: [w.ids.fanAmbassador] })),
      ]),
    ),
  },
  "b.$brand.seeding_.$id_.packing[.]csv": { params: withId("campaign"), loader: staff("manager") },
  "b.$brand.seeding_.new": { params: brandOnly, loader: staff("manager"), actions: { create: staffAction("manager") } },
  "b.$brand.settings": {
    params: brandOnly,
    loader: staff("owner"),
    actions: {
      save: staffAction("owner"),
      "connect-instagram": staffAction("owner", () => ({ platform: "instagram", accountRef: "12345678", token: "EAAG-not-a-real-token-000" })),
      "connect-bluesky": staffAction("owner", () => ({ platform: "bluesky", accountRef: "brand.bsky.social" })),
      "connect-youtube": staffAction("owner", () => ({ platform: "youtube", terms: "Brand" })),
      check: staffAction("owner", (w) => ({ connectionId: w.ids.connection })),
      disconnect: staffAction("owner", (w) => ({ connectionId: w.ids.connection })),
    },
  },
  "b.$brand.discover": {
    params: brandOnly,
    loader: staff("manager"),
    actions: {
      invite: staffAction("manager", (w) => ({ authorId: w.ids.foundAuthor })),
      dismiss: staffAction("manager", (w) => ({ authorId: w.ids.foundAuthor })),
      restore: staffAction("manager", (w) => ({ authorId: w.ids.foundAuthor })),
    },
  },
  // Meta calls it: the verify token and the app's signature are the checks (none is set in this world).
  "webhooks.instagram": { loader: everyone(403), actions: { "-": { access: everyone(503) } } },
  "b.$brand.staff": {
    params: brandOnly,
    loader: staff("owner"),
    actions: {
      invite: staffAction("owner", () => ({ email: "new-staff@example.com", role: "organizer" })),
      "change-role": staffAction("owner", (w) => ({ membershipId: w.ids.managerMembership, role: "organizer" })),
      remove: staffAction("owner", (w) => ({ membershipId: w.ids.managerMembership })),
      revoke: staffAction("owner", () => ({ inviteId: "none" })),
    },
  },
};

// ---------------------------------------------------------------------------------------------------------
// Reading the routes
// ---------------------------------------------------------------------------------------------------------

/** Every route's folder (app/routes/<name>/route.tsx), by name. */
const routeFiles = readdirSync(ROUTES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `${d.name}/route.tsx`);
const routeName = (file: string) => file.replace(/\/route\.tsx$/, "");

/** The intents an action dispatches on, read from its source: the handler map given to runIntent. */
/** A route's source, with the shared form handlers it delegates its action to (app/components/*-form.server.ts). */
function routeSourceWithHandlers(file: string) {
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const helpers = [...source.matchAll(/from "#app\/components\/([\w-]+-form\.server)"/g)].map((m) => readFileSync(path.join(ROUTES_DIR, "..", "components", `${m[1]}.ts`), "utf8"));
  return [source, ...helpers].join("\n");
}

function intentsInSource(source: string) {
  const found = new Set<string>();
  for (const m of source.matchAll(/run(?:Upload)?Intent\([^;]*?\{([^{}]*)\}\s*\)/g)) for (const k of m[1].matchAll(/"?([\w-]+)"?:\s*\w+/g)) found.add(k[1]);
  for (const m of source.matchAll(/intent"?\)?\s*===\s*"([^"]+)"/g)) found.add(m[1]);
  for (const m of source.matchAll(/intent:\s*z\.literal\("([^"]+)"\)/g)) found.add(m[1]);
  for (const m of source.matchAll(/switch\s*\(([^)]*intent[^)]*\)?)\)\s*\{/g)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const start = i;
    while (depth > 0 && i < source.length) {
      if (source[i] === "{") depth++;
      else if (source[i] === "}") depth--;
      i++;
    }
    for (const c of source.slice(start, i).matchAll(/case\s+"([^"]+)":/g)) found.add(c[1]);
  }
  return found;
}

type Module = { loader?: (a: LoaderFunctionArgs) => unknown; action?: (a: ActionFunctionArgs) => unknown };

async function call(fn: (a: any) => unknown, method: "GET" | "POST", url: string, params: Record<string, string>, cookie?: string, form?: Form) {
  const headers = new Headers({ "x-kindred-client-ip": "203.0.113.9" });
  if (cookie) headers.set("Cookie", cookie);
  let body: FormData | undefined;
  if (method === "POST") {
    body = new FormData();
    for (const [k, v] of Object.entries(form ?? {})) for (const item of [v].flat()) body.append(k, item);
  }
  const request = new Request(BASE + url, { method, headers, body });
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (thrown) {
    // Through the server's route edge, as in production: a model's NotFound is a 404.
    const answer = thrown instanceof Response ? thrown : edgeResponse(thrown);
    if (!answer) return { status: 500, location: null, error: thrown };
    result = answer;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), error: null };
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    return { status: (result as { init: ResponseInit | null }).init?.status ?? 200, location: null, error: null };
  }
  return { status: 200, location: null, error: null };
}

function check(outcome: { status: number; location: string | null; error: unknown }, expected: Expect, label: string) {
  const seen = `${label}: ${outcome.status}${outcome.location ? ` → ${outcome.location}` : ""}${outcome.error ? ` (${String(outcome.error)})` : ""}`;
  const toLogin = outcome.status === 302 && !!outcome.location?.startsWith("/login");
  if (expected === "login") expect(toLogin, seen).toBe(true);
  else if (expected === "ok") expect(outcome.status < 500 && ![401, 403, 404].includes(outcome.status) && !toLogin, seen).toBe(true);
  else expect(outcome.status, seen).toBe(expected);
}

const refused = (e: Expect) => e === "login" || e === 403 || e === 404;

function urlFor(name: string, params: Record<string, string>, search = "") {
  const segments = name
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((s) => s.replace(/_$/, "").replace(/^_index$/, "").replace(/^_.*/, ""))
    .map((s) => (s.startsWith("$") ? (params[s.slice(1) || "*"] ?? "") : s))
    .filter(Boolean);
  return `/${segments.join("/").replace(/\u0000/g, ".")}${search}`;
}

// ---------------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------------

afterAll(wipe);

describe("the access policy covers every route", () => {
  test("every route is a folder with its route.tsx (helpers beside it)", () => {
    const loose = readdirSync(ROUTES_DIR, { withFileTypes: true }).filter((d) => !d.isDirectory() || !readdirSync(path.join(ROUTES_DIR, d.name)).includes("route.tsx"));
    expect(loose.map((d) => d.name)).toEqual([]);
  });

  test("no route reads the database itself: the models do, within the caller's scope", () => {
    const files = readdirSync(ROUTES_DIR, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const reading = files.filter((f) => /from\s+"[^"]*utils\/db\.server"/.test(readFileSync(path.join(ROUTES_DIR, f), "utf8")));
    expect(reading, "route files importing the database client").toEqual([]);
  });

  test("every route module has a policy, and every policy a route", () => {
    expect(routeFiles.map(routeName).filter((n) => !POLICY[n]), "routes without a line in the policy").toEqual([]);
    expect(Object.keys(POLICY).filter((n) => !routeFiles.map(routeName).includes(n)), "policies for routes that are gone").toEqual([]);
  });

  test.each(routeFiles)("%s: the policy lists its loader and every action intent", async (file) => {
    const mod = (await import(path.join(ROUTES_DIR, file))) as Module;
    const policy = POLICY[routeName(file)];
    expect(!!mod.loader, "a loader").toBe(true);
    const declared = Object.keys(policy.actions ?? {});
    if (!mod.action) {
      expect(declared, "actions of a route without one").toEqual([]);
      return;
    }
    const inSource = [...intentsInSource(routeSourceWithHandlers(file))].sort();
    expect(declared.filter((i) => i !== "-").sort(), "declared intents").toEqual(inSource);
    expect(declared.length, "an action with no declared form").toBeGreaterThan(0);
  });
});

describe("who may do what", () => {
  test.each(routeFiles)("%s", async (file) => {
    const name = routeName(file);
    const policy = POLICY[name];
    const mod = (await import(path.join(ROUTES_DIR, file))) as Module;
    await wipe();
    const world = await buildWorld();
    const namesRecord = (policy.params?.(world, "x") ?? {}) as Record<string, string>;
    const hasRecord = Object.keys(namesRecord).some((k) => k !== "brand");
    const paramsFor = (w: World, caller: Caller, rule?: ActionPolicy) => (rule?.params ?? policy.params)?.(w, caller === "otherOwner" && hasRecord ? w.b.slug : w.a.slug) ?? {};
    const urlOf = (w: World, caller: Caller, rule?: ActionPolicy) => urlFor(name, paramsFor(w, caller, rule), policy.search?.(w) ?? "");

    for (const caller of CALLERS) {
      const outcome = await call(mod.loader!, "GET", urlOf(world, caller), paramsFor(world, caller), world.cookies[caller]);
      check(outcome, policy.loader[caller], `loader as ${caller}`);
    }

    for (const [intent, rule] of Object.entries(policy.actions ?? {})) {
      const formFor = (w: World): Form => ({ ...(rule.form?.(w) ?? {}), ...(intent === "-" ? {} : { intent }) });
      // Refused callers first, all on one world: nothing they send may change anything.
      for (const caller of CALLERS.filter((c) => refused(rule.access[c]))) {
        const before = await snapshot();
        const outcome = await call(mod.action!, "POST", urlOf(world, caller, rule), paramsFor(world, caller, rule), world.cookies[caller], formFor(world));
        check(outcome, rule.access[caller], `${intent} as ${caller}`);
        expect(await snapshot(), `${intent} as ${caller} changed the database`).toBe(before);
      }
      // Allowed callers each on a fresh world, since their write is real.
      for (const caller of CALLERS.filter((c) => !refused(rule.access[c]))) {
        await wipe();
        const w = await buildWorld();
        const outcome = await call(mod.action!, "POST", urlOf(w, caller, rule), paramsFor(w, caller, rule), w.cookies[caller], formFor(w));
        check(outcome, rule.access[caller], `${intent} as ${caller}`);
      }
      await wipe();
      Object.assign(world, await buildWorld());
    }

    // A page with several actions answers an action it does not have with a 400, for someone allowed the others,
    // and runs none of them.
    const intents = Object.keys(policy.actions ?? {}).filter((i) => i !== "-");
    if (intents.length) {
      const rule = policy.actions![intents[0]];
      const caller = CALLERS.find((c) => !refused(rule.access[c]));
      if (caller) {
        const before = await snapshot();
        const outcome = await call(mod.action!, "POST", urlOf(world, caller, rule), paramsFor(world, caller, rule), world.cookies[caller], { ...(rule.form?.(world) ?? {}), intent: "no-such-action" });
        check(outcome, 400, `an unknown intent as ${caller}`);
        expect(await snapshot(), `an unknown intent as ${caller} changed the database`).toBe(before);
      }
    }
  }, 90_000); // a route with many actions builds a fresh world per allowed caller and action (slowest on PostgreSQL)
});

mkdirSync(uploadRoot("imports"), { recursive: true });
