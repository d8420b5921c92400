// The one way an action reads a form: a zod schema per form, parsed with Conform (parseWithZod), on the server as on
// the client. Pages with several actions name them in an "intent" field and dispatch with runIntent, one named
// handler per intent.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { discardFiles, type PendingFile } from "./request-body.server";

/** The action a form asks for (its "intent" field), or "" when it names none. */
export function intentOf(form: FormData) {
  const value = form.get("intent");
  return typeof value === "string" ? value : "";
}

/**
 * Runs the handler the form's intent names, with the page's context. An intent the page does not have is a 400 with
 * a reason — never a default branch that quietly does something else.
 */
export function runIntent<C, H extends Record<string, (ctx: C) => unknown>>(form: FormData, ctx: C, handlers: H): ReturnType<H[keyof H]> {
  const intent = intentOf(form);
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (!handler) {
    const message = intent ? `This page has no action called "${intent.slice(0, 40)}".` : "The form did not say which action to take.";
    throw new Response(message, { status: 400, statusText: "Bad Request" });
  }
  return handler(ctx) as ReturnType<H[keyof H]>;
}

/**
 * runIntent for a form with uploads. Afterwards, whatever happened, the uploads the action did not keep are removed
 * (a kept file was already moved into place), so a refused form or an unknown intent leaves nothing on disk.
 */
export async function runUploadIntent<C, H extends Record<string, (ctx: C) => unknown>>(form: FormData, files: PendingFile[], ctx: C, handlers: H) {
  try {
    return (await runIntent(form, ctx, handlers)) as Awaited<ReturnType<H[keyof H]>>;
  } finally {
    await discardFiles(files);
  }
}

/**
 * Fields nobody types (record ids, hidden choices), read through their schema. A malformed one is a 400 with the
 * field named: the form never sends it that way, so nobody on the page could correct it.
 */
export function hiddenFields<S extends z.ZodType>(form: FormData, schema: S): z.output<S> {
  const submission = parseWithZod(form, { schema });
  if (submission.status === "success") return submission.value;
  const problems = Object.entries(submission.error ?? {}).map(([field, errors]) => `${field || "form"}: ${errors?.[0] ?? "invalid"}`);
  throw new Response(`The form was malformed (${problems.join("; ")}).`, { status: 400, statusText: "Bad Request" });
}

/**
 * What an action sends back when a form's fields need correcting: the form's intent and Conform's reply (a 400), with
 * any errors the schema could not know (a taken address, a full event) added on named fields.
 */
export function rejected(
  intent: string,
  submission: { reply: (options?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) => SubmissionResult<string[]> },
  errors?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] },
  status = 400,
) {
  return data({ intent, result: submission.reply(errors) }, { status });
}

/**
 * For forms whose problems show as one message above a list (bulk actions, one-line row forms): the first error of
 * a failed submission, in the form's own words.
 */
export function firstProblem(submission: { error?: Record<string, string[] | null> | null }, fallback = "Check the form and try again.") {
  return Object.values(submission.error ?? {}).find((errors) => errors?.length)?.[0] ?? fallback;
}
