import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { fanScope } from "#app/models/scope";
import { getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, TextareaField, useIntentForm } from "#app/components/forms";
import { LocalTime } from "#app/components/local-time";
import { ScoopContent } from "#app/components/scoop-content";
import { acknowledgeScoop, getScoopForFan, replyToScoop } from "#app/models/scoops/feed.server";
import { readForm } from "#app/utils/request-body.server";
import { requireUser, type SessionUser } from "#app/utils/auth.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { invariantResponse } from "#app/utils/http.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.scoop.title ?? "Scoop"} · Kindred` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const scoop = await getScoopForFan(fanScope(user), params.id ?? "");
  invariantResponse(scoop, "Scoop not found");
  return { scoop };
}

const ReplySchema = z.object({
  body: z.string({ error: "Write a few words first." }).trim().min(2, "Write a few words first.").max(3000, "Keep your reply under 3,000 characters."),
});

type Ctx = { user: SessionUser; form: FormData; scoopId: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { user: await requireUser(request), form: await readForm(request), scoopId: params.id ?? "" };
  return runIntent(ctx.form, ctx, { acknowledge: acknowledgeAction, reply: replyAction });
}

/** The fan agrees to the embargo, and the scoop opens. */
async function acknowledgeAction({ user, scoopId }: Ctx) {
  invariantResponse(await acknowledgeScoop(fanScope(user), scoopId), "Scoop not found");
  return redirectWithToast(`/me/scoops/${scoopId}`, { kind: "success", message: "Thank you for keeping it under wraps!" });
}

/** A private reply to the brand's team. */
async function replyAction({ user, form, scoopId }: Ctx) {
  const submission = parseWithZod(form, { schema: ReplySchema });
  if (submission.status !== "success") return rejected("reply", submission);
  invariantResponse(await replyToScoop(fanScope(user), scoopId, submission.value.body), "Scoop not found");
  return redirectWithToast(`/me/scoops/${scoopId}`, { kind: "success", message: "Thank you — your reply went to the team (only they see it)." });
}

export default function FanScoop() {
  const { scoop } = useLoaderData<typeof loader>();
  const reply = useIntentForm("reply", ReplySchema, useActionData<typeof action>(), { clearAfterSave: true });
  const zone = scoop.brand.timeZone;
  return (
    <article className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <BackLink to="/me/scoops">All scoops</BackLink>
      <header>
        <p className="flex items-center gap-2 text-sm text-stone-600">
          <span aria-hidden="true" className="h-3 w-3 rounded-full" style={{ backgroundColor: scoop.brand.color }} />
          {scoop.brand.name} · <LocalTime value={scoop.publishAt} zone={zone} />
        </p>
        <h1 className="mt-1 text-2xl font-bold">{scoop.title}</h1>
      </header>
      {scoop.state === "embargoed" && scoop.embargoUntil ? (
        <div role="note" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4 text-amber-950">
          <p className="text-lg font-bold">
            Embargoed until <LocalTime value={scoop.embargoUntil} zone={zone} />
          </p>
          <p className="text-sm">Shown in your time zone. Until then, please keep it to yourself: no posts, stories, screenshots or hints.</p>
        </div>
      ) : scoop.embargoUntil ? (
        <p className="rounded-lg bg-emerald-50 p-3 text-sm font-medium text-emerald-900">The embargo has lifted — you can share this now, if you'd like to.</p>
      ) : null}
      {scoop.locked ? (
        <Form method="post" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5">
          <input type="hidden" name="intent" value="acknowledge" />
          <h2 className="font-semibold">Before you read</h2>
          <p className="text-sm text-stone-700">
            This is a confidential preview for {scoop.brand.name}'s ambassadors. By opening it, you agree to keep what you see private until the embargo lifts
            at <LocalTime value={scoop.embargoUntil!} zone={zone} />.
          </p>
          <SubmitButton pendingText="Opening…">I'll keep it confidential — show me</SubmitButton>
        </Form>
      ) : (
        <>
          <ScoopContent html={scoop.html} images={scoop.images} assets={scoop.assets} links={scoop.links} guidance={scoop.guidance} disclosureText={scoop.brand.disclosureText} />
          <Form method="post" {...reply.formProps} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
            <input type="hidden" name="intent" value="reply" />
            <TextareaField label="Reply to the team" hint={`Your honest thoughts, questions or ideas. Only ${scoop.brand.name}'s team sees this.`} {...getTextareaProps(reply.fields.body)} rows={3} errors={reply.fields.body.errors} />
            <SubmitButton variant="secondary" pendingText="Sending…">Send reply</SubmitButton>
          </Form>
        </>
      )}
    </article>
  );
}
