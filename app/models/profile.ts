import { z } from "zod";

export const PLATFORMS = ["instagram", "tiktok", "youtube", "x", "threads", "bluesky", "facebook", "pinterest", "linkedin", "blog", "other"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: "Instagram",
  tiktok: "TikTok",
  youtube: "YouTube",
  x: "X",
  threads: "Threads",
  bluesky: "Bluesky",
  facebook: "Facebook",
  pinterest: "Pinterest",
  linkedin: "LinkedIn",
  blog: "Blog",
  other: "Other",
};

const AccountSchema = z.object({
  platform: z.enum(PLATFORMS, { error: "Choose a platform" }),
  handle: z
    .string({ error: "Enter the handle or address" })
    .trim()
    .min(1, "Enter the handle or address")
    .max(200, "That is too long")
    .transform((h) => h.replace(/^@/, "")),
  followers: z.coerce
    .number({ error: "Enter the number of followers" })
    .int("Enter a whole number")
    .min(0, "Followers cannot be negative")
    .max(2_000_000_000, "That is more followers than anyone has"),
});

/** A row someone left blank: no handle and no follower count (the platform picker always has a value). */
function blankAccount(row: unknown) {
  if (!row || typeof row !== "object") return true;
  const { handle, followers } = row as { handle?: unknown; followers?: unknown };
  return (handle === undefined || String(handle).trim() === "") && (followers === undefined || String(followers).trim() === "");
}

/** A list of social accounts from a form; rows left blank are ignored (the block is optional). */
export const AccountsField = z
  .array(z.unknown())
  .default([])
  .transform((rows) => rows.filter((r) => !blankAccount(r)))
  .pipe(z.array(AccountSchema).max(12, "Up to 12 accounts"))
  .refine((rows) => new Set(rows.map((r) => `${r.platform}:${r.handle.toLowerCase()}`)).size === rows.length, "The same account is listed twice");

export const NameField = z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(80, "Keep your name under 80 characters");
export const CityField = z.string().trim().max(80, "Keep the city under 80 characters").default("");

/** A fan's own profile. */
export const InterestsField = z.string().trim().max(300, "Keep this under 300 characters").default("");

export const ProfileSchema = z.object({ name: NameField, city: CityField, interests: InterestsField, accounts: AccountsField });

export type ProfileInput = z.infer<typeof ProfileSchema>;

/** What staff may correct on an ambassador's record: the name, where they are, and their accounts and followers. */
export const StaffDetailsSchema = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(80, "Keep the name under 80 characters"),
  city: CityField,
  region: z.string().trim().max(80, "Keep the region under 80 characters").default(""),
  accounts: AccountsField,
});
export type StaffDetailsInput = z.infer<typeof StaffDetailsSchema>;
