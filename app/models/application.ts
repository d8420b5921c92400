import { z } from "zod";
import { AccountsField, CityField, InterestsField, NameField } from "./profile";

export const QUESTION_TYPES = { short: "Short answer", long: "Paragraph", single: "One choice", multi: "Several choices" } as const;
export type QuestionType = keyof typeof QUESTION_TYPES;

export const QuestionSchema = z.object({
  id: z.string().min(1),
  label: z.string().trim().min(3, "Write the question").max(200, "Keep questions under 200 characters"),
  type: z.enum(Object.keys(QUESTION_TYPES) as [QuestionType, ...QuestionType[]], { error: "Choose a type" }),
  options: z.array(z.string().trim().min(1).max(80)).max(20, "Up to 20 choices").default([]),
  required: z.boolean().default(false),
  /** a life-moment question ("moving house in the next 6 months?"): always optional, kept on the profile */
  lifeMoment: z.boolean().default(false),
});
export type Question = z.infer<typeof QuestionSchema>;

/** Reads the brand's stored questions, dropping anything malformed. */
export function parseQuestions(json: string): Question[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.flatMap((q) => { const r = QuestionSchema.safeParse(q); return r.success ? [r.data] : []; }) : [];
  } catch {
    return [];
  }
}

const answerField = (q: Question) => {
  const required = q.required && !q.lifeMoment;
  switch (q.type) {
    case "multi": {
      const list = z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) => (v === undefined ? [] : [v].flat()))
        .pipe(z.array(z.enum(q.options as [string, ...string[]], { error: "Choose from the list" })));
      return required ? list.refine((v) => v.length > 0, "Choose at least one") : list;
    }
    case "single": {
      const one = z.enum(q.options as [string, ...string[]], { error: required ? "Choose one" : "Choose from the list" });
      return required ? one : one.optional();
    }
    default: {
      const max = q.type === "long" ? 3000 : 300;
      const text = z.string().trim().max(max, `Keep this under ${max.toLocaleString("en")} characters`);
      return required ? z.string({ error: "Please answer this question" }).trim().min(1, "Please answer this question").max(max, `Keep this under ${max.toLocaleString("en")} characters`) : text.optional();
    }
  }
};

/** The application form for a brand's questions. `withEmail` when the applicant is not signed in. */
export function applicationSchema(questions: Question[], withEmail: boolean, requireEmailOptIn = false) {
  const answers = answerFields(questions);
  return z.object({
    name: NameField,
    ...(withEmail ? { email: z.email({ error: (i) => (i.input ? "Enter a valid email address, like name@example.com" : "Enter your email address") }).max(254) } : {}),
    city: CityField,
    whyLove: z
      .string({ error: "Tell the brand what you love about it" })
      .trim()
      .min(10, "Tell the brand a little more (at least 10 characters)")
      .max(3000, "Keep this under 3,000 characters"),
    interests: InterestsField,
    accounts: AccountsField,
    acceptTerms: z.literal("on", { error: "Please accept the program terms to apply" }),
    emailOptIn: requireEmailOptIn
      ? z.literal("on", { error: "This program shares its scoops and invitations by email: please agree to program emails to apply" }).transform(() => true)
      : z
          .literal("on")
          .optional()
          .transform((v) => v === "on"),
    ...answers,
  });
}

export type ApplicationInput = z.infer<ReturnType<typeof applicationSchema>> & { email?: string; [answer: `q_${string}`]: unknown };

/** One form field per question, named q_<id>. */
export function answerFields(questions: Question[]) {
  return Object.fromEntries(questions.map((q) => [`q_${q.id}`, answerField(q)]));
}

/** The answers as stored with an application or RSVP: the question's label is kept with each answer. */
export function collectAnswers(questions: Question[], input: Record<string, unknown>) {
  return questions.map((q) => {
    const raw = input[`q_${q.id}`];
    return { questionId: q.id, label: q.label, lifeMoment: q.lifeMoment, answer: Array.isArray(raw) ? raw.join(", ") : String(raw ?? "") };
  });
}

/** The lists on the applications page, by the status they show. */
export const APPLICATION_TABS = { pending: "To review", waitlisted: "Wait-list", decided: "Decided" } as const;
export type ApplicationTab = keyof typeof APPLICATION_TABS;
