/**
 * Checks a caption for a clear disclosure at its start — the first words people read, before anything else (FTC:
 * "at the beginning", not tucked after the text or among hashtags). Clear: #ad, #sponsored, #gifted, "gifted by
 * <brand>", "ad:", "<brand> sent me", or the brand's own wording. "Paid partnership" is never accepted: Kindred
 * programs are unpaid, so it would say something untrue.
 */
export const DISCLOSURE_WINDOW = 30;

type Brand = { name: string; disclosureText?: string };

function markers(brand: Brand) {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const list: RegExp[] = [
    /(^|[^\w#])#(ad|ads|advert|sponsored|gifted|gift|partner)(?![\w-])/i,
    /(^|[^\w])(ad|advert|sponsored|gifted)\s*[:|]/i,
    /\bgifted (to me )?by\b/i,
    new RegExp(`\\b${esc(brand.name)}\\s+(gave|sent|gifted)\\s+me\\b`, "i"),
    /\b(thanks|thank you) to .{1,40} for (the )?(gift|gifting|sending|invite|invitation|tickets?|early access)\b/i,
    new RegExp(`\\b(invited|hosted) by\\s+${esc(brand.name)}\\b`, "i"),
    new RegExp(`\\bearly access (from|courtesy of)\\s+${esc(brand.name)}\\b`, "i"),
  ];
  const own = brand.disclosureText?.trim();
  if (own) list.push(new RegExp(esc(own), "i"));
  return list;
}

export type DisclosureCheck = { ok: true; found: string } | { ok: false; buried: boolean; reason: string };

const PAID = /\bpaid partnership\b|#paidpartnership\b/i;

export function checkDisclosure(caption: string, brand: Brand): DisclosureCheck {
  const text = caption.replace(/\s+/g, " ").trim();
  if (!text) return { ok: false, buried: false, reason: "No caption was given, so there is no disclosure to check." };
  if (PAID.test(text)) return { ok: false, buried: false, reason: "“Paid partnership” isn't accurate — this program is unpaid. Say plainly what you received instead, or use #ad." };
  for (const re of markers(brand)) {
    const m = re.exec(text);
    // The disclosure has to begin within the first words.
    if (m && m.index + m[0].length - m[0].trimStart().length <= DISCLOSURE_WINDOW) return { ok: true, found: m[0].trim() };
  }
  const later = markers(brand).some((re) => re.test(text));
  return later
    ? { ok: false, buried: true, reason: "The disclosure is buried after the text; it should be the first thing in the caption." }
    : { ok: false, buried: false, reason: "No clear disclosure (like #ad or “gifted by …”) at the start of the caption." };
}

/** What a post followed, as far as disclosure goes: seeded product, an event ticket, or early access to a scoop. */
export type PerkType = "seeding" | "event" | "scoop";

export function perkTypeOf(post: { seedingRequestId?: string | null; eventId?: string | null; scoopId?: string | null }): PerkType | null {
  return post.seedingRequestId ? "seeding" : post.eventId ? "event" : post.scoopId ? "scoop" : null;
}

const SAYS_GIFT = /\bgift(ed)?\b|#gift/i;

/**
 * The disclosure to suggest for a post, true to what the fan actually received: "Gifted by" only for product that
 * was sent to them; an invitation for an event; early access for a scoop. The brand's own wording is used when it
 * fits the perk (wording that speaks of a gift is kept for gifts).
 */
export function suggestDisclosure(perk: PerkType | null, brand: Brand) {
  const own = brand.disclosureText?.trim();
  if (own && (perk === "seeding" || !SAYS_GIFT.test(own))) return own;
  switch (perk) {
    case "seeding":
      return `Gifted by ${brand.name} #gifted`;
    case "event":
      return `Invited by ${brand.name} #ad`;
    case "scoop":
      return `Early access from ${brand.name} #ad`;
    default:
      return `#ad`;
  }
}
