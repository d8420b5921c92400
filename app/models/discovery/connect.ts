// The connection forms (settings) and the handle rules, shared by the browser and the server.
import { z } from "zod";

export const DISCOVERY_PLATFORMS = { instagram: "Instagram", bluesky: "Bluesky", youtube: "YouTube" } as const;
export type DiscoveryPlatform = keyof typeof DISCOVERY_PLATFORMS;

/** "@Noor.Bakes" -> "noor.bakes"; on Bluesky "mateo" and "mateo.bsky.social" are the same account. */
export function normalHandle(platform: string, handle: string) {
  const h = handle.trim().replace(/^@/, "").toLowerCase();
  return platform === "bluesky" && !h.includes(".") ? `${h}.bsky.social` : h;
}

/** "#juniperbakery, Juniper Bakery" -> ["#juniperbakery", "Juniper Bakery"] (at most 10, no repeats). */
export function termList(terms: string) {
  return [...new Set(terms.split(/[,\n]/).map((t) => t.trim()).filter(Boolean))].slice(0, 10);
}

const terms = z.string().trim().max(500, "Keep the list under 500 characters");

export const InstagramConnectSchema = z.object({
  platform: z.literal("instagram"),
  accountRef: z.string({ error: "Enter the account's id" }).trim().regex(/^\d{5,30}$/, "The Instagram account id is a number (Meta Business Suite → Settings → Instagram accounts)"),
  token: z.string({ error: "Paste the access token" }).trim().min(20, "That is too short for an access token").max(1000, "That is too long for an access token"),
});

export const BlueskyConnectSchema = z.object({
  platform: z.literal("bluesky"),
  accountRef: z
    .string({ error: "Enter the brand's Bluesky handle" })
    .trim()
    .transform((h) => normalHandle("bluesky", h))
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/, "A handle looks like juniperbakery.bsky.social")),
  terms: terms.default(""),
});

export const YouTubeConnectSchema = z.object({
  platform: z.literal("youtube"),
  accountRef: z.string().trim().max(100, "Keep the handle under 100 characters").default(""),
  terms: z.string({ error: "Enter at least one name or hashtag to search for" }).trim().min(2, "Enter at least one name or hashtag to search for").max(500, "Keep the list under 500 characters"),
});

export const ConnectSchema = z.discriminatedUnion("platform", [InstagramConnectSchema, BlueskyConnectSchema, YouTubeConnectSchema]);
