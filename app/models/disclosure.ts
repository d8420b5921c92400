/**
 * Checks a caption for a clear disclosure near its start — where people see it before "more". Clear: #ad,
 * #sponsored, #gifted, "gifted by <brand>", "paid partnership", "ad:", or the brand's own wording. A disclosure
 * that only appears further down (buried among hashtags) does not count.
 */
export const DISCLOSURE_WINDOW = 125;

type Brand = { name: string; disclosureText?: string };

function markers(brand: Brand) {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const list: RegExp[] = [
    /(^|[^\w#])#(ad|ads|advert|sponsored|gifted|gift|partner|paidpartnership)(?![\w-])/i,
    /(^|[^\w])(ad|advert|sponsored|gifted)\s*[:|]/i,
    /\bpaid partnership\b/i,
    /\bgifted (to me )?by\b/i,
    new RegExp(`\\b${esc(brand.name)}\\s+(gave|sent|gifted)\\s+me\\b`, "i"),
    /\b(thanks|thank you) to .{1,40} for (the )?(gift|gifting|sending)\b/i,
  ];
  const own = brand.disclosureText?.trim();
  if (own) list.push(new RegExp(esc(own), "i"));
  return list;
}

export type DisclosureCheck = { ok: true; found: string } | { ok: false; buried: boolean; reason: string };

export function checkDisclosure(caption: string, brand: Brand): DisclosureCheck {
  const text = caption.replace(/\s+/g, " ").trim();
  if (!text) return { ok: false, buried: false, reason: "No caption was given, so there is no disclosure to check." };
  const start = text.slice(0, DISCLOSURE_WINDOW);
  for (const re of markers(brand)) {
    const m = re.exec(start);
    if (m) return { ok: true, found: m[0].trim() };
  }
  const later = markers(brand).some((re) => re.test(text));
  return later
    ? { ok: false, buried: true, reason: "The disclosure is buried further down; it should be at the start of the caption." }
    : { ok: false, buried: false, reason: "No clear disclosure (like #ad or “gifted by …”) at the start of the caption." };
}
