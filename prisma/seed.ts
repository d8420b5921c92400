// Demo data: Juniper Bakery, a neighbourhood bakery in Toronto, with its team and 72 ambassadors,
// plus a second brand so one fan belongs to two programs. Run by `npm run setup` on an empty database.
import { fanScope } from "#app/models/scope";
import { DEMO_BRAND_SLUG, DEMO_PEOPLE } from "#app/models/demo";
import type { ProfileInput } from "#app/models/profile";
import { updateFanProfile } from "#app/models/profile.server";
import { submitApplication } from "#app/models/applications.server";
import { DEMO_AUTHORS, demoSourceFetch } from "#app/models/discovery/demo-source.server";
import { readConnection } from "#app/models/discovery/discovery.server";
import { encryptSecret } from "#app/utils/secret-box.server";
import { afterFollowerChange } from "#app/models/qualification/milestones.server";
import { refreshBrandSignals } from "#app/models/qualification/refresh.server";
import { hashToken, randomToken } from "#app/utils/crypto.server";
import { db } from "#app/utils/db.server";
import { addStaff, createAmbassador, createBrand, createUser, faker } from "#tests/factories";


async function main() {
  if (await db.brand.findUnique({ where: { slug: DEMO_BRAND_SLUG } })) {
    console.log("Demo data already present; nothing to do.");
    return;
  }
  faker.seed(20261125);
  const [maya, sam, lea, priya] = await Promise.all(DEMO_PEOPLE.map((p) => createUser(db, { email: p.email, name: p.name })));

  const juniper = await createBrand(db, {
    name: "Juniper Bakery",
    slug: DEMO_BRAND_SLUG,
    ownerId: maya.id,
    timeZone: "America/Toronto",
    color: "#b45309",
    description: "A neighbourhood bakery on Roncesvalles, Toronto: naturally leavened bread, laminated pastry and seasonal cakes since 2014.",
    guidelines:
      "Thank you for loving Juniper! Share what you genuinely enjoy, in your own words. You never have to post, and we never pay for posts. When we give you something, say so: start your caption with the disclosure below.",
    disclosureText: "Gifted by Juniper Bakery #gifted",
  });
  await addStaff(db, juniper.id, sam.id, "manager");
  await addStaff(db, juniper.id, lea.id, "organizer");

  const cities = ["Toronto", "Toronto", "Toronto", "Toronto", "Mississauga", "Hamilton", "Etobicoke", "Scarborough", "Ottawa", "Montreal", "Guelph"];
  const tags = ["sourdough", "pastry", "vegan", "coffee", "family", "events", "photography", "local-food", "baking-at-home", "gluten-free"];
  // "applied" fans come from real applications below.
  const statuses = ["active", "active", "active", "active", "active", "active", "active", "paused", "invited", "alumni"] as const;
  const sources = ["invite", "link", "application", "import"] as const;

  // Priya is a real account holder: an active Juniper ambassador (micro tier).
  await createAmbassador(db, juniper.id, {
    email: priya.email,
    name: "Priya Raman",
    city: "Toronto",
    userId: priya.id,
    tags: ["sourdough", "photography"],
    followers: [8_400, 2_100],
    history: 4,
    status: "active",
    source: "application",
  });

  for (let i = 0; i < 71; i++) {
    // Mostly nano fans, a solid micro group, a few macro creators and one mega.
    const tierRoll = i < 44 ? faker.number.int({ min: 60, max: 990 }) : i < 64 ? faker.number.int({ min: 1_000, max: 60_000 }) : i < 70 ? faker.number.int({ min: 100_000, max: 400_000 }) : 1_250_000;
    const accounts = faker.number.int({ min: 1, max: 3 });
    await createAmbassador(db, juniper.id, {
      city: faker.helpers.arrayElement(cities),
      region: "ON",
      status: faker.helpers.arrayElement(statuses),
      source: faker.helpers.arrayElement(sources),
      tags: faker.helpers.arrayElements(tags, { min: 1, max: 3 }),
      followers: [tierRoll, ...Array.from({ length: accounts - 1 }, () => Math.round(tierRoll * faker.number.float({ min: 0.1, max: 0.8 })))],
      history: faker.number.int({ min: 0, max: 4 }),
      emailDomain: "fans.example",
    });
  }

  // A history to look at: how each fan arrived, a shareable link from the market stall, notes, pending invitations.
  const market = await db.inviteLink.create({
    data: { brandId: juniper.id, code: "market-saturday", label: "Saturday market QR card", tagName: "market", maxUses: 200, createdById: sam.id },
  });
  const members = await db.ambassador.findMany({ where: { brandId: juniper.id }, select: { id: true, status: true, source: true, joinedAt: true, createdAt: true } });
  for (const [i, m] of members.entries()) {
    const arrived = m.joinedAt ?? m.createdAt;
    const how = m.source === "link" ? "through the link “Saturday market QR card”" : m.source === "application" ? "after applying" : m.source === "import" ? "after being imported" : "from an email invitation";
    if (m.source === "link") await db.ambassador.update({ where: { id: m.id }, data: { inviteLinkId: market.id } });
    await db.timelineEvent.create({
      data: m.joinedAt
        ? { brandId: juniper.id, ambassadorId: m.id, kind: "joined", summary: `Joined the program ${how}`, createdAt: arrived }
        : { brandId: juniper.id, ambassadorId: m.id, kind: m.status === "applied" ? "applied" : "invited", summary: m.status === "applied" ? "Applied to join" : "Invited by Sam Okafor", createdAt: arrived },
    });
    // Most fans were in touch in the last weeks; one in five has gone quiet (no touch for 75+ days).
    const daysAgo = i % 5 === 0 ? 75 + (i % 40) : i % 45;
    const lastTouchAt = new Date(Math.max(arrived.getTime(), Date.now() - daysAgo * 86_400_000));
    await db.ambassador.update({ where: { id: m.id }, data: { lastTouchAt } });
  }
  for (const m of members.filter((x) => x.status === "invited")) {
    await db.fanInvite.create({
      data: { brandId: juniper.id, ambassadorId: m.id, invitedById: sam.id, tokenHash: hashToken(randomToken()), expiresAt: new Date(Date.now() + 10 * 86_400_000), note: "We'd love to have you!" },
    });
  }
  await db.inviteLink.update({ where: { id: market.id }, data: { uses: await db.ambassador.count({ where: { inviteLinkId: market.id } }) } });
  const priyaAmbassador = await db.ambassador.findFirstOrThrow({ where: { brandId: juniper.id, userId: priya.id } });
  await db.ambassador.update({ where: { id: priyaAmbassador.id }, data: { preferences: "Oat milk; no nuts. T-shirt size S.", termsVersion: 1, termsAcceptedAt: new Date(), lastTouchAt: new Date() } });
  await db.timelineEvent.create({
    data: { brandId: juniper.id, ambassadorId: priyaAmbassador.id, kind: "note", summary: "Note", body: "Takes beautiful photos of the seeded rye. Ask her about the spring workshop.", actorId: sam.id },
  });

  const oliver = await createUser(db, { email: "oliver@northwind.example", name: "Oliver Grant" });
  const northwind = await createBrand(db, {
    name: "Northwind Coffee",
    slug: "northwind-coffee",
    ownerId: oliver.id,
    timeZone: "America/Montreal",
    color: "#0f766e",
    description: "Small-batch coffee roasters in Mile End, Montreal.",
    disclosureText: "Gifted by Northwind Coffee #gifted",
  });
  await createAmbassador(db, northwind.id, { email: priya.email, name: "Priya Raman", city: "Toronto", userId: priya.id, followers: [8_400], tags: ["coffee"] });
  for (let i = 0; i < 12; i++) {
    await createAmbassador(db, northwind.id, { city: faker.helpers.arrayElement(["Montreal", "Laval", "Quebec City"]), tags: ["coffee"], emailDomain: "fans.example" });
  }
  // The application page asks two questions; a few fans are waiting for an answer.
  const questions = [
    { id: "favbake01", label: "Which Juniper bake do you buy most?", type: "single" as const, options: ["Country sourdough", "Rye", "Croissants", "Seasonal cakes"], required: true, lifeMoment: false },
    { id: "moving01", label: "Are you moving house in the next 6 months?", type: "single" as const, options: ["Yes", "No"], required: false, lifeMoment: true },
  ];
  const applyBrand = await db.brand.update({
    where: { id: juniper.id },
    data: { applicationQuestions: JSON.stringify(questions), termsText: juniper.guidelines },
    select: { id: true, name: true, slug: true, color: true, logoUrl: true, timeZone: true, termsVersion: true, reapplyAfterDays: true, autoMinFollowers: true, autoCities: true },
  });
  const applicants = [
    { name: "Amara Osei", city: "Toronto", whyLove: "I walk past every morning and the smell of the rye is the best part of my commute.", followers: 420, bake: "Rye" },
    { name: "Jonah Weiss", city: "Toronto", whyLove: "Your croissants are the reason I learned to laminate dough at home. I post my attempts weekly!", followers: 3_100, bake: "Croissants" },
    { name: "Lucía Fernández", city: "Mississauga", whyLove: "We ordered our wedding cake from you. I tell everyone about it.", followers: 860, bake: "Seasonal cakes" },
  ];
  for (const [i, a] of applicants.entries()) {
    await submitApplication({
      brand: applyBrand,
      user: null,
      questions,
      ip: `seed-${i}`,
      input: {
        name: a.name,
        email: `${a.name.split(" ")[0].normalize("NFKD").replace(/[^A-Za-z]/g, "").toLowerCase()}@fans.example`,
        city: a.city,
        whyLove: a.whyLove,
        interests: "baking, photography",
        accounts: [{ platform: "instagram", handle: a.name.split(" ")[0].toLowerCase() + "bakes", followers: a.followers }],
        acceptTerms: "on",
        emailOptIn: true,
        q_favbake01: a.bake,
        q_moving01: i === 0 ? "Yes" : "No",
      },
    });
  }

  // One fan, one profile: Priya's accounts are the same in both programs.
  const accounts = await db.socialAccount.findMany({ where: { ambassadorId: priyaAmbassador.id }, select: { platform: true, handle: true, followers: true } });
  await updateFanProfile(fanScope(priya), { name: "Priya Raman", city: "Toronto", interests: "sourdough, food photography, rye", accounts: accounts as ProfileInput["accounts"] });

  await seedScoopsAndEvents(juniper.id, sam.id, lea.id);
  await seedSeedingPostsAndLinks(juniper.id, sam.id, priyaAmbassador.id);
  await seedDiscovery(juniper.id, maya.id, priyaAmbassador.id);
  // The qualification signals of every fan, and a saved view to reuse as an audience.
  await refreshBrandSignals(juniper.id);
  await db.savedView.create({ data: { brandId: juniper.id, name: "Rising micro in Toronto", query: "status=active&tier=micro&city=Toronto&rising=1", createdById: sam.id } });

  const count = await db.ambassador.count({ where: { brandId: juniper.id } });
  console.log(`Seeded Juniper Bakery with ${count} ambassadors, and Northwind Coffee.`);
}

