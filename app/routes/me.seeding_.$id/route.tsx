import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AddressFields } from "#app/components/address-fields";
import { Alert } from "#app/components/alert";
import { ErrorList, SubmitButton, TextareaField, useIntentForm } from "#app/components/forms";
import { z } from "zod";
import { fanScope, type FanScope } from "#app/models/scope";
import { AddressSchema, fanStatus } from "#app/models/seeding/rules";
import { LocalTime } from "#app/components/local-time";
import { suggestDisclosure } from "#app/models/disclosure";
import { giveFeedback, markDelivered } from "#app/models/seeding/pipeline.server";
import { answerOffer, campaignForFan, requestProduct } from "#app/models/seeding/requests.server";
import { requireUser } from "#app/utils/auth.server";
import { invariantResponse } from "#app/utils/http.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.name ?? "Product"} · Kindred` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await campaignForFan(fanScope(user), params.id ?? "");
  invariantResponse(found, "Not found");
  return { campaign: found.campaign, brand: found.brand, request: found.request, open: found.open, savedAddress: found.savedAddress };
}

const saveAddress = z.literal("on").optional();
const RequestSchema = AddressSchema.extend({ variantId: z.string({ error: "Choose one of the options." }), saveAddress });
const AcceptSchema = AddressSchema.extend({ saveAddress });
const FeedbackSchema = z.object({ feedback: z.string({ error: "Write a few words (up to 3,000 characters)." }).trim().min(3, "Write a few words (up to 3,000 characters).").max(3000, "Write a few words (up to 3,000 characters).") });

type Ctx = { fan: FanScope; form: FormData; found: NonNullable<Awaited<ReturnType<typeof campaignForFan>>>; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const fan = fanScope(await requireUser(request));
  const found = await campaignForFan(fan, params.id ?? "");
  invariantResponse(found, "Not found");
  const ctx: Ctx = { fan, form: await readForm(request), found, back: `/me/seeding/${found.campaign.id}` };
  return runIntent(ctx.form, ctx, { request: requestAction, accept: acceptAction, decline: declineAction, delivered: deliveredAction, feedback: feedbackAction });
}

async function requestAction({ fan, form, found, back }: Ctx) {
  const submission = parseWithZod(form, { schema: RequestSchema });
  if (submission.status !== "success") return rejected("request", submission);
  const { variantId, saveAddress, ...address } = submission.value;
  const r = await requestProduct(fan, found.campaign.id, variantId, address, saveAddress === "on");
  if (!r.ok) return r.field ? rejected("request", submission, { fieldErrors: { [r.field]: [r.error] } }, 409) : data({ error: r.error }, { status: 409 });
  return redirectWithToast(back, { kind: "success", message: "Request sent! The team will let you know." });
}

async function acceptAction({ fan, form, found, back }: Ctx) {
  const submission = parseWithZod(form, { schema: AcceptSchema });
  if (submission.status !== "success") return rejected("accept", submission);
  const { saveAddress, ...address } = submission.value;
  await answerOffer(fan, found.request?.id ?? "", true, address, saveAddress === "on");
  return redirectWithToast(back, { kind: "success", message: "Lovely — it's on the packing list." });
}

async function declineAction({ fan, found, back }: Ctx) {
  await answerOffer(fan, found.request?.id ?? "", false, null, false);
  return redirectWithToast(back, { kind: "info", message: "No problem — thanks for letting us know." });
}

async function deliveredAction({ fan, found, back }: Ctx) {
  if (!(await markDelivered(fan, found.request?.id ?? ""))) {
    return redirectWithToast(back, { kind: "error", message: "Nothing from this campaign is on its way to you, so there is nothing to mark as arrived." });
  }
  return redirectWithToast(back, { kind: "success", message: "Thanks! Enjoy it." });
}

async function feedbackAction({ fan, form, found, back }: Ctx) {
  const submission = parseWithZod(form, { schema: FeedbackSchema });
  if (submission.status !== "success") return rejected("feedback", submission);
  await giveFeedback(fan, found.request?.id ?? "", submission.value.feedback);
  return redirectWithToast(back, { kind: "success", message: "Thank you for your honest feedback — it's just for the team." });
}

