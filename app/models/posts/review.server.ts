// Reading posts: the brand's review queue and one post with its candidate perks, and the fan's own posts.
import type { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import { perkTypeOf, suggestDisclosure } from "../disclosure";
import { type ReviewFilter } from "./rules";
import { NotFound } from "../errors";
import { type BrandScope, type FanScope } from "../scope";
import { perkCandidates } from "./submit.server";
import { clearedForReuse } from "./usage-rights.server";
import { refreshSignalsOfPost } from "../qualification/refresh.server";

const DAY = 86_400_000;

/** The programs a fan can add posts to (active memberships), by brand name. */
export async function postingPrograms(fan: FanScope) {
  return db.ambassador.findMany({ where: { userId: fan.userId, status: "active" }, orderBy: { brand: { name: "asc" } }, select: { id: true, brand: { select: { id: true, name: true, slug: true, timeZone: true, disclosureText: true } } } });
}

export async function reviewPost(scope: BrandScope, postId: string, status: "approved" | "hidden" | "pending") {
  const { brandId } = scope;
  const changed = await db.post.updateMany({ where: { id: postId, brandId }, data: { status } });
  if (!changed.count) throw new NotFound();
  await refreshSignalsOfPost(postId);
}

const POST_ROW = {
  id: true,
  url: true,
  platform: true,
  kind: true,
  caption: true,
  postedAt: true,
  status: true,
  tier: true,
  followersAtPost: true,
  views: true,
  likes: true,
  comments: true,
  shares: true,
  saves: true,
  disclosureFlag: true,
  embargoFlag: true,
  disclosureRequestedAt: true,
  screenshotUploadId: true,
  scoopId: true,
  eventId: true,
  seedingRequestId: true,
  foundVia: true,
  qualityRating: true,
  createdAt: true,
  _count: { select: { metrics: true } },
} satisfies Prisma.PostSelect;

/** The fan's own posts across programs, newest first. */
export async function fanPosts(scope: FanScope) {
  const { userId } = scope;
  const posts = await db.post.findMany({
    where: { ambassador: { userId } },
    orderBy: { postedAt: "desc" },
    take: 100,
    select: { ...POST_ROW, brand: { select: { name: true, timeZone: true, disclosureText: true } } },
  });
  return posts.map((p) => ({ ...p, suggestedDisclosure: suggestDisclosure(perkTypeOf(p), p.brand) }));
}


/** The brand's post review queue. */
export async function listPosts(scope: BrandScope, filter: ReviewFilter, page: number) {
  const { brandId } = scope;
  const where: Prisma.PostWhereInput = {
    brandId,
    ...(filter === "pending" ? { status: "pending" } : filter === "approved" ? { status: "approved" } : filter === "hidden" ? { status: "hidden" } : {}),
    ...(filter === "flagged" ? { OR: [{ disclosureFlag: true }, { embargoFlag: true }] } : {}),
    ...(filter === "found" ? { foundVia: { not: null } } : {}),
    ...(filter === "cleared" ? clearedForReuse() : {}),
  };
  const [total, posts] = await Promise.all([
    db.post.count({ where }),
    db.post.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * 25, take: 25, select: { ...POST_ROW, ambassador: { select: { id: true, name: true } }, usageRights: { where: { status: "granted" }, orderBy: { createdAt: "desc" }, take: 1, select: { status: true, until: true } } } }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / 25)), posts };
}

export async function getPostForStaff(scope: BrandScope, postId: string) {
  const { brandId } = scope;
  const post = await db.post.findFirst({
    where: { id: postId, brandId },
    select: { ...POST_ROW, ambassadorId: true, brand: { select: { name: true, disclosureText: true } }, ambassador: { select: { id: true, name: true } }, metrics: { orderBy: { recordedAt: "desc" }, take: 50, select: { id: true, views: true, likes: true, comments: true, shares: true, saves: true, source: true, recordedAt: true } } },
  });
  if (!post) return null;
  const candidates = await perkCandidates(brandId, post.ambassadorId, new Date(post.postedAt.getTime() + DAY));
  return { post, candidates };
}
