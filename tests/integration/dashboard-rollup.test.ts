// The dashboard reads posts from a daily roll-up kept by triggers (PostDayStat). Whatever writes posts — inserts,
// metrics snapshots, hiding and showing, moving a post's day or tier, deleting posts or a whole ambassador — the
// dashboard's numbers must equal a straight recomputation from the posts themselves.
import { describe, expect, test } from "vitest";
import {
  dashboard,
  parseRange,
  resolveRange,
  weekOf,
} from "#app/models/analytics.server";
import { TIERS } from "#app/models/tiers";
import { db } from "#app/utils/db.server";
import {
  createAmbassador,
  createBrand,
  createUser,
  faker,
  staffScope,
} from "#tests/factories";

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const STATUSES = ["pending", "approved", "hidden", "flagged"];

describe("dashboard roll-up", () => {
  test(
    "equals a straight recomputation after random inserts, edits and deletions",
    { timeout: 60_000 },
    async () => {
      faker.seed(20261205);
      const now = new Date();
      const owner = await createUser(db);
      const brand = await createBrand(db, { ownerId: owner.id });
      const other = await createBrand(db, { ownerId: owner.id });
      const fans: { id: string; brandId: string }[] = [];
      for (let i = 0; i < 24; i++) {
        const joinedAt = new Date(
          now.getTime() -
            faker.number.int({ min: 0, max: 500 }) * DAY -
            faker.number.int({ min: 0, max: DAY - 1 }),
        );
        const fan = await createAmbassador(
          db,
          i % 6 === 5 ? other.id : brand.id,
          {
            joinedAt,
            source: faker.helpers.arrayElement([
              "invite",
              "link",
              "import",
              "application",
            ]),
          },
        );
        if (i % 4 === 3)
          await db.ambassador.update({
            where: { id: fan.id },
            data: {
              status: "alumni",
              leftAt: new Date(
                Math.min(
                  now.getTime(),
                  joinedAt.getTime() +
                    faker.number.int({ min: 1, max: 200 }) * DAY,
                ),
              ),
            },
          });
        fans.push({ id: fan.id, brandId: i % 6 === 5 ? other.id : brand.id });
      }
      const randomMetrics = () => ({
        followersAtPost: faker.helpers.arrayElement([
          0,
          faker.number.int({ min: 1, max: 2_000_000 }),
        ]),
        views: faker.helpers.arrayElement([
          null,
          0,
          faker.number.int({ min: 1, max: 500_000 }),
        ]),
        likes: faker.number.int({ min: 0, max: 50_000 }),
        comments: faker.number.int({ min: 0, max: 900 }),
        shares: faker.number.int({ min: 0, max: 300 }),
        saves: faker.number.int({ min: 0, max: 300 }),
      });
      const randomDay = () => {
        // A few posts are dated a day or two ahead (a fan in a later time zone): ranges ending today leave them out.
        const postedAt = new Date(
          now.getTime() - faker.number.int({ min: -2, max: 420 }) * DAY,
        );
        return { postedAt, day: dayOf(postedAt) };
      };
      const rows = Array.from({ length: 400 }, (_, i) => {
        const fan = faker.helpers.arrayElement(fans);
        return {
          brandId: fan.brandId,
          ambassadorId: fan.id,
          url: `https://example.com/p/${i}`,
          platform: "instagram",
          externalId: `p${i}`,
          status: faker.helpers.arrayElement(STATUSES),
          tier: faker.helpers.arrayElement(TIERS),
          ...randomDay(),
          ...randomMetrics(),
        };
      });
      // Some posts arrive one by one, the rest in one statement of many rows.
      for (const row of rows.slice(0, 40)) await db.post.create({ data: row });
      await db.post.createMany({ data: rows.slice(40) });

      // The top-contributors windows move to their ranges on a first read; what follows must keep them current.
      const presets = (at: Date) =>
        [30, 90, 365].map((days) =>
          parseRange(
            new URLSearchParams({
              from: dayOf(new Date(at.getTime() - (days - 1) * DAY)),
              to: dayOf(at),
            }),
            at,
          ),
        );
      for (const range of presets(now))
        await dashboard(staffScope(brand.id), range, now);

      const ids = (
        await db.post.findMany({
          select: { id: true },
          orderBy: { externalId: "asc" },
        })
      ).map((p) => p.id);
      for (let i = 0; i < 250; i++) {
        const id = faker.helpers.arrayElement(ids);
        const change = faker.helpers.arrayElement([
          () => ({ status: faker.helpers.arrayElement(STATUSES) }),
          () => randomMetrics(),
          () => ({ likes: faker.number.int({ min: 0, max: 80_000 }) }),
          () => randomDay(),
          () => ({ tier: faker.helpers.arrayElement(TIERS) }),
          () => ({ caption: "only words changed" }),
        ])();
        await db.post.update({ where: { id }, data: change });
      }
      await db.post.updateMany({
        where: { brandId: brand.id, status: "flagged" },
        data: { status: "approved", likes: 7 },
      });
      for (const id of faker.helpers.arrayElements(ids, 30))
        await db.post.deleteMany({ where: { id } });
      await db.ambassador.delete({ where: { id: fans[0].id } }); // and their posts with them

      const posts = await db.post.findMany({
        where: { brandId: brand.id, status: { not: "hidden" } },
      });
      const ambassadors = await db.ambassador.findMany({
        where: { brandId: brand.id },
      });
      expect(posts.length).toBeGreaterThan(100);
      const interactionsOf = (p: (typeof posts)[number]) =>
        p.likes + p.comments + p.shares + p.saves;

      // Today, tomorrow (each window moves on by a day) and in 150 days (the shorter windows are counted again).
      for (const at of [
        now,
        new Date(now.getTime() + DAY),
        new Date(now.getTime() + 150 * DAY),
      ]) {
        const all = await resolveRange(
          staffScope(brand.id),
          new URLSearchParams("range=all"),
          at,
        );
        expect(all.from <= dayOf(new Date(now.getTime() - 420 * DAY))).toBe(
          true,
        );
        const custom = parseRange(
          new URLSearchParams({
            from: dayOf(new Date(now.getTime() - 100 * DAY)),
            to: dayOf(new Date(now.getTime() - 3 * DAY)),
          }),
          at,
        );
        for (const range of [...presets(at), all, custom]) {
          const d = await dashboard(staffScope(brand.id), range, at);
          const inRange = posts.filter(
            (p) => p.day >= range.from && p.day <= range.to,
          );
          expect(d.totals.posts).toBe(inRange.length);
          expect(d.totals.interactions).toBe(
            inRange.reduce((n, p) => n + interactionsOf(p), 0),
          );
          for (const t of d.byTier) {
            const tier = inRange.filter((p) => p.tier === t.tier);
            const byFollowers = tier
              .filter((p) => p.followersAtPost > 0)
              .map((p) => interactionsOf(p) / p.followersAtPost);
            const byViews = tier
              .filter((p) => (p.views ?? 0) > 0)
              .map((p) => interactionsOf(p) / p.views!);
            const mean = (xs: number[]) =>
              xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
            expect(t.posts).toBe(tier.length);
            expect(t.interactions).toBe(
              tier.reduce((n, p) => n + interactionsOf(p), 0),
            );
            for (const [got, want] of [
              [t.avgRate, mean(byFollowers)],
              [t.avgViewRate, mean(byViews)],
            ]) {
              if (want === null) expect(got).toBeNull();
              else
                expect(
                  Math.abs(got! - want) / Math.max(want, 1e-12),
                ).toBeLessThan(1e-9);
            }
          }
          for (const w of d.postsOverTime) {
            const week = inRange.filter((p) => weekOf(p.day) === w.week);
            expect([w.week, w.posts, w.interactions]).toEqual([
              w.week,
              week.length,
              week.reduce((n, p) => n + interactionsOf(p), 0),
            ]);
          }
          // Joins, departures and the active count, week by week.
          const start = new Date(`${range.from}T00:00:00Z`).getTime();
          const end = new Date(`${range.to}T00:00:00Z`).getTime() + DAY;
          const within = (d?: Date | null) =>
            Boolean(d && d.getTime() >= start && d.getTime() < end);
          expect(d.totals.joined).toBe(
            ambassadors.filter((a) => within(a.joinedAt)).length,
          );
          const sources = new Map<string, number>();
          for (const a of ambassadors.filter((a) => within(a.joinedAt)))
            sources.set(a.source, (sources.get(a.source) ?? 0) + 1);
          expect(
            Object.fromEntries(d.sources.map((x) => [x.source, x.joins])),
          ).toEqual(Object.fromEntries(sources));
          for (const g of d.growth) {
            const weekEnd = Math.min(
              new Date(`${g.week}T00:00:00Z`).getTime() + 7 * DAY,
              end,
            );
            const at = (t: number) =>
              ambassadors.filter(
                (a) =>
                  a.joinedAt &&
                  a.joinedAt.getTime() < t &&
                  !(a.leftAt && a.leftAt.getTime() < t),
              ).length;
            expect([g.week, g.joined, g.left]).toEqual([
              g.week,
              ambassadors.filter(
                (a) =>
                  within(a.joinedAt) && weekOf(dayOf(a.joinedAt!)) === g.week,
              ).length,
              ambassadors.filter(
                (a) => within(a.leftAt) && weekOf(dayOf(a.leftAt!)) === g.week,
              ).length,
            ]);
            expect([g.week, g.active]).toEqual([g.week, at(weekEnd)]);
          }
          // Top contributors: by interactions, then posts.
          const perFan = new Map<
            string,
            { posts: number; interactions: number }
          >();
          for (const p of inRange) {
            const f = perFan.get(p.ambassadorId) ?? {
              posts: 0,
              interactions: 0,
            };
            f.posts += 1;
            f.interactions += interactionsOf(p);
            perFan.set(p.ambassadorId, f);
          }
          const straight = [...perFan]
            .sort(
              ([ia, a], [ib, b]) =>
                b.interactions - a.interactions ||
                b.posts - a.posts ||
                (ia < ib ? -1 : 1),
            )
            .slice(0, 10);
          expect(
            d.topContributors.map((t) => [
              t.ambassadorId,
              t.posts,
              t.interactions,
            ]),
          ).toEqual(straight.map(([id, f]) => [id, f.posts, f.interactions]));
        }
      }
      // Another brand's roll-up holds only its own posts.
      const otherPosts = await db.post.count({
        where: { brandId: other.id, status: { not: "hidden" } },
      });
      expect(
        (
          await db.postDayStat.aggregate({
            where: { brandId: other.id },
            _sum: { posts: true },
          })
        )._sum.posts ?? 0,
      ).toBe(otherPosts);
      // No empty rows are left behind.
      expect(await db.postDayStat.count({ where: { posts: { lte: 0 } } })).toBe(
        0,
      );
    },
  );
});
