/** Staff roles, from narrowest to widest. */
export const STAFF_ROLES = ["organizer", "manager", "owner"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const rank: Record<StaffRole, number> = { organizer: 1, manager: 2, owner: 3 };

/** True when `role` includes everything `needed` may do. */
export function roleAtLeast(role: StaffRole, needed: StaffRole) {
  return rank[role] >= rank[needed];
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: "Owner",
  manager: "Manager",
  organizer: "Event organizer",
};

export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  owner: "Everything, including staff and brand settings.",
  manager: "Runs the program: ambassadors, scoops, seeding, posts, analytics, events.",
  organizer: "Creates and runs events only.",
};
