import { z } from "zod";
import { QUESTION_TYPES, type QuestionType } from "./application";

export const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");

export const whole = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `${label} must be a whole number` }).int(`${label} must be a whole number`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max.toLocaleString("en")}`);

export const QuestionRowSchema = z
  .object({
    id: z.string().optional(),
    label: z.string({ error: "Write the question" }).trim().min(3, "Write the question").max(200, "Keep questions under 200 characters"),
    type: z.enum(Object.keys(QUESTION_TYPES) as [QuestionType, ...QuestionType[]], { error: "Choose a type" }),
    options: z
      .string()
      .default("")
      .transform((s) => [...new Set(s.split(",").map((o) => o.trim()).filter(Boolean))]),
    required: checkbox,
    lifeMoment: checkbox,
  })
  .superRefine((q, ctx) => {
    if ((q.type === "single" || q.type === "multi") && q.options.length < 2) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "List at least two choices, separated by commas" });
    }
    if (q.options.length > 20) ctx.addIssue({ code: "custom", path: ["options"], message: "Up to 20 choices" });
  });

/** The program settings form: application page, auto-rules, terms and the quiet period. */
export const ProgramSettingsSchema = z.object({
  applicationsOpen: checkbox,
  reapplyAfterDays: whole("The wait", 0, 3650),
  autoMinFollowers: whole("The minimum", 1, 100_000_000).optional(),
  autoCities: z.string().trim().max(500, "Keep the list under 500 characters").default(""),
  requireEmailOptIn: checkbox,
  quietAfterDays: whole("The quiet period", 7, 365),
  termsText: z.string().trim().max(20_000, "Keep the terms under 20,000 characters").default(""),
  questions: z
    .array(z.unknown())
    .default([])
    .transform((rows) => rows.filter((r) => r && typeof r === "object" && Object.entries(r as object).some(([k, v]) => k !== "type" && k !== "id" && v !== undefined && v !== "")))
    .pipe(z.array(QuestionRowSchema).max(20, "Up to 20 questions")),
});

export type ProgramSettingsInput = z.infer<typeof ProgramSettingsSchema>;
