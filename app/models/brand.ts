import { z } from "zod";
import { isTimeZone } from "#app/utils/format";
import { parseAllowedDomains } from "./tracked-links";
import { DEFAULT_TIER_THRESHOLDS } from "./tiers";

export const RESERVED_SLUGS = ["new", "admin", "api", "app", "login", "logout", "join", "home", "settings", "dev", "b", "r"];


const count = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1`)
    .max(2_000_000_000, `${label} is too large`);

/** The brand form, shared by the browser (instant messages) and the server (the rule that counts). */
export const BrandSchema = z
  .object({
    name: z.string({ error: "Enter the brand's name" }).trim().min(2, "The name needs at least 2 characters").max(80, "Keep the name under 80 characters"),
    slug: z
      .string({ error: "Choose a web address" })
      .trim()
      .toLowerCase()
      .min(3, "The address needs at least 3 characters")
      .max(40, "Keep the address under 40 characters")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens (e.g. juniper-bakery)")
      .refine((s) => !RESERVED_SLUGS.includes(s), "That address is reserved; choose another"),
    description: z.string().trim().max(1000, "Keep the description under 1,000 characters").default(""),
    color: z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #b45309")
      .default("#7c3aed"),
    logoUrl: z
      .url({ protocol: /^https?$/, error: "Enter a full image address starting with https://" })
      .max(500, "That address is too long")
      .optional(),
    timeZone: z
      .string({ error: "Choose a time zone" })
      .refine(isTimeZone, "Choose a time zone from the list"),
    guidelines: z.string().trim().max(10_000, "Keep the guidelines under 10,000 characters").default(""),
    disclosureText: z.string().trim().max(200, "Keep the disclosure wording under 200 characters").default(""),
    allowedDomains: z
      .string()
      .trim()
      .max(1000, "Keep the list under 1,000 characters")
      .default("")
      .refine((v) => v.split(/[\s,]+/).filter(Boolean).length === parseAllowedDomains(v).length, "List domains only, like juniperbakery.example, shop.juniperbakery.example")
      .transform((v) => parseAllowedDomains(v).join(", ")),
    tierMicroMin: count("The micro threshold").default(DEFAULT_TIER_THRESHOLDS.tierMicroMin),
    tierMacroMin: count("The macro threshold").default(DEFAULT_TIER_THRESHOLDS.tierMacroMin),
    tierMegaMin: count("The mega threshold").default(DEFAULT_TIER_THRESHOLDS.tierMegaMin),
  })
  .superRefine((b, ctx) => {
    if (b.tierMacroMin <= b.tierMicroMin) {
      ctx.addIssue({ code: "custom", path: ["tierMacroMin"], message: "The macro threshold must be above the micro threshold" });
    }
    if (b.tierMegaMin <= b.tierMacroMin) {
      ctx.addIssue({ code: "custom", path: ["tierMegaMin"], message: "The mega threshold must be above the macro threshold" });
    }
  });

export type BrandInput = z.infer<typeof BrandSchema>;

/** "Juniper Bakery & Café" -> "juniper-bakery-cafe" */
export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

/** The zones offered in pickers (any zone isTimeZone accepts is still valid). */
export const TIME_ZONES = [...new Set([...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), "UTC"])].sort();
