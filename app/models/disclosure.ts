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
    /\b(thanks|thank you) to .{1,40} for (the )?(gift|gifting|sending)\b/i,
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
  if (PAID.test(text)) return { ok: false, buried: false, reason: "“Paid partnership” isn't accurate — this program is unpaid. Say what you received instead, like “Gifted by …”." };
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
