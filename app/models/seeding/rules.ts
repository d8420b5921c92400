import { z } from "zod";
import { audienceFields, checkAudience } from "../audience";
import { whole } from "../program-settings";

export const REQUEST_STATUSES = {
  offered: "Offered",
  requested: "Requested",
  approved: "Approved",
  declined: "Declined",
  shipped: "Shipped",
  delivered: "Delivered",
  settled: "Done",
  withdrawn: "Withdrawn",
} as const;
export type RequestStatus = keyof typeof REQUEST_STATUSES;

export const OUTCOMES = { posted: "Posted", feedback: "Shared honest feedback", no_post: "No post" } as const;
export type Outcome = keyof typeof OUTCOMES;

/** Statuses that hold a unit of stock. */
export const HOLDS_STOCK: RequestStatus[] = ["offered", "requested", "approved", "shipped", "delivered", "settled"];

/** "7,14" → [7, 14]: days after delivery when a gentle follow-up goes out; the last one settles the request. */
export function parseFollowUpDays(value: string) {
  return [...new Set(value.split(/[\s,]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 90))].sort((a, b) => a - b);
}

/** When each follow-up is due, and when the request settles as "no post" (a day after the last follow-up). */
export function followUpSchedule(deliveredAt: Date, days: number[]) {
  const at = (d: number) => new Date(deliveredAt.getTime() + d * 86_400_000);
  const followUps = days.map(at);
  const settleAt = days.length ? at(days[days.length - 1] + 1) : at(1);
  return { followUps, settleAt };
}

export type Address = { name: string; line1: string; line2: string; city: string; region: string; postalCode: string; country: string };

export const AddressSchema = z.object({
  name: z.string({ message: "Who should we address it to?" }).trim().min(1, "Who should we address it to?").max(120),
  line1: z.string({ message: "Enter the street address." }).trim().min(3, "Enter the street address.").max(200),
  line2: z.string().trim().max(200).default(""),
  city: z.string({ message: "Enter the city." }).trim().min(1, "Enter the city.").max(100),
  region: z.string().trim().max(100).default(""),
  postalCode: z.string({ message: "Enter the postal code." }).trim().min(2, "Enter the postal code.").max(20),
  country: z.string({ message: "Enter the country." }).trim().min(2, "Enter the country.").max(60),
});

export function readAddress(json: string): Address | null {
  try {
    const r = AddressSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function formatAddress(a: Address) {
  return [a.name, a.line1, a.line2, [a.city, a.region, a.postalCode].filter(Boolean).join(" "), a.country].filter(Boolean).join(", ");
}

const VariantRow = z.object({
  id: z.string().optional(),
  name: z.string({ message: "Name the variant." }).trim().min(1, "Name the variant.").max(80),
  // An empty box is "not given", not zero.
  stock: z.preprocess((v) => (v === "" || v === null ? undefined : v), whole("Stock", 0, 100_000)),
});

/** A variant row someone left empty (no name, no stock) is not a variant. */
const blankVariant = (row: unknown) => !row || typeof row !== "object" || Object.entries(row).every(([k, v]) => k === "id" || v === undefined || String(v).trim() === "");

const ProductRow = z.object({
  id: z.string().optional(),
  name: z.string({ message: "Name the product." }).trim().min(1, "Name the product.").max(120),
  value: z.coerce.number({ message: "Value must be a number" }).min(0, "Value can't be negative").max(100_000).default(0),
  variants: z
    .array(z.unknown())
    .default([])
    .transform((rows) => rows.filter((r) => !blankVariant(r)))
    .pipe(z.array(VariantRow).min(1, "Add at least one variant with its stock, for example “One size” and 20.").max(30, "Up to 30 variants")),
});

export const CampaignSchema = z
  .object({
    name: z.string({ message: "Name the campaign." }).trim().min(1, "Name the campaign.").max(120),
    callToAction: z.string().trim().max(2000).default(""),
    guidelines: z.string().trim().max(5000).default(""),
    mode: z.enum(["request", "offer"], { message: "Choose how fans get the product." }),
    opensAt: z.string().optional(),
    closesAt: z.string().optional(),
    followUpDays: z.string().trim().default("7,14").refine((v) => parseFollowUpDays(v).length > 0, "List the follow-up days, like 7, 14."),
    products: z.array(ProductRow).min(1, "Add a product.").max(20),
    ...audienceFields(false),
  })
  .superRefine((v, ctx) => checkAudience(v, ctx), { when: () => true });
export type CampaignInput = z.infer<typeof CampaignSchema>;

/** "tracking number per request" CSV: columns request id (or email), carrier, tracking number, tracking link. */
export function trackingRowsFromCsv(records: string[][]) {
  const [header = [], ...rows] = records;
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  const idCol = col("request", "request id", "request_id", "id");
  const emailCol = col("email", "e-mail");
  const carrierCol = col("carrier");
  const numberCol = col("tracking number", "tracking_number", "tracking");
  const urlCol = col("tracking link", "tracking url", "tracking_url", "url");
  if ((idCol < 0 && emailCol < 0) || numberCol < 0) return { ok: false as const, error: "The file needs a “request id” (or “email”) column and a “tracking number” column." };
  return {
    ok: true as const,
    rows: rows
      .filter((r) => r.some((c) => c.trim()))
      .map((r, i) => ({
        line: i + 2,
        requestId: idCol >= 0 ? (r[idCol] ?? "").trim() : "",
        email: emailCol >= 0 ? (r[emailCol] ?? "").trim().toLowerCase() : "",
        carrier: carrierCol >= 0 ? (r[carrierCol] ?? "").trim() : "",
        trackingNumber: (r[numberCol] ?? "").trim(),
        trackingUrl: urlCol >= 0 ? (r[urlCol] ?? "").trim() : "",
      })),
  };
}

/** How a request reads to the fan: plain words for where it is, never the team's workflow terms. */
export function fanStatus(status: string, outcome: string | null) {
  switch (status) {
    case "offered":
      return "Offered to you — accept or decline";
    case "requested":
      return "Requested — the team will let you know";
    case "approved":
      return "Approved — being packed";
    case "shipped":
      return "On its way";
    case "delivered":
      return outcome === "feedback" ? "Arrived · thank you for your feedback" : "Arrived";
    case "settled":
      return outcome === "posted" ? "All done · thank you for posting" : outcome === "feedback" ? "All done · thank you for your feedback" : "All done";
    case "declined":
      return "Not this time";
    default:
      return "Withdrawn";
  }
}
