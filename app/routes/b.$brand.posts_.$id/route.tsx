import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "#app/components/alert";
import { TableHead } from "#app/components/table";
import { SubmitButton } from "#app/components/forms";
import { MetricInputs } from "#app/components/metric-fields";
import { StatCards } from "#app/components/stat-cards";
import { checkDisclosure } from "#app/models/disclosure";
import { ENGAGEMENT_FORMULA, VIEW_RATE_FORMULA, engagementRate, formatRate, viewEngagementRate } from "#app/models/engagement";
import { PLATFORMS, type Platform } from "#app/models/post-url";
import { MetricsSchema, metricsFrom } from "#app/models/posts/rules";
import { recordMetrics, refreshMetrics, requestDisclosure } from "#app/models/posts/metrics.server";
import { getPostForStaff, reviewPost } from "#app/models/posts/review.server";
import { setAttribution } from "#app/models/posts/submit.server";
import { z } from "zod";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { hiddenFields, rejected, runIntent } from "#app/utils/forms.server";
import { UsageRightsSchema, yearsAfter } from "#app/models/posts/usage-rights";
import { requestUsageRights, usageRightsOfPost } from "#app/models/posts/usage-rights.server";
import { ReuseRights } from "#app/components/usage-rights";
import { ratePost } from "#app/models/qualification/fit.server";
import { todayInZone } from "#app/utils/format";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { BackLink } from "#app/components/back-link";

export const meta: MetaFunction = () => [{ title: "Post · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const found = await getPostForStaff(scope, params.id ?? "");
  invariantResponse(found, "Post not found");
  const rights = await usageRightsOfPost(scope, found.post.id);
  return { brand, ...found, rights, defaultUntil: yearsAfter(todayInZone(brand.timeZone), 1), check: checkDisclosure(found.post.caption, found.post.brand) };
}

const AttributionSchema = z.object({ attribution: z.string().default("none") });

type Ctx = BrandContext & { form: FormData; postId: string; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const found = await getPostForStaff(staff.scope, params.id ?? "");
  invariantResponse(found, "Post not found");
  const ctx: Ctx = { ...staff, form: await readForm(request), postId: found.post.id, back: `/b/${staff.brand.slug}/posts/${found.post.id}` };
  return runIntent(ctx.form, ctx, { numbers: numbersAction, refresh: refreshAction, attribution: attributionAction, disclosure: disclosureAction, approve: approveAction, hide: hideAction, reuse: reuseAction, rate: rateAction });
}

async function numbersAction({ form, postId, back }: Ctx) {
  const m = parseWithZod(form, { schema: MetricsSchema });
  const metrics = m.status === "success" ? metricsFrom(m.value) : null;
  if (!metrics) return data({ error: "Type at least one number (whole numbers only)." }, { status: 400 });
  await recordMetrics(postId, metrics, "staff");
  return redirectWithToast(back, { kind: "success", message: "Numbers saved." });
}

async function refreshAction({ postId, back }: Ctx) {
  const r = await refreshMetrics(postId);
  return redirectWithToast(back, { kind: "info", message: r === "fetched" ? "Fresh numbers fetched." : "This platform has no public numbers: the fan was asked for them." });
}

async function attributionAction({ brand, form, postId, back, scope }: Ctx) {
  const ok = await setAttribution(scope, postId, hiddenFields(form, AttributionSchema).attribution);
  return ok ? redirectWithToast(back, { kind: "success", message: "Attribution saved." }) : data({ error: "Choose one of the listed perks." }, { status: 400 });
}

async function disclosureAction({ brand, user, postId, back, scope }: Ctx) {
  await requestDisclosure(scope, postId, user.id);
  return redirectWithToast(back, { kind: "success", message: "Asked the fan, kindly, to add a disclosure." });
}

const RatingSchema = z.object({ rating: z.enum(["", "1", "2", "3", "4", "5"], { error: "Choose a rating from 1 to 5." }).default("") });

async function rateAction({ form, postId, back, scope }: Ctx) {
  const { rating } = hiddenFields(form, RatingSchema);
  await ratePost(scope, postId, rating ? Number(rating) : null);
  return redirectWithToast(back, { kind: "success", message: rating ? `Rated ${rating} of 5.` : "Rating cleared." });
}

async function reuseAction({ form, postId, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: UsageRightsSchema });
  if (submission.status !== "success") return rejected("reuse", submission);
  const asked = await requestUsageRights(scope, postId, submission.value);
  if (!asked.ok) return rejected("reuse", submission, asked.field ? { fieldErrors: { [asked.field]: [asked.error] } } : { formErrors: [asked.error] });
  return redirectWithToast(back, { kind: "success", message: "Asked the fan. Their answer will show here and on their timeline." });
}

async function approveAction({ brand, postId, back, scope }: Ctx) {
  await reviewPost(scope, postId, "approved");
  return redirectWithToast(back, { kind: "success", message: "Saved." });
}

async function hideAction({ brand, postId, back, scope }: Ctx) {
  await reviewPost(scope, postId, "hidden");
  return redirectWithToast(back, { kind: "success", message: "Saved." });
}

