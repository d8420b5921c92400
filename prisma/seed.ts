// Demo data: Juniper Bakery, a neighbourhood bakery in Toronto, with its team and 72 ambassadors,
// plus a second brand so one fan belongs to two programs. Run by `npm run setup` on an empty database.
import { DEMO_BRAND_SLUG, DEMO_PEOPLE } from "#app/models/demo";
import { createPrisma } from "#app/utils/db.server";
import { addStaff, createAmbassador, createBrand, createUser, faker } from "#tests/factories";

const db = createPrisma();

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
  const statuses = ["active", "active", "active", "active", "active", "active", "paused", "invited", "applied", "alumni"] as const;
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
  const count = await db.ambassador.count({ where: { brandId: juniper.id } });
  console.log(`Seeded Juniper Bakery with ${count} ambassadors, and Northwind Coffee.`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
