/** Tracked links: /r/<code> → an allowed destination with UTM parameters. */
import { z } from "zod";
import { parseWebUrl } from "#app/utils/urls";

/** The new-link form, for staff (who may pick an ambassador) and for fans (whose links are their own). */
export const LinkSchema = z.object({
  destination: z.string({ error: "Enter the page the link opens, like https://shop.example/menu" }).trim().max(2000, "That address is too long"),
  label: z.string().trim().max(100, "Keep the label under 100 characters").optional(),
  utmCampaign: z.string().trim().max(60, "Keep the campaign name under 60 characters").optional(),
  ambassadorId: z.string().max(40).optional(),
});
export type LinkInput = z.output<typeof LinkSchema>;

/** A campaign name as it goes into utm_campaign: letters, digits, - and _ only. */
export function campaignSlug(value: string | undefined) {
  return (value ?? "").replace(/[^\w-]/g, "-");
}

export function parseAllowedDomains(value: string) {
  return value
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "").replace(/^\*\./, ""))
    .filter((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d));
}

/**
 * True when the destination is an http(s) address on one of the brand's domains (or a subdomain of one).
 * Anything else — other hosts, look-alikes such as juniper.example.evil.com, credentials in the URL, other
 * schemes — is refused, so a tracked link can never be used as an open redirect.
 */
export function isAllowedDestination(destination: string, allowedDomains: string[]) {
  const u = parseWebUrl(destination);
  if (!u) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, "");
  return allowedDomains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The destination with the link's UTM parameters (existing parameters are kept, UTM ones replaced). */
export function withUtm(destination: string, utm: { source?: string; medium?: string; campaign?: string; content?: string }) {
  const u = new URL(destination);
  const set = (k: string, v?: string) => {
    if (v) u.searchParams.set(k, v);
  };
  set("utm_source", utm.source);
  set("utm_medium", utm.medium);
  set("utm_campaign", utm.campaign);
  set("utm_content", utm.content);
  return u.toString();
}

/** The referring site's domain only (never the full address), or "" for direct visits. */
export function referrerDomain(referer: string | null) {
  if (!referer) return "";
  try {
    return new URL(referer).hostname.toLowerCase().replace(/^www\./, "").slice(0, 100);
  } catch {
    return "";
  }
}
