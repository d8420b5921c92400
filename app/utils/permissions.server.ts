import { db } from "./db.server";
import { oncePerRequest } from "./request-memo.server";
import { requireUser, type SessionUser } from "./auth.server";
import { isStaffRole, roleAtLeast, type StaffRole } from "#app/models/roles";
import { brandScope, type BrandScope } from "#app/models/scope";

export type BrandContext = {
  user: SessionUser;
  brand: { id: string; name: string; slug: string; color: string; logoUrl: string | null; timeZone: string };
  role: StaffRole;
  /** what model functions take to act for this brand (app/models/scope.ts) */
  scope: BrandScope;
};

const BRAND_CONTEXT_SELECT = { id: true, name: true, slug: true, color: true, logoUrl: true, timeZone: true } as const;

/**
 * Every brand the user belongs to, with their role, by brand name: one lookup per page view, shared by the layout
 * (the brand switcher) and the page (the membership of the brand in the URL). getUser does the same for the session.
 */
export function membershipsOf(request: Request, userId: string) {
  return oncePerRequest(request, `memberships ${userId}`, () =>
    db.membership.findMany({ where: { userId }, orderBy: { brand: { name: "asc" } }, select: { role: true, brand: { select: BRAND_CONTEXT_SELECT } } }),
  );
}

/**
 * The signed-in staff member of the brand in the URL. Someone who is not staff of the brand gets 404 — the
 * same answer as for a brand that does not exist, so slugs and ids do not leak. Staff whose role is too narrow
 * get 403.
 */
export async function requireBrandMember(request: Request, slug: string | undefined, needed: StaffRole = "organizer"): Promise<BrandContext> {
  const user = await requireUser(request);
  const membership = slug ? (await membershipsOf(request, user.id)).find((m) => m.brand.slug === slug) : undefined;
  if (!membership || !isStaffRole(membership.role)) {
    throw new Response("Not found", { status: 404, statusText: "Not found" });
  }
  if (!roleAtLeast(membership.role, needed)) {
    throw new Response("Your role does not include this page", { status: 403, statusText: "Forbidden" });
  }
  return { user, brand: membership.brand, role: membership.role, scope: brandScope(membership.brand.id, membership.role, user.id) };
}
