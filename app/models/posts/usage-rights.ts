// Asking a fan for permission to reuse their post in the brand's own channels: the form both sides see, and what
// "cleared for reuse" means. Shared by the browser and the server.
import { z } from "zod";
import { isCalendarDate } from "#app/utils/format";

/** Where a brand may reuse a post, as the fan reads it. */
export const REUSE_CHANNELS = {
  social: "The brand's own social media accounts",
  website: "The brand's website",
  newsletter: "The brand's email newsletter",
  store: "In the shop (print, screens)",
  ads: "Paid ads",
} as const;
export type ReuseChannel = keyof typeof REUSE_CHANNELS;

/** The longest a request may ask for: consent that never ends is not what a fan expects to give. */
export const MAX_REUSE_YEARS = 2;

export const UsageRightsSchema = z.object({
  uses: z
    .string({ error: "Say what you'd like to reuse, e.g. the photo, credited to the fan." })
    .trim()
    .min(3, "Say what you'd like to reuse, e.g. the photo, credited to the fan.")
    .max(300, "Keep it under 300 characters."),
  channels: z
    .array(z.enum(Object.keys(REUSE_CHANNELS) as [ReuseChannel, ...ReuseChannel[]], { error: "Choose from the listed places." }), { error: "Choose at least one place you'd use it." })
    .min(1, "Choose at least one place you'd use it."),
  until: z.string({ error: "Choose until when you'd use it." }).refine(isCalendarDate, "Choose until when you'd use it (a date)."),
  message: z.string().trim().max(1000, "Keep the message under 1,000 characters.").default(""),
});
export type UsageRightsInput = z.output<typeof UsageRightsSchema>;

export const USAGE_RIGHTS_STATUS = { requested: "Waiting for the fan", granted: "Cleared for reuse", declined: "Declined", withdrawn: "Permission withdrawn", expired: "Permission ended" } as const;

/** A request's state as people read it: a grant whose end date passed has ended. */
export function rightsState(r: { status: string; until: Date | string | null }, now = new Date()): keyof typeof USAGE_RIGHTS_STATUS {
  if (r.status === "granted" && r.until && new Date(r.until) < now) return "expired";
  return r.status as keyof typeof USAGE_RIGHTS_STATUS;
}

/** "The brand's website, Paid ads" from the stored list. */
export function channelNames(channels: string) {
  return channels
    .split(",")
    .filter(Boolean)
    .map((c) => REUSE_CHANNELS[c as ReuseChannel] ?? c)
    .join(", ");
}

/** The last day of a grant, as a date in the brand's zone ("December 31, 2027"), or "no end date". */
export function formatUntil(until: Date | string | null, timeZone: string) {
  if (!until) return "no end date";
  return new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone }).format(new Date(until));
}

/** The same calendar day some years later ("2028-02-29" + 1 → "2029-02-28"). */
export function yearsAfter(isoDate: string, years: number) {
  const later = `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
  return isCalendarDate(later) ? later : `${later.slice(0, 8)}28`;
}
