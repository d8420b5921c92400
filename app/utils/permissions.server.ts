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

/** The layout and the page of one page view share one membership lookup (getUser does the same for the session). */
function membershipOf(request: Request, userId: string, slug: string) {
  return oncePerRequest(request, `membership ${userId} ${slug}`, () =>
    db.membership.findFirst({
      where: { userId, brand: { slug } },
      select: { role: true, brand: { select: { id: true, name: true, slug: true, color: true, logoUrl: true, timeZone: true } } },
    }),
  );
}

/**
 * The signed-in staff member of the brand in the URL. Someone who is not staff of the brand gets 404 — the
 * same answer as for a brand that does not exist, so slugs and ids do not leak. Staff whose role is too narrow
 * get 403.
 */
export async function requireBrandMember(request: Request, slug: string | undefined, needed: StaffRole = "organizer"): Promise<BrandContext> {
  const user = await requireUser(request);
  const membership = slug ? await membershipOf(request, user.id, slug) : null;
  if (!membership || !isStaffRole(membership.role)) {
    throw new Response("Not found", { status: 404, statusText: "Not found" });
  }
  if (!roleAtLeast(membership.role, needed)) {
    throw new Response("Your role does not include this page", { status: 403, statusText: "Forbidden" });
  }
  return { user, brand: membership.brand, role: membership.role, scope: brandScope(membership.brand.id, membership.role, user.id) };
}