/** Two scoops (one under embargo for the sourdough club) and a draft; an upcoming workshop with a waitlist and a past party. */
async function seedScoopsAndEvents(brandId: string, managerId: string, organizerId: string) {
  const now = Date.now();
  const day = 86_400_000;
  await db.scoop.create({
    data: {
      brandId,
      title: "First look: the spring menu",
      body: "Rhubarb and cardamom morning buns, a **wild garlic focaccia** and our first ever rye croissant.\n\nWe'd love your honest thoughts before we print the menu.",
      guidance: "Once the embargo lifts, you can say a spring menu is coming and name the buns. Please keep the rye croissant a surprise.",
      audienceKind: "tag",
      audienceValues: JSON.stringify(["sourdough"]),
      publishAt: new Date(now - 2 * 3_600_000),
      embargoUntil: new Date(now + 12 * day),
      notifiedAt: new Date(now - 2 * 3_600_000),
      createdById: managerId,
    },
  });
  await db.scoop.create({
    data: { brandId, title: "Holiday hours and the stollen pre-order", body: "Stollen pre-orders open for ambassadors a week before everyone else.", publishAt: new Date(now - 5 * day), createdById: managerId },
  });
  await db.scoop.create({ data: { brandId, title: "Collab with Northwind Coffee (draft)", body: "A coffee-and-croissant pairing box. Details to come.", createdById: managerId } });

  const active = await db.ambassador.findMany({ where: { brandId, status: "active", userId: null }, orderBy: { name: "asc" }, take: 24, select: { id: true } });
  const start = new Date(now + 10 * day);
  start.setUTCHours(23, 0, 0, 0);
  const workshop = await db.event.create({
    data: {
      brandId,
      title: "Lamination workshop",
      description: "Fold, turn, rest, repeat: an evening of croissant dough with our head baker. Aprons provided.",
      venue: "Juniper Bakery",
      address: "401 Roncesvalles Ave",
      city: "Toronto",
      timeZone: "America/Toronto",
      startsAt: start,
      endsAt: new Date(start.getTime() + 2.5 * 3_600_000),
      capacity: 12,
      maxPlusOnes: 1,
      priority: "first_timers",
      questions: JSON.stringify([{ id: "diet01", label: "Any allergies or dietary needs?", type: "short", options: [], required: false, lifeMoment: false }]),
      publishedAt: new Date(now - 3 * day),
      createdById: organizerId,
    },
  });
  let seats = 0;
  for (const [i, a] of active.slice(0, 12).entries()) {
    const plusOnes = i % 4 === 0 ? 1 : 0;
    if (seats + 1 + plusOnes > 12) {
      await db.rsvp.create({ data: { eventId: workshop.id, brandId, ambassadorId: a.id, status: "waitlisted", waitlistedAt: new Date(now - (12 - i) * 3_600_000), ticketCode: `demo-w-${i}` } });
      continue;
    }
    seats += 1 + plusOnes;
    await db.rsvp.create({ data: { eventId: workshop.id, brandId, ambassadorId: a.id, status: "going", plusOnes, showInGuestList: i % 2 === 0, ticketCode: `demo-g-${i}` } });
  }
  await db.event.update({ where: { id: workshop.id }, data: { seatsTaken: seats } });

  const partyStart = new Date(now - 20 * day);
  const party = await db.event.create({
    data: {
      brandId,
      title: "Summer market party",
      description: "Thank-you evening for our market regulars.",
      venue: "Sorauren Park",
      city: "Toronto",
      timeZone: "America/Toronto",
      startsAt: partyStart,
      endsAt: new Date(partyStart.getTime() + 3 * 3_600_000),
      capacity: 40,
      publishedAt: new Date(now - 40 * day),
      wrappedUpAt: new Date(partyStart.getTime() + 3 * 3_600_000),
      createdById: organizerId,
    },
  });
  for (const [i, a] of active.slice(12).entries()) {
    const came = i % 5 !== 0;
    await db.rsvp.create({
      data: { eventId: party.id, brandId, ambassadorId: a.id, status: "going", ticketCode: `demo-p-${i}`, checkedInAt: came ? new Date(partyStart.getTime() + i * 300_000) : null, noShow: !came },
    });
    await db.timelineEvent.create({ data: { brandId, ambassadorId: a.id, kind: "event", summary: came ? "Checked in at Summer market party" : "Didn't make it to Summer market party", createdAt: partyStart } });
  }
  await db.event.update({ where: { id: party.id }, data: { seatsTaken: active.slice(12).length } });
}

