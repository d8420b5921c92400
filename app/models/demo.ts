/** The people the demo seed creates; the sign-in page offers one-click sign-in as each in demo mode. */
export const DEMO_BRAND_SLUG = "juniper-bakery";

export const DEMO_PEOPLE = [
  { email: "maya@juniperbakery.example", name: "Maya Chen", label: "Owner", description: "Owns Juniper Bakery: staff, settings and the whole program." },
  { email: "sam@juniperbakery.example", name: "Sam Okafor", label: "Community manager", description: "Runs the ambassador program day to day." },
  { email: "lea@juniperbakery.example", name: "Léa Tremblay", label: "Event organizer", description: "Plans tastings and workshops; sees events only." },
  { email: "priya@fans.example", name: "Priya Raman", label: "Ambassador", description: "A fan of Juniper Bakery and of Northwind Coffee." },
] as const;

export function isDemoEmail(email: string) {
  return DEMO_PEOPLE.some((p) => p.email === email);
}
