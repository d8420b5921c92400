import { z } from "zod";

/** The form a fan fills in to join a program (from an invitation or an invite link). */
export const JoinSchema = z.object({
  name: z.string({ error: "Tell us your name" }).trim().min(1, "Tell us your name").max(80, "Keep your name under 80 characters"),
  city: z.string().trim().max(80, "Keep the city under 80 characters").default(""),
  acceptTerms: z.literal("on", { error: "Please accept the program terms to join" }),
  emailOptIn: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export type JoinInput = z.infer<typeof JoinSchema>;

/** What a joining page shows of a brand: its welcome, guidelines, terms and the disclosure those terms ask for. */
export const JOIN_BRAND_SELECT = {
  id: true,
  name: true,
  slug: true,
  color: true,
  logoUrl: true,
  description: true,
  guidelines: true,
  termsText: true,
  termsVersion: true,
  disclosureText: true,
} as const;