/** A seeding campaign in every state, posts over the last three months (some flagged), and tracked links. */
async function seedSeedingPostsAndLinks(brandId: string, managerId: string, priyaId: string) {
  const now = Date.now();
  const day = 86_400_000;
  await db.brand.update({ where: { id: brandId }, data: { allowedDomains: "juniperbakery.example" } });
  const campaign = await db.seedingCampaign.create({
    data: { brandId, name: "Spring starter kit", callToAction: "Bake something with our rye starter — only if you feel like it.", followUpDays: "7,14", createdById: managerId },
  });
  const product = await db.seedingProduct.create({ data: { campaignId: campaign.id, name: "Rye starter", valueCents: 2400 } });
  const small = await db.seedingVariant.create({ data: { campaignId: campaign.id, productId: product.id, name: "Small jar", stock: 20 } });
  const large = await db.seedingVariant.create({ data: { campaignId: campaign.id, productId: product.id, name: "Large jar", stock: 10 } });
  const fans = await db.ambassador.findMany({ where: { brandId, status: "active", id: { not: priyaId } }, orderBy: { email: "asc" }, take: 40, select: { id: true, name: true, city: true, maxFollowers: true, socialAccounts: { select: { platform: true, handle: true } } } });
  const address = (name: string, city: string) => JSON.stringify({ name, line1: "100 Queen St W", line2: "", city: city || "Toronto", region: "ON", postalCode: "M5H 2N2", country: "Canada" });
  const states = ["requested", "requested", "approved", "shipped", "delivered", "settled", "settled", "settled"] as const;
  let reservedSmall = 0;
  const delivered: { requestId: string; ambassadorId: string; at: Date }[] = [];
  for (const [i, f] of fans.slice(0, 16).entries()) {
    const status = states[i % states.length];
    const shippedAt = ["shipped", "delivered", "settled"].includes(status) ? new Date(now - (30 - i) * day) : null;
    const deliveredAt = status === "delivered" || status === "settled" ? new Date((shippedAt?.getTime() ?? now) + 3 * day) : null;
    const outcome = status === "settled" ? (["posted", "feedback", "no_post"] as const)[i % 3] : null;
    const r = await db.seedingRequest.create({
      data: {
        brandId,
        campaignId: campaign.id,
        variantId: small.id,
        ambassadorId: f.id,
        status,
        outcome,
        address: address(f.name, f.city),
        carrier: shippedAt ? "Canada Post" : "",
        trackingNumber: shippedAt ? `7023 ${String(4000 + i)}` : "",
        feedback: outcome === "feedback" ? "Lovely and tangy. The jar lid was hard to open, though." : "",
        requestedAt: new Date(now - (35 - i) * day),
        shippedAt,
        deliveredAt,
        settledAt: outcome ? new Date(now - 2 * day) : null,
      },
    });
    reservedSmall++;
    if (deliveredAt && outcome === "posted") delivered.push({ requestId: r.id, ambassadorId: f.id, at: deliveredAt });
  }
  // Priya's starter arrived last week: she can post about it, or share feedback.
  await db.seedingRequest.create({
    data: { brandId, campaignId: campaign.id, variantId: large.id, ambassadorId: priyaId, status: "delivered", address: address("Priya Raman", "Toronto"), carrier: "Canada Post", trackingNumber: "7023 9999", requestedAt: new Date(now - 14 * day), shippedAt: new Date(now - 10 * day), deliveredAt: new Date(now - 7 * day) },
  });
  await db.seedingVariant.update({ where: { id: small.id }, data: { reserved: reservedSmall } });
  await db.seedingVariant.update({ where: { id: large.id }, data: { reserved: 1 } });

  // Organic posts over the last 90 days, across tiers; a few about the starter, one without a disclosure.
  const platforms = ["instagram", "tiktok", "youtube", "bluesky"] as const;
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { tierMicroMin: true, tierMacroMin: true, tierMegaMin: true } });
  const { tierFor } = await import("#app/models/tiers");
  for (let i = 0; i < 60; i++) {
    const f = fans[i % fans.length];
    const postedAt = new Date(now - (i * 1.5 + 1) * day);
    const linked = delivered.find((d) => d.ambassadorId === f.id && d.at < postedAt);
    const followersAtPost = Math.max(60, f.maxFollowers);
    const reach = Math.round(followersAtPost * (followersAtPost < 1000 ? 0.08 : followersAtPost < 100_000 ? 0.035 : 0.012));
    const likes = Math.round(reach * (0.7 + ((i * 7) % 5) / 10));
    const platform = platforms[i % 4];
    const caption = i % 9 === 4 ? "Sunday rye with the new starter — so tangy!" : i % 3 === 0 ? "Gifted by Juniper Bakery #gifted — the spring buns are here" : "Saturday market haul from Juniper";
    const post = await db.post.create({
      data: {
        brandId,
        ambassadorId: f.id,
        url: `https://www.${platform === "bluesky" ? "bsky.app/profile/fan/post/3k" : `${platform}.com/p/`}demo${i}`,
        platform,
        externalId: `demo${i}`,
        caption,
        postedAt,
        day: postedAt.toISOString().slice(0, 10),
        status: i % 7 === 0 ? "pending" : "approved",
        tier: tierFor(followersAtPost, brand),
        followersAtPost,
        views: platform === "youtube" || platform === "tiktok" ? likes * 18 : null,
        likes,
        comments: Math.round(likes / 12),
        shares: Math.round(likes / 30),
        saves: Math.round(likes / 20),
        disclosureFlag: !!linked && i % 9 === 4,
        seedingRequestId: linked?.requestId ?? null,
        campaignId: linked ? campaign.id : null,
      },
    });
    await db.postMetric.create({ data: { postId: post.id, views: post.views, likes: post.likes, comments: post.comments, shares: post.shares, saves: post.saves, source: "fan", recordedAt: new Date(postedAt.getTime() + day) } });
  }

  const link = await db.trackedLink.create({ data: { brandId, ambassadorId: priyaId, code: "priya-spring", label: "Spring menu", destination: "https://juniperbakery.example/spring", utmSource: "kindred", utmMedium: "ambassador", utmCampaign: "spring", clicks: 0, createdById: managerId } });
  let clicks = 0;
  for (let d = 0; d < 30; d++) {
    const count = 3 + ((d * 5) % 11);
    clicks += count;
    await db.linkClickDay.create({ data: { linkId: link.id, day: new Date(now - d * day).toISOString().slice(0, 10), referrerDomain: d % 3 ? "instagram.com" : "", count } });
  }
  await db.trackedLink.update({ where: { id: link.id }, data: { clicks } });
}