export default function PostDetail() {
  const { brand, post, candidates, check, rights, defaultUntil } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const current = post.seedingRequestId ? `seeding:${post.seedingRequestId}` : post.eventId ? `event:${post.eventId}` : post.scoopId ? `scoop:${post.scoopId}` : "none";
  const rate = engagementRate(post, post.followersAtPost);
  const viewRate = viewEngagementRate(post);
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink to={`/b/${brand.slug}/posts`}>Posts</BackLink>
      <div>
        <h1 className="text-2xl font-bold">
          {post.ambassador.name} on {PLATFORMS[post.platform as Platform] ?? post.platform}
        </h1>
        <p className="text-sm text-stone-600">
          <LocalTime value={post.postedAt} zone={brand.timeZone} /> · {post.tier} tier · {post.followersAtPost.toLocaleString("en")} followers at the time ·{" "}
          <a href={post.url} target="_blank" rel="noreferrer" className="text-violet-700 underline">open the post</a>
        </p>
      </div>
      {result && "error" in result ? <Alert>{result.error}</Alert> : null}
      {post.screenshotUploadId ? <img src={`/files/${post.screenshotUploadId}`} alt="Screenshot of the story" className="max-h-96 rounded-lg border" /> : null}
      {post.caption ? <blockquote className="whitespace-pre-line rounded-lg border-l-4 border-stone-300 bg-white p-3 text-stone-800">{post.caption}</blockquote> : null}
      <div className={`rounded-lg p-3 text-sm ${check.ok ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
        {check.ok ? `Disclosure found at the start: “${check.found}”.` : check.reason}
        {post.embargoFlag ? <p className="mt-1 font-semibold text-red-800">Posted before the scoop's embargo lifted.</p> : null}
        {post.disclosureFlag ? (
          <Form method="post" className="mt-2">
            <SubmitButton name="intent" value="disclosure" disabled={!!post.disclosureRequestedAt}>
              {post.disclosureRequestedAt ? <>Asked <LocalTime value={post.disclosureRequestedAt} zone={brand.timeZone} /></> : "Ask for a disclosure (friendly email)"}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      <StatCards
        label="Numbers"
        className="sm:grid-cols-4"
        stats={[
          ["Views", post._count.metrics ? (post.views ?? "—") : "—"],
          ["Interactions", post._count.metrics ? post.likes + post.comments + post.shares + post.saves : "No numbers yet"],
          ["Engagement rate", post._count.metrics ? formatRate(rate) : "—"],
          ["Engagement by views", post._count.metrics ? formatRate(viewRate) : "—"],
        ]}
      />
      <p className="text-xs text-stone-500">
        Engagement rate = {ENGAGEMENT_FORMULA}. By views = {VIEW_RATE_FORMULA}.
      </p>
      <section className="space-y-2" aria-labelledby="quality-heading">
        <h2 id="quality-heading" className="font-semibold">Content quality</h2>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <fieldset className="flex flex-wrap items-center gap-3 text-sm">
            <legend className="sr-only">Rating from 1 (weak) to 5 (outstanding)</legend>
            {["1", "2", "3", "4", "5"].map((r) => (
              <label key={r} className="flex items-center gap-1">
                <input type="radio" name="rating" value={r} defaultChecked={post.qualityRating === Number(r)} className="h-4 w-4" />
                {r}
              </label>
            ))}
          </fieldset>
          <SubmitButton name="intent" value="rate" variant="secondary">Save rating</SubmitButton>
        </Form>
        <p className="text-xs text-stone-500">1 weak · 3 good · 5 outstanding. Ratings feed the fan's fit panel (their average).</p>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Followed from</h2>
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="sr-only">Attribution</span>
            <select name="attribution" defaultValue={current} className="rounded-md border border-stone-300 px-2 py-1.5">
              <option value="none">Nothing in particular</option>
              {candidates.map((c) => (
                <option key={`${c.type}:${c.id}`} value={`${c.type}:${c.id}`}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <SubmitButton name="intent" value="attribution" variant="secondary">Save</SubmitButton>
        </Form>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Numbers over time</h2>
        <table className="w-full text-left text-sm">
          <TableHead className="text-stone-500" cell="py-1 pr-3 font-medium" columns={["When", "Views", "Likes", "Comments", "Shares", "Saves", "From"]} />
          <tbody>
            {post.metrics.map((m) => (
              <tr key={m.id} className="border-t border-stone-100">
                <td className="py-1"><LocalTime value={m.recordedAt} zone={brand.timeZone} /></td>
                <td>{m.views ?? "—"}</td>
                <td>{m.likes}</td>
                <td>{m.comments}</td>
                <td>{m.shares}</td>
                <td>{m.saves}</td>
                <td>{m.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!post.metrics.length ? <p className="text-sm text-stone-600">No numbers yet. Fresh numbers are requested on day 1, 7 and 30.</p> : null}
        <Form method="post" className="space-y-2">
          <MetricInputs />
          <div className="flex flex-wrap gap-2">
            <SubmitButton name="intent" value="numbers" variant="secondary">Save numbers</SubmitButton>
            <SubmitButton name="intent" value="refresh" variant="secondary">Get fresh numbers now</SubmitButton>
          </div>
        </Form>
      </section>
      <ReuseRights rights={rights} timeZone={brand.timeZone} actionData={result} defaultUntil={defaultUntil} fanName={post.ambassador.name} />
      <Form method="post" className="flex gap-2">
        <SubmitButton name="intent" value="approve" variant="secondary">Approve into library</SubmitButton>
        <SubmitButton name="intent" value="hide" variant="secondary">Hide</SubmitButton>
      </Form>
    </div>
  );
}
