// Test-data factories, shared by the tests and the demo seed (prisma/seed.ts).
import { faker } from "@faker-js/faker";
import type { DB } from "#app/utils/db.server";
import type { StaffRole } from "#app/models/roles";
import { brandScope } from "#app/models/scope";

export { faker };

/** The scope a staff member of the brand acts in, for calling model functions directly (as requireBrandMember gives it). */
export function staffScope(brandId: string, role: StaffRole = "owner", userId = "staff-in-a-test") {
  return brandScope(brandId, role, userId);
}

let counter = 0;
/** An address that is unique within a test run. */
export function uniqueEmail(prefix = "person") {
  counter++;
  return `${prefix}.${Date.now().toString(36)}${counter}${faker.string.alphanumeric(4).toLowerCase()}@example.com`;
}

export async function createUser(db: DB, data: { email?: string; name?: string | null } = {}) {
  return db.user.create({
    data: { email: (data.email ?? uniqueEmail()).toLowerCase(), name: data.name === undefined ? faker.person.fullName() : data.name },
  });
}

export async function createBrand(
  db: DB,
  data: { name?: string; slug?: string; ownerId?: string; timeZone?: string; color?: string; description?: string; guidelines?: string; disclosureText?: string } = {},
) {
  const name = data.name ?? `${faker.company.name()} ${faker.string.alphanumeric(4)}`;
  const slug = data.slug ?? `brand-${faker.string.alphanumeric(10).toLowerCase()}`;
  return db.brand.create({
    data: {
      name,
      slug,
      timeZone: data.timeZone ?? "America/Toronto",
      color: data.color ?? faker.color.rgb({ format: "hex" }),
      description: data.description ?? faker.company.catchPhrase(),
      guidelines: data.guidelines ?? "",
      disclosureText: data.disclosureText ?? `Gifted by ${name} #gifted`,
      ...(data.ownerId ? { memberships: { create: { userId: data.ownerId, role: "owner" } } } : {}),
    },
  });
}

export async function addStaff(db: DB, brandId: string, userId: string, role: StaffRole) {
  return db.membership.create({ data: { brandId, userId, role } });
}

function readableEmail(first: string, last: string, domain: string) {
  counter++;
  const clean = (s: string) => s.normalize("NFKD").replace(/[^A-Za-z]/g, "").toLowerCase();
  return `${clean(first)}.${clean(last)}.${counter}@${domain}`;
}

const PLATFORMS = ["instagram", "tiktok", "youtube", "threads", "bluesky", "blog"] as const;

type AmbassadorInput = {
  email?: string;
  /** the first account's handle (the others add 1, 2, …); a random one from the name otherwise */
  handle?: string;
  name?: string;
  city?: string;
  region?: string;
  status?: "invited" | "applied" | "active" | "paused" | "alumni";
  source?: "invite" | "link" | "application" | "import";
  userId?: string | null;
  tags?: string[];
  /** follower counts per account; the first is on Instagram */
  followers?: number[];
  joinedAt?: Date;
  /** how many older follower snapshots to keep per account (history over past months) */
  history?: number;
  /** without an email: a readable address at this domain (first.last.N@domain) instead of a test address */
  emailDomain?: string;
};

/** Creates an ambassador with social accounts, follower history and tags (tags are created on demand). */
export async function createAmbassador(db: DB, brandId: string, input: AmbassadorInput = {}) {
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  const followers = input.followers ?? [faker.number.int({ min: 80, max: 4000 })];
  const history = input.history ?? 0;
  const joinedAt = input.joinedAt ?? (input.status === "invited" || input.status === "applied" ? null : faker.date.past({ years: 2 }));
  const handle = input.handle ?? faker.internet.username({ firstName: first, lastName: last }).toLowerCase().replace(/[^a-z0-9_.]/g, "");
  const ambassador = await db.ambassador.create({
    data: {
      brandId,
      email: (input.email ?? (input.emailDomain ? readableEmail(first, last, input.emailDomain) : uniqueEmail(first.toLowerCase()))).toLowerCase(),
      name: input.name ?? `${first} ${last}`,
      city: input.city ?? faker.location.city(),
      region: input.region ?? "",
      status: input.status ?? "active",
      source: input.source ?? "invite",
      userId: input.userId ?? null,
      joinedAt,
      // Paused and alumni fans stopped being active at some point after they joined.
      leftAt: input.status === "paused" || input.status === "alumni" ? faker.date.between({ from: joinedAt ?? new Date(Date.now() - 86_400_000), to: new Date() }) : null,
      maxFollowers: Math.max(0, ...followers),
      socialAccounts: {
        create: followers.map((count, i) => ({
          platform: PLATFORMS[i % PLATFORMS.length],
          handle: i === 0 ? handle : `${handle}${i}`,
          followers: count,
          snapshots: {
            create: [
              ...Array.from({ length: history }, (_, h) => ({
                followers: Math.max(0, Math.round(count * (1 - 0.08 * (history - h)))),
                recordedAt: new Date(Date.now() - (history - h) * 30 * 24 * 60 * 60 * 1000),
              })),
              { followers: count },
            ],
          },
        })),
      },
    },
  });
  for (const name of input.tags ?? []) {
    const tag = await db.tag.upsert({ where: { brandId_name: { brandId, name } }, create: { brandId, name }, update: {}, select: { id: true } });
    await db.ambassadorTag.create({ data: { ambassadorId: ambassador.id, tagId: tag.id } });
  }
  return ambassador;
}

type EventInput = {
  title?: string;
  capacity?: number | null;
  maxPlusOnes?: number;
  startsAt?: Date;
  endsAt?: Date;
  timeZone?: string;
  priority?: string;
  priorityTiers?: string;
  audienceKind?: string;
  audienceValues?: string[];
  questions?: { id: string; label: string; type: string; options: string[]; required: boolean; lifeMoment: boolean }[];
  rsvpDeadline?: Date | null;
  claimHours?: number;
};

/** A published in-person event a week from now, unless told otherwise. */
export async function createEvent(db: DB, brandId: string, input: EventInput = {}) {
  const startsAt = input.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  return db.event.create({
    data: {
      brandId,
      title: input.title ?? `${faker.word.adjective()} tasting`,
      description: "Come taste the new menu.",
      format: "in_person",
      venue: "The bakery",
      address: "12 Ossington Ave",
      city: "Toronto",
      timeZone: input.timeZone ?? "America/Toronto",
      startsAt,
      endsAt: input.endsAt ?? new Date(startsAt.getTime() + 3 * 3_600_000),
      capacity: input.capacity === undefined ? 20 : input.capacity,
      maxPlusOnes: input.maxPlusOnes ?? 0,
      priority: input.priority ?? "first_come",
      priorityTiers: input.priorityTiers ?? "",
      audienceKind: input.audienceKind ?? "all",
      audienceValues: JSON.stringify(input.audienceValues ?? []),
      questions: JSON.stringify(input.questions ?? []),
      rsvpDeadline: input.rsvpDeadline ?? null,
      claimHours: input.claimHours ?? 24,
      publishedAt: new Date(),
    },
  });
}