/**
 * Juniper's Instagram and Bluesky accounts are connected; the first read runs on the recorded demo answers, so
 * two ambassadors' posts wait in the review queue as "found automatically" and other fans are on the
 * "already posting" list. (Demo mode keeps reading those answers; the token is a placeholder.)
 */
async function seedDiscovery(brandId: string, ownerId: string, priyaId: string) {
  const [noor, mateo] = await db.ambassador.findMany({ where: { brandId, status: "active", id: { not: priyaId } }, orderBy: { email: "desc" }, take: 2, select: { id: true } });
  // Noor, a Toronto baker on Instagram, went from 600 followers to 2,300 in about three months: she just became micro.
  await db.socialAccount.deleteMany({ where: { ambassadorId: noor.id } });
  await db.ambassador.update({ where: { id: noor.id }, data: { name: "Noor Haddad", city: "Toronto", maxFollowers: 2_300 } });
  const day = 86_400_000;
  await db.socialAccount.create({
    data: {
      ambassadorId: noor.id,
      platform: "instagram",
      handle: DEMO_AUTHORS.instagramKnown,
      followers: 2_300,
      snapshots: { create: [{ followers: 600, recordedAt: new Date(Date.now() - 100 * day) }, { followers: 700, recordedAt: new Date(Date.now() - 80 * day) }, { followers: 950, recordedAt: new Date(Date.now() - 35 * day) }, { followers: 2_300, recordedAt: new Date(Date.now() - 3 * day) }] },
    },
  });
  await db.$transaction((tx) => afterFollowerChange(tx, noor.id, 950, new Date(Date.now() - 3 * day)));
  await db.ambassador.update({ where: { id: mateo.id }, data: { name: "Mateo Silva" } });
  await db.socialAccount.create({ data: { ambassadorId: mateo.id, platform: "bluesky", handle: DEMO_AUTHORS.blueskyKnown, followers: 640 } });
  const connections = [
    { platform: "instagram", accountRef: "17841400000000001", tokenEncrypted: encryptSecret("demo-placeholder-token-not-a-real-one") },
    { platform: "bluesky", accountRef: "juniperbakery.bsky.social", terms: "#juniperbakery, Juniper Bakery" },
  ];
  for (const c of connections) {
    const row = await db.brandConnection.create({ data: { brandId, connectedById: ownerId, ...c } });
    await readConnection(row.id, demoSourceFetch);
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
