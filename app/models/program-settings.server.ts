import { randomBytes } from "node:crypto";
import { db } from "#app/utils/db.server";
import { parseQuestions, type Question } from "./application";
import type { ProgramSettingsInput } from "./program-settings";
import type { BrandScope } from "./scope";

export async function getProgramSettings(scope: BrandScope) {
  const { brandId } = scope;
  const b = await db.brand.findUniqueOrThrow({
    where: { id: brandId },
    select: { applicationsOpen: true, reapplyAfterDays: true, autoMinFollowers: true, autoCities: true, requireEmailOptIn: true, quietAfterDays: true, termsText: true, termsVersion: true, applicationQuestions: true },
  });
  const { applicationQuestions, ...rest } = b;
  return { ...rest, questions: parseQuestions(applicationQuestions) };
}

/** Saves the settings; changed terms get a new version number, so later consents say which text was accepted. */
export async function saveProgramSettings(scope: BrandScope, input: ProgramSettingsInput) {
  const { brandId } = scope;
  const current = await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { termsText: true, termsVersion: true } });
  const questions: Question[] = input.questions.map((q) => ({
    id: q.id && /^[a-z0-9]{6,16}$/.test(q.id) ? q.id : randomBytes(5).toString("hex"),
    label: q.label,
    type: q.type,
    options: q.type === "single" || q.type === "multi" ? q.options : [],
    required: q.required,
    lifeMoment: q.lifeMoment,
  }));
  await db.brand.update({
    where: { id: brandId },
    data: {
      applicationsOpen: input.applicationsOpen,
      reapplyAfterDays: input.reapplyAfterDays,
      autoMinFollowers: input.autoMinFollowers ?? null,
      autoCities: input.autoCities,
      requireEmailOptIn: input.requireEmailOptIn,
      quietAfterDays: input.quietAfterDays,
      termsText: input.termsText,
      termsVersion: input.termsText !== current.termsText ? current.termsVersion + 1 : current.termsVersion,
      applicationQuestions: JSON.stringify(questions),
    },
  });
}
