import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "#app/components/forms";
import { applyUnsubscribe, describeUnsubscribe } from "#app/models/unsubscribe.server";
import { invariantResponse } from "#app/utils/http.server";
import { runIntent } from "#app/utils/forms.server";
import { readForm } from "#app/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Kindred" }];

/** The page behind an email's unsubscribe link: it asks first (link scanners open links; they don't press buttons). */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await describeUnsubscribe(params.token ?? "");
  invariantResponse(found, "This unsubscribe link is not valid. Change your email choices on your program page instead.");
  return { found };
}

type Ctx = { token: string };

/**
 * The page's button (intent "unsubscribe"), or a mail app's one-click POST (RFC 8058: the body is exactly
 * "List-Unsubscribe=One-Click", with no intent), which is the same action answered with a plain 200.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const ctx: Ctx = { token: params.token ?? "" };
  if (form.get("List-Unsubscribe") === "One-Click") return oneClickAction(ctx);
  return runIntent(form, ctx, { unsubscribe: unsubscribeAction });
}

async function unsubscribe(token: string) {
  invariantResponse(await applyUnsubscribe(token), "This unsubscribe link is not valid.");
}

async function unsubscribeAction({ token }: Ctx) {
  await unsubscribe(token);
  return data({ done: true as const });
}

async function oneClickAction({ token }: Ctx) {
  await unsubscribe(token);
  return new Response("Unsubscribed.", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export default function Unsubscribe() {
  const { found } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const stopped = result?.done || found.already;
  return (
    <div className="mx-auto max-w-lg space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">{stopped ? "You're unsubscribed" : `Stop ${found.label.toLowerCase()} emails?`}</h1>
      {stopped ? (
        <p className="text-stone-700" role="status">
          {found.email} gets no more {found.label.toLowerCase()} emails from {found.brand.name}. Other choices are unchanged.
        </p>
      ) : (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="unsubscribe" />
          <p className="text-stone-700">
            {found.email} will get no more {found.label.toLowerCase()} emails from {found.brand.name}'s ambassador program. Messages you ask for (like your event tickets) still arrive.
          </p>
          <SubmitButton pendingText="Saving…">Unsubscribe</SubmitButton>
        </Form>
      )}
      <p className="text-sm text-stone-600">
        All your choices are on your{" "}
        <Link to={`/me/programs/${found.brand.slug}`} className="text-violet-700 underline">
          program page
        </Link>{" "}
        (sign-in needed).
      </p>
    </div>
  );
}