export default function FanCampaign() {
  const { campaign, brand, request, open, savedAddress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "error" in actionData ? actionData : undefined;
  const asking = useIntentForm("request", RequestSchema, actionData);
  const accepting = useIntentForm("accept", AcceptSchema, actionData);
  const feedback = useIntentForm("feedback", FeedbackSchema, actionData, { clearAfterSave: true });
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <BackLink to="/me/seeding">Product to try</BackLink>
      <div>
        <p className="text-sm text-stone-600">{brand.name}</p>
        <h1 className="text-2xl font-bold">{campaign.name}</h1>
        {campaign.callToAction ? <p className="mt-2 text-stone-700">{campaign.callToAction}</p> : null}
      </div>
      <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-950">
        No strings attached: you never have to post. If you'd like to, start your caption with a clear disclosure such as “{suggestDisclosure("seeding", brand)}”. Honest feedback is just as welcome.
      </p>
      {campaign.guidelines ? <p className="whitespace-pre-line text-sm text-stone-700">{campaign.guidelines}</p> : null}
      {result?.error ? <Alert>{result.error}</Alert> : null}

      {!request ? (
        open ? (
          <Form method="post" className="space-y-5 rounded-xl border border-stone-200 bg-white p-5" {...asking.formProps}>
            <fieldset>
              <legend className="text-sm font-medium">Choose one</legend>
              <div className="mt-2 space-y-2">
                {campaign.products.flatMap((p) =>
                  p.variants.map((v) => (
                    <label key={v.id} className="flex items-center gap-2 text-sm">
                      <input type="radio" name="variantId" value={v.id} disabled={v.reserved >= v.stock} className="h-4 w-4" />
                      {p.name} — {v.name} {v.reserved >= v.stock ? <span className="text-stone-500">(all gone)</span> : null}
                    </label>
                  )),
                )}
              </div>
              <ErrorList errors={asking.fields.variantId.errors} />
            </fieldset>
            <AddressFields saved={savedAddress} errors={asking.form.allErrors} />
            <SubmitButton name="intent" value="request" pendingText="Sending…">Request it</SubmitButton>
          </Form>
        ) : (
          <p className="text-stone-600">Requests for this campaign are closed.</p>
        )
      ) : (
        <section className="space-y-4 rounded-xl border border-stone-200 bg-white p-5">
          <p>
            <span className="font-semibold">
              {request.variant.product.name} ({request.variant.name})
            </span>{" "}
            — <span data-testid="my-request-status">{fanStatus(request.status, request.outcome)}</span>
          </p>
          {request.shippedAt ? (
            <div className="rounded-lg bg-stone-50 p-3 text-sm" data-testid="tracking">
              <p>
                Shipped <LocalTime value={request.shippedAt} zone={brand.timeZone} />
                {request.deliveredAt ? (
                  <>
                    {" "}· arrived <LocalTime value={request.deliveredAt} zone={brand.timeZone} />
                  </>
                ) : null}
              </p>
              {request.trackingNumber ? (
                <p>
                  {request.carrier ? `${request.carrier} · ` : ""}Tracking number <span className="font-mono">{request.trackingNumber}</span>
                </p>
              ) : (
                <p className="text-stone-600">No tracking number was given for this parcel.</p>
              )}
              {request.trackingUrl ? (
                <a href={request.trackingUrl} target="_blank" rel="noreferrer noopener" className="text-violet-700 underline">Track your parcel</a>
              ) : null}
            </div>
          ) : null}
          {request.status === "offered" ? (
            <>
              <Form method="post" className="space-y-4" {...accepting.formProps}>
                <AddressFields saved={savedAddress} errors={accepting.form.allErrors} />
                <SubmitButton name="intent" value="accept">Yes please</SubmitButton>
              </Form>
              <Form method="post">
                <SubmitButton name="intent" value="decline" variant="secondary">No thanks</SubmitButton>
              </Form>
            </>
          ) : null}
          {request.status === "shipped" ? (
            <Form method="post">
              <SubmitButton name="intent" value="delivered" variant="secondary">It arrived</SubmitButton>
            </Form>
          ) : null}
          {["shipped", "delivered", "settled"].includes(request.status) && request.outcome !== "feedback" ? (
            <div className="space-y-3 border-t border-stone-200 pt-4">
              <h2 className="font-semibold">What you do next is up to you</h2>
              <p className="text-sm text-stone-600">Posting is never required. Honest feedback is just as welcome, and doing nothing is fine too.</p>
              <Form method="post" className="space-y-2 rounded-lg border border-stone-200 p-3" {...feedback.formProps}>
                <TextareaField label="I'd rather give feedback than post" hint="Only the team sees it. We stop the gentle follow-up emails once you've sent it." name="feedback" rows={3} errors={feedback.fields.feedback.errors} />
                <SubmitButton name="intent" value="feedback" variant="secondary">Send feedback instead of posting</SubmitButton>
              </Form>
              <p className="text-sm text-stone-600">
                Posted about it? <Link to="/me/posts" className="text-violet-700 underline">Add the link to your post</Link>.
              </p>
            </div>
          ) : null}
          {request.outcome === "feedback" ? <p className="text-sm text-emerald-800">Thank you for your feedback: “{request.feedback}”</p> : null}
        </section>
      )}
    </div>
  );
}
