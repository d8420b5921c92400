// Who a model function acts for. Every function that reads or writes a brand's data takes one of these first, so a
// call without a scope does not type-check, and the function narrows its queries by it (brandId for staff, the
// fan's own user for a fan). Routes get them from requireBrandMember (BrandContext.scope) and fanScope(user).
import type { StaffRole } from "./roles";

/** Staff acting for one brand: queries stay inside brandId; role is what requireBrandMember checked. */
export type BrandScope = { readonly kind: "brand"; readonly brandId: string; readonly role: StaffRole; readonly userId: string };

/** A signed-in fan, acting on their own memberships, posts, RSVPs and requests only. */
export type FanScope = { readonly kind: "fan"; readonly userId: string };

export function brandScope(brandId: string, role: StaffRole, userId: string): BrandScope {
  return { kind: "brand", brandId, role, userId };
}

export function fanScope(user: { id: string }): FanScope {
  return { kind: "fan", userId: user.id };
}

/** The query filter that keeps a lookup inside the scope, for records that belong to an ambassador of a brand. */
export function ambassadorRecordWhere(scope: BrandScope | FanScope) {
  return scope.kind === "brand" ? { brandId: scope.brandId } : { ambassador: { userId: scope.userId } };
}
