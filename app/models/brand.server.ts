import { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/utils/db.server";
import type { BrandInput } from "./brand";
import type { BrandScope } from "./scope";

export type BrandSaveResult = { ok: true; slug: string } | { ok: false; fieldErrors: Partial<Record<keyof BrandInput, string[]>> };

const SLUG_TAKEN = { slug: ["That address is already taken; choose another"] };

function isUniqueViolation(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** Creates a brand; its creator becomes the first owner. */
export async function createBrand(userId: string, input: BrandInput): Promise<BrandSaveResult> {
  if (await db.brand.findUnique({ where: { slug: input.slug }, select: { id: true } })) return { ok: false, fieldErrors: SLUG_TAKEN };
  try {
    const brand = await db.brand.create({
      data: { ...input, logoUrl: input.logoUrl ?? null, memberships: { create: { userId, role: "owner" } } },
      select: { slug: true },
    });
    return { ok: true, slug: brand.slug };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: SLUG_TAKEN };
    throw e;
  }
}

/** Updates a brand's settings (the caller has checked the owner role for this brand id). */
export async function updateBrand(scope: BrandScope, input: BrandInput): Promise<BrandSaveResult> {
  const { brandId } = scope;
  const clash = await db.brand.findFirst({ where: { slug: input.slug, NOT: { id: brandId } }, select: { id: true } });
  if (clash) return { ok: false, fieldErrors: SLUG_TAKEN };
  try {
    const brand = await db.brand.update({ where: { id: brandId }, data: { ...input, logoUrl: input.logoUrl ?? null }, select: { slug: true } });
    return { ok: true, slug: brand.slug };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, fieldErrors: SLUG_TAKEN };
    throw e;
  }
}
