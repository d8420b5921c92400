import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "#app/components/alert";
import { Field, SelectField, SubmitButton, TextareaField, replyFor, useIntentForm } from "#app/components/forms";
import { MetricInputs } from "#app/components/metric-fields";
import { Pagination } from "#app/components/pagination";
import { engagementRate, formatRate } from "#app/models/engagement";
import { PLATFORMS, type Platform } from "#app/models/post-url";
import { FOUND_VIA, PostSchema, REVIEW_FILTERS, type ReviewFilter } from "#app/models/posts/rules";
import { formatUntil, rightsState } from "#app/models/posts/usage-rights";
import { requestDisclosure } from "#app/models/posts/metrics.server";
import { listPosts, reviewPost } from "#app/models/posts/review.server";
import { importPostsCsv, submitPostForm } from "#app/models/posts/submit.server";
import { ambassadorIdByEmail } from "#app/models/ambassadors.server";
import { utcToZonedInput, viewerZoneOf } from "#app/utils/format";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { hiddenFields, rejected, runUploadIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { parseMultipart, readCsvUpload, type PendingFile } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";

export const meta: MetaFunction = () => [{ title: "Posts · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const filter = (url.searchParams.get("show") ?? "pending") as ReviewFilter;
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  return { brand, filter: filter in REVIEW_FILTERS ? filter : "pending", page, entryZone: viewerZoneOf(request, brand.timeZone), now: utcToZonedInput(new Date(), viewerZoneOf(request, brand.timeZone)), ...(await listPosts(scope, filter in REVIEW_FILTERS ? filter : "pending", page)) };
}

type Result = { error?: string; report?: { line: number; ok: boolean; message: string }[] };

/** A post staff add for a fan: the fan by address, then the post's own fields. */
const StaffPostSchema = PostSchema.extend({ email: z.string({ error: "Enter the ambassador's email." }).trim().toLowerCase().max(254) });
const PostIdSchema = z.object({ postId: z.string().min(1) });

type Ctx = BrandContext & { form: FormData; files: PendingFile[]; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const parsed = await parseMultipart(request, ["file", "screenshot"]);
  if (!parsed.ok) return data<Result>({ error: parsed.error }, { status: 400 });
  const ctx: Ctx = { ...staff, form: parsed.formData, files: parsed.files, back: `/b/${staff.brand.slug}/posts${new URL(request.url).search}` };
  return runUploadIntent(ctx.form, ctx.files, ctx, { approve: approveAction, hide: hideAction, disclosure: disclosureAction, import: importAction, add: addAction });
}

async function approveAction({ brand, form, back, scope }: Ctx) {
  await reviewPost(scope, hiddenFields(form, PostIdSchema).postId, "approved");
  return redirectWithToast(back, { kind: "success", message: "Added to the content library." });
}

async function hideAction({ brand, form, back, scope }: Ctx) {
  await reviewPost(scope, hiddenFields(form, PostIdSchema).postId, "hidden");
  return redirectWithToast(back, { kind: "success", message: "Post hidden." });
}

async function disclosureAction({ brand, user, form, back, scope }: Ctx) {
  await requestDisclosure(scope, hiddenFields(form, PostIdSchema).postId, user.id);
  return redirectWithToast(back, { kind: "success", message: "Asked the fan, kindly, to add a disclosure." });
}

/** Posts from a CSV file: the good rows are added, the others reported by line. */
async function importAction({ brand, user, files, scope }: Ctx) {
  const file = files.find((f) => f.field === "file");
  if (!file) return data<Result>({ error: "Choose a CSV file of posts." }, { status: 400 });
  const records = readCsvUpload(file);
  if (!records) return data<Result>({ error: "The file could not be read as CSV." }, { status: 400 });
  const r = await importPostsCsv(brand, user.id, records);
  return r.ok ? data<Result>({ report: r.report }) : data<Result>({ error: r.error }, { status: 400 });
}

async function addAction({ brand, user, form, files, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: StaffPostSchema });
  const ambassadorId = await ambassadorIdByEmail(scope, String(submission.payload.email ?? ""));
  // Conform's reply keeps the schema's errors and adds this one.
  if (!ambassadorId) return rejected("add", submission, { fieldErrors: { email: ["No ambassador of this brand has that email."] } });
  if (submission.status !== "success") return rejected("add", submission);
  const result = await submitPostForm({ brand, ambassadorId, actorId: user.id, source: "staff", input: submission.value, screenshot: files.find((f) => f.field === "screenshot") });
  if (!result.ok) return rejected("add", submission, { fieldErrors: { [result.field]: [result.error] } });
  return redirectWithToast(`/b/${brand.slug}/posts/${result.id}`, { kind: "success", message: result.disclosureFlag ? "Post added — it has no clear disclosure." : "Post added." });
}

export default function Posts() {
  const { brand, filter, posts, total, page, pageCount, now, entryZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && !("intent" in actionData) ? actionData : undefined;
  const add = useIntentForm("add", StaffPostSchema, actionData, { defaultValue: { kind: "post", postedAt: now, timeZone: entryZone } });
  const errors = replyFor(actionData, "add")?.error ?? {};
  const [params] = useSearchParams();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Posts</h1>
      {result?.error ? <Alert>{result.error}</Alert> : null}
      {result?.report ? (
        <div role="status" className="rounded-md border border-stone-200 bg-white p-3 text-sm">
          <p className="font-medium">
            {result.report.filter((r) => r.ok).length} posts added, {result.report.filter((r) => !r.ok).length} rows with problems
          </p>
          <ul className="mt-1 list-disc pl-5">
            {result.report.filter((r) => !r.ok).map((r) => (
              <li key={r.line}>
                Line {r.line}: {r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <nav aria-label="Show" className="flex flex-wrap gap-1 text-sm">
        {Object.entries(REVIEW_FILTERS).map(([value, label]) => (
          <Link key={value} to={`?show=${value}`} aria-current={filter === value ? "page" : undefined} className="rounded-full border border-stone-300 px-3 py-1 aria-[current=page]:border-violet-600 aria-[current=page]:bg-violet-50">
            {label}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-stone-600">{total} {total === 1 ? "post" : "posts"}</p>
      <ul className="space-y-3">
        {posts.map((p) => (
          <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="post-row">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <Link to={p.id} className="font-medium text-violet-800 underline">
                  {p.ambassador.name} on {PLATFORMS[p.platform as Platform] ?? p.platform}
                  {p.kind === "story" ? " (story)" : ""}
                </Link>
                <p className="text-xs text-stone-500">
                  <LocalTime value={p.postedAt} zone={brand.timeZone} /> · {p.tier} · {p.followersAtPost.toLocaleString("en")} followers · {p._count.metrics ? `engagement ${formatRate(engagementRate(p, p.followersAtPost))}` : "no numbers yet"}
                </p>
              </div>
              <div className="flex flex-wrap gap-1">
                {p.foundVia ? <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900" title={FOUND_VIA[p.foundVia] ?? p.foundVia}>Found automatically</span> : null}
                {p.usageRights.some((r) => rightsState(r) === "granted") ? (
                  <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900" data-testid="cleared-badge">
                    Cleared for reuse until {formatUntil(p.usageRights[0].until, brand.timeZone)}
                  </span>
                ) : null}
                {p.disclosureFlag ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">No clear disclosure</span> : null}
                {p.embargoFlag ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Posted before the embargo lifted</span> : null}
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs">{p.status}</span>
              </div>
            </div>
            {p.caption ? <p className="mt-2 line-clamp-2 text-stone-700">{p.caption}</p> : null}
            <Form method="post" encType="multipart/form-data" action={`?${params.toString()}`} className="mt-2 flex flex-wrap gap-2">
              <input type="hidden" name="postId" value={p.id} />
              {p.status !== "approved" ? (
                <SubmitButton name="intent" value="approve" variant="secondary">Approve into library</SubmitButton>
              ) : null}
              {p.status !== "hidden" ? (
                <SubmitButton name="intent" value="hide" variant="secondary">Hide</SubmitButton>
              ) : null}
              {p.disclosureFlag ? (
                <SubmitButton name="intent" value="disclosure" disabled={!!p.disclosureRequestedAt}>
                  {p.disclosureRequestedAt ? "Disclosure requested" : "Ask for a disclosure"}
                </SubmitButton>
              ) : null}
            </Form>
          </li>
        ))}
        {!posts.length ? <li className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">Nothing here. Posts fans add (or you add for them) appear here for review.</li> : null}
      </ul>
      <Pagination page={page} pageCount={pageCount} label="Posts" />
      <details className="rounded-lg border border-stone-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">Add a post for a fan</summary>
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3" {...add.formProps}>
          <Field label="Ambassador's email" {...getInputProps(add.fields.email, { type: "email" })} errors={add.fields.email.errors} />
          <Field label="Link to the post" {...getInputProps(add.fields.url, { type: "url" })} errors={add.fields.url.errors} />
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField label="Kind" {...getSelectProps(add.fields.kind)}>
              <option value="post">Post, reel or video</option>
              <option value="story">Story</option>
            </SelectField>
            <Field label={`Went up (your time, ${entryZone})`} {...getInputProps(add.fields.postedAt, { type: "datetime-local" })} errors={add.fields.postedAt.errors} />
            <input type="hidden" name="timeZone" value={entryZone} />
            <Field label="Followers then (optional)" {...getInputProps(add.fields.followersAtPost, { type: "number" })} min={0} errors={add.fields.followersAtPost.errors} />
          </div>
          <Field label="Screenshot (stories)" name="screenshot" type="file" accept="image/*" errors={errors.screenshot ?? undefined} />
          <TextareaField label="Caption" {...getTextareaProps(add.fields.caption)} rows={2} errors={add.fields.caption.errors} />
          <MetricInputs errors={errors} />
          <SubmitButton name="intent" value="add">Add post</SubmitButton>
        </Form>
      </details>
      <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <Field className="min-w-64 flex-1" label="Import posts from a CSV" hint="Columns: email, url, caption, posted_at, views, likes, comments, shares, saves." name="file" type="file" accept=".csv,text/csv" />
        <SubmitButton name="intent" value="import" variant="secondary" pendingText="Importing…">Import</SubmitButton>
      </Form>
    </div>
  );
}
