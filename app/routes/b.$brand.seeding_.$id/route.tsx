import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "#app/components/alert";
import { Field, SubmitButton, buttonClass } from "#app/components/forms";
import { StatCards } from "#app/components/stat-cards";
import { campaignResults } from "#app/models/analytics.server";
import { describeAudience } from "#app/models/audience";
import { formatRate } from "#app/models/engagement";
import { OUTCOMES, REQUEST_STATUSES, formatAddress, trackingRowsFromCsv, type Outcome, type RequestStatus } from "#app/models/seeding/rules";
import { campaignIdForStaff, getCampaignForStaff, setStock } from "#app/models/seeding/campaigns.server";
import { decideRequests, markDelivered, markShipped, shipFromCsv } from "#app/models/seeding/pipeline.server";
import { offerProduct } from "#app/models/seeding/requests.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { activeAmbassadorsByEmail } from "#app/models/ambassadors.server";
import { firstProblem, hiddenFields, runUploadIntent } from "#app/utils/forms.server";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { parseMultipart, readCsvUpload, type PendingFile } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";
import { DetailPage } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.name ?? "Campaign"} · Kindred` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const status = new URL(request.url).searchParams.get("status") ?? undefined;
  const found = await getCampaignForStaff(scope, params.id ?? "", status && status in REQUEST_STATUSES ? status : undefined);
  invariantResponse(found, "Campaign not found");
  const [results] = await campaignResults(scope, undefined, found.campaign.id);
  return { brand, ...found, results };
}

type ActionResult = { error?: string; report?: { line: number; ok: boolean; message: string }[] };

const IdsSchema = z.object({ ids: z.array(z.string().min(1), { error: "Tick at least one request." }).min(1, "Tick at least one request.") });
const ShipSchema = z.object({
  id: z.string().min(1),
  carrier: z.string().trim().max(60).default(""),
  trackingNumber: z.string({ error: "Enter the tracking number." }).trim().min(1, "Enter the tracking number.").max(100),
  trackingUrl: z.string().trim().max(500).default(""),
});
const RequestIdSchema = z.object({ id: z.string().min(1) });
const StockSchema = z.object({ variantId: z.string().min(1), stock: z.coerce.number({ error: "Stock must be a whole number." }).int("Stock must be a whole number.").min(0, "Stock must be a whole number.") });
const OfferSchema = z.object({ variantId: z.string({ error: "Choose what to offer." }).min(1), emails: z.string({ error: "List the fans' emails." }).transform((v) => v.split(/[\s,;]+/).filter(Boolean)) });

type Ctx = BrandContext & { form: FormData; files: PendingFile[]; campaignId: string; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const campaignId = await campaignIdForStaff(staff.scope, params.id ?? "");
  const parsed = await parseMultipart(request, ["file"]);
  if (!parsed.ok) return data<ActionResult>({ error: parsed.error }, { status: 400 });
  const ctx: Ctx = { ...staff, form: parsed.formData, files: parsed.files, campaignId, back: `/b/${staff.brand.slug}/seeding/${campaignId}` };
  return runUploadIntent(ctx.form, ctx.files, ctx, { tracking: trackingAction, approve: approveAction, decline: declineAction, ship: shipAction, delivered: deliveredAction, stock: stockAction, offer: offerAction });
}

const problem = (error: string, status = 400) => data<ActionResult>({ error }, { status });

/** A CSV of tracking numbers: each good line ships its request; the rest are reported by line. */
async function trackingAction({ brand, user, files, campaignId, scope }: Ctx) {
  const file = files[0];
  if (!file) return problem("Choose a CSV file with tracking numbers.");
  const records = readCsvUpload(file);
  if (!records) return problem("The file could not be read as CSV.");
  const rows = trackingRowsFromCsv(records);
  if (!rows.ok) return problem(rows.error);
  return data<ActionResult>({ report: await shipFromCsv(scope, campaignId, rows.rows, user.id) });
}

async function decideAction({ brand, user, form, campaignId, back, scope }: Ctx, approve: boolean) {
  const submission = parseWithZod(form, { schema: IdsSchema });
  if (submission.status !== "success") return problem(firstProblem(submission));
  const n = await decideRequests(scope, campaignId, submission.value.ids, approve, user.id);
  return redirectWithToast(back, { kind: "success", message: `${n} ${n === 1 ? "request" : "requests"} ${approve ? "approved" : "declined"}.` });
}

const approveAction = (ctx: Ctx) => decideAction(ctx, true);
const declineAction = (ctx: Ctx) => decideAction(ctx, false);

async function shipAction({ brand, user, form, campaignId, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: ShipSchema });
  if (submission.status !== "success") return problem(firstProblem(submission));
  const { id, ...tracking } = submission.value;
  const ok = await markShipped(scope, campaignId, id, tracking, user.id);
  return ok ? redirectWithToast(back, { kind: "success", message: "Marked shipped — the fan has the tracking details." }) : problem("Only approved requests can ship.", 409);
}

async function deliveredAction({ scope, form, back }: Ctx) {
  const ok = await markDelivered(scope, hiddenFields(form, RequestIdSchema).id);
  return ok ? redirectWithToast(back, { kind: "success", message: "Marked delivered. Gentle follow-ups are scheduled." }) : problem("Only shipped requests can be marked delivered.", 409);
}

async function stockAction({ brand, form, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: StockSchema });
  if (submission.status !== "success") return problem(firstProblem(submission));
  const r = await setStock(scope, submission.value.variantId, submission.value.stock);
  return r.ok ? redirectWithToast(back, { kind: "success", message: "Stock updated." }) : problem(r.error);
}

async function offerAction({ brand, user, form, campaignId, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: OfferSchema });
  if (submission.status !== "success") return problem(firstProblem(submission));
  const { fans, unknown } = await activeAmbassadorsByEmail(scope, submission.value.emails);
  if (!fans.length && !unknown.length) return problem("List the fans' emails.");
  if (unknown.length) return problem(`Not active ambassadors: ${unknown.join(", ")}`);
  const r = await offerProduct(scope, campaignId, submission.value.variantId, fans.map((f) => f.id), user.id);
  return redirectWithToast(back, { kind: r.outOfStock ? "info" : "success", message: `${r.offered} offered${r.outOfStock ? `, ${r.outOfStock} not offered — out of stock` : ""}.` });
}

const TABS: [string, string][] = [["", "All"], ...(["offered", "requested", "approved", "shipped", "delivered", "settled", "declined"] as RequestStatus[]).map((s) => [s, REQUEST_STATUSES[s]] as [string, string])];

export default function Campaign() {
  const { brand, campaign, requests, results } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const status = params.get("status") ?? "";
  const variants = campaign.products.flatMap((p) => p.variants.map((v) => ({ ...v, product: p.name })));
  return (
    <DetailPage back={`/b/${brand.slug}/seeding`} backLabel="All campaigns">
      <div>
        <h1 className="text-2xl font-bold">{campaign.name}</h1>
        <p className="text-sm text-stone-600">
          {campaign.mode === "offer" ? "Offered to chosen fans" : "Fans request"} · {describeAudience(campaign.audience)} · follow-ups on day {campaign.followUpDays.split(",").join(" and ")}
          {campaign.closesAt ? <> · requests close <LocalTime value={campaign.closesAt} zone={brand.timeZone} /></> : ""}
        </p>
        {campaign.callToAction ? <p className="mt-2 max-w-2xl text-stone-700">{campaign.callToAction}</p> : null}
      </div>
      {result?.error ? <Alert>{result.error}</Alert> : null}
      {result?.report ? (
        <div role="status" className="rounded-md border border-stone-200 bg-white p-3 text-sm">
          <p className="font-medium">Tracking file: {result.report.filter((r) => r.ok).length} shipped, {result.report.filter((r) => !r.ok).length} with problems</p>
          <ul className="mt-1 list-disc pl-5">
            {result.report.filter((r) => !r.ok).map((r) => (
              <li key={r.line}>Line {r.line}: {r.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {results ? (
        <StatCards
          label="Results"
          className="sm:grid-cols-5"
          stats={[
            ["Units sent", results.sent],
            ["Posts", results.posts],
            ["Posts per unit", results.postsPerUnit === null ? "—" : results.postsPerUnit.toFixed(2)],
            ["Posting rate", formatRate(results.postingRate)],
            ["Honest feedback", results.feedback],
          ]}
        />
      ) : null}

      <Section title="Stock" className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
        <ul className="mt-2 divide-y divide-stone-100 text-sm">
          {variants.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                {v.product} — {v.name}: <strong>{v.reserved}</strong> of {v.stock} taken
              </span>
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="variantId" value={v.id} />
                <label className="sr-only" htmlFor={`stock-${v.id}`}>
                  Stock of {v.product} {v.name}
                </label>
                <input id={`stock-${v.id}`} name="stock" type="number" min={v.reserved} defaultValue={v.stock} className="w-24 rounded-md border border-stone-300 px-2 py-1" />
                <SubmitButton name="intent" value="stock" variant="secondary">Save</SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      </Section>

      {campaign.mode === "offer" ? (
        <Form method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="font-semibold">Offer to fans</h2>
          <label className="block text-sm">
            <span className="font-medium">Variant</span>
            <select name="variantId" className="mt-1 block rounded-md border border-stone-300 px-2 py-1.5">
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.product} — {v.name} ({v.stock - v.reserved} left)
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="font-medium">Ambassadors' emails</span>
            <textarea name="emails" rows={3} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
          </label>
          <SubmitButton name="intent" value="offer" pendingText="Offering…">Send offers</SubmitButton>
        </Form>
      ) : null}

      <section aria-labelledby="requests-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="requests-heading" className="text-lg font-semibold">
            Requests
          </h2>
          <div className="flex flex-wrap gap-2">
            <a href={`/b/${brand.slug}/seeding/${campaign.id}/packing.csv`} className={buttonClass("secondary")} download>Packing list (CSV)</a>
          </div>
        </div>
        <nav aria-label="Request status" className="flex flex-wrap gap-1 text-sm">
          {TABS.map(([value, label]) => (
            <Link key={value} to={value ? `?status=${value}` : "?"} aria-current={status === value ? "page" : undefined} className="rounded-full border border-stone-300 px-3 py-1 aria-[current=page]:border-violet-600 aria-[current=page]:bg-violet-50">
              {label}
            </Link>
          ))}
        </nav>
        {requests.length ? (
          <Form method="post" id="bulk" className="space-y-2">
            <div className="flex flex-wrap gap-2">
              <SubmitButton name="intent" value="approve" pendingText="Approving…">Approve selected</SubmitButton>
              <SubmitButton name="intent" value="decline" variant="secondary">Decline selected</SubmitButton>
            </div>
          </Form>
        ) : null}
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {requests.map((r) => (
            <li key={r.id} className="space-y-2 px-4 py-3 text-sm" data-testid="seeding-request">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <label className="flex items-start gap-2">
                  {r.status === "requested" ? <input type="checkbox" name="ids" value={r.id} form="bulk" className="mt-1 h-4 w-4" aria-label={`Select ${r.ambassador.name}`} /> : null}
                  <span>
                    <span className="font-medium">{r.ambassador.name}</span> — {r.variant.product.name} ({r.variant.name})
                    <span className="block text-xs text-stone-500">{r.address ? formatAddress(r.address) : "No address yet"}</span>
                  </span>
                </label>
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium" data-testid="request-status">
                  {REQUEST_STATUSES[r.status as RequestStatus] ?? r.status}
                  {r.outcome ? ` · ${OUTCOMES[r.outcome as Outcome] ?? r.outcome}` : ""}
                </span>
              </div>
              {r.status === "approved" ? (
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="id" value={r.id} />
                  <Field className="w-36" label="Carrier" name="carrier" />
                  <Field className="w-44" label="Tracking number" name="trackingNumber" required />
                  <Field className="min-w-48 flex-1" label="Tracking link (optional)" name="trackingUrl" type="url" />
                  <SubmitButton name="intent" value="ship" variant="secondary" aria-label={`Mark shipped for ${r.ambassador.name}`}>Mark shipped</SubmitButton>
                </Form>
              ) : null}
              {r.status === "shipped" ? (
                <div className="flex flex-wrap items-center gap-3">
                  <span className="text-xs text-stone-600">
                    {r.carrier} {r.trackingNumber}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="id" value={r.id} />
                    <SubmitButton name="intent" value="delivered" variant="secondary">Mark delivered</SubmitButton>
                  </Form>
                </div>
              ) : null}
              {r.feedback ? <p className="rounded bg-emerald-50 p-2 text-emerald-950">Feedback: {r.feedback}</p> : null}
            </li>
          ))}
          {!requests.length ? <li className="px-4 py-4 text-sm text-stone-600">No requests {status ? "with this status" : "yet"}.</li> : null}
        </ul>
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <Field className="min-w-64 flex-1" label="Mark shipped from a CSV" hint="Columns: request id (or email), carrier, tracking number, tracking link — the packing list's first column is the request id." name="file" type="file" accept=".csv,text/csv" />
          <SubmitButton name="intent" value="tracking" pendingText="Reading…" variant="secondary">Upload tracking numbers</SubmitButton>
        </Form>
      </section>
    </DetailPage>
  );
}
