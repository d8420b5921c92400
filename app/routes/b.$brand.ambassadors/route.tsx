import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { bulkMessage, bulkStatus, bulkTag, bulkUntag } from "#app/models/bulk-actions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { Pagination, pageFrom } from "#app/components/pagination";
import { TableHead } from "#app/components/table";
import { z } from "zod";
import { AMBASSADOR_STATUSES, DEFAULT_SORT, SORTS, WINDOWS, directoryQuery, parseDirectoryFilter } from "#app/models/ambassadors";
import { SIGNAL_FILTER_LABELS } from "#app/models/qualification/filters";
import { deleteView, listViews, saveView } from "#app/models/qualification/views.server";
import { PLATFORMS, PLATFORM_LABELS } from "#app/models/profile";
import { directoryFacets, listAmbassadors } from "#app/models/ambassadors.server";
import { TIERS, tierFor } from "#app/models/tiers";
import { directorySettings } from "#app/models/brand.server";
import { MessageSchema } from "#app/models/message";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { readForm } from "#app/utils/request-body.server";
import { firstProblem, hiddenFields, runIntent } from "#app/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Ambassadors · Kindred" }];

const TagSchema = z.object({ tag: z.string({ error: "Type a tag" }).trim().toLowerCase().regex(/^[a-z0-9-]{1,40}$/, "Tags use lower-case letters, digits and hyphens") });
const UntagSchema = z.object({ tag: z.string({ error: "Type the tag to remove" }).trim().toLowerCase().min(1, "Type the tag to remove") });
const StatusSchema = z.object({ status: z.enum(AMBASSADOR_STATUSES, { error: "Choose a status" }) });

type Ctx = BrandContext & { form: FormData; ids: string[]; back: string };

/** Bulk actions on the ambassadors ticked on the current page; a problem comes back as a toast above the list. */
export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const form = await readForm(request);
  const ctx: Ctx = { ...staff, form, ids: hiddenFields(form, IdsSchema).ids, back: `/b/${staff.brand.slug}/ambassadors${new URL(request.url).search}` };
  return runIntent(form, ctx, { tag: tagAction, untag: untagAction, status: statusAction, message: messageAction, "save-view": saveViewAction, "delete-view": deleteViewAction });
}

const ViewNameSchema = z.object({ name: z.string({ error: "Name the view, e.g. Rising micro in Toronto." }).trim().min(1, "Name the view, e.g. Rising micro in Toronto.").max(60, "Keep the name under 60 characters.") });
const ViewIdSchema = z.object({ viewId: z.string().min(1) });

async function saveViewAction({ form, scope, brand, back }: Ctx) {
  const submission = parseWithZod(form, { schema: ViewNameSchema });
  if (submission.status !== "success") return redirectWithToast(back, { kind: "error", message: firstProblem(submission) });
  const saved = await saveView(scope, submission.value.name, new URL(back, "http://x").searchParams);
  if (!saved.ok) return redirectWithToast(back, { kind: "error", message: saved.error });
  return redirectWithToast(`/b/${brand.slug}/ambassadors?${saved.query}`, { kind: "success", message: `Saved the view “${submission.value.name}”. Use it here, or as the audience of a scoop, an event or a seeding campaign.` });
}

async function deleteViewAction({ form, scope, back }: Ctx) {
  await deleteView(scope, hiddenFields(form, ViewIdSchema).viewId);
  return redirectWithToast(back, { kind: "success", message: "View deleted." });
}

const IdsSchema = z.object({ ids: z.array(z.string().min(1)).default([]) });

/** The fields of one bulk action, or the toast that says what to fix. */
async function bulk<S extends z.ZodType>({ form, ids, back }: Ctx, schema: S, run: (value: z.output<S>) => Promise<string>) {
  if (!ids.length) return redirectWithToast(back, { kind: "error", message: "Tick at least one ambassador first." });
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") return redirectWithToast(back, { kind: "error", message: firstProblem(submission, "Check the form.") });
  return redirectWithToast(back, { kind: "success", message: await run(submission.value) });
}

const tagAction = (ctx: Ctx) => bulk(ctx, TagSchema, async ({ tag }) => `Tagged ${await bulkTag(ctx.scope, ctx.ids, tag, ctx.user.id)} with “${tag}”.`);
const untagAction = (ctx: Ctx) => bulk(ctx, UntagSchema, async ({ tag }) => `Removed “${tag}” from ${await bulkUntag(ctx.scope, ctx.ids, tag)}.`);
const statusAction = (ctx: Ctx) => bulk(ctx, StatusSchema, async ({ status }) => `Changed the status of ${await bulkStatus(ctx.scope, ctx.ids, status, ctx.user.id)} to ${status}.`);
const messageAction = (ctx: Ctx) =>
  bulk(ctx, MessageSchema, async ({ subject, body }) => {
    const r = await bulkMessage(ctx.scope, ctx.ids, ctx.user, subject, body);
    return `Message sent to ${r.sent}${r.skipped ? ` (${r.skipped} skipped: emails off, or not active)` : ""}.`;
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const filter = parseDirectoryFilter(url.searchParams);
  const page = pageFrom(url);
  const settings = await directorySettings(scope);
  const [result, facets, views] = await Promise.all([
    listAmbassadors(scope, { ...filter, page }, { thresholds: settings, quietAfterDays: settings.quietAfterDays }),
    directoryFacets(scope),
    listViews(scope),
  ]);
  return {
    brand,
    filter,
    views,
    currentQuery: directoryQuery(filter),
    facets,
    quietAfterDays: settings.quietAfterDays,
    page,
    total: result.total,
    pageCount: result.pageCount,
    rows: result.rows.map((a) => ({ ...a, tier: tierFor(a.maxFollowers, settings), tags: a.tags.map((t) => t.tag.name) })),
  };
}

function FilterSelect({ label, name, value, options, fallback }: { label: string; name: string; value?: string; options: readonly (string | [string, string])[]; fallback?: string }) {
  return (
    <label className="text-sm">
      <span className="block text-xs font-medium text-stone-600">{label}</span>
      <select name={name} defaultValue={value ?? fallback ?? ""} className="mt-1 w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 capitalize">
        {fallback ? null : <option value="">Any</option>}
        {options.map((o) => {
          const [v, text] = Array.isArray(o) ? o : [o, o];
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

function BulkActions() {
  return (
    <details className="mt-3 rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">Bulk actions for the ticked ambassadors</summary>
      <Form method="post" id="bulk" className="mt-3 grid gap-3 sm:grid-cols-2">
        <fieldset className="space-y-2">
          <legend className="font-medium">Tags and status</legend>
          <label className="block">
            <span className="text-xs text-stone-600">Tag</span>
            <input name="tag" className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5" placeholder="spring-workshop" />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="intent" value="tag" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">Add tag</button>
            <button type="submit" name="intent" value="untag" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">Remove tag</button>
          </div>
          <label className="block">
            <span className="text-xs text-stone-600">Status</span>
            <select name="status" className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5" defaultValue="active">
              {AMBASSADOR_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <button type="submit" name="intent" value="status" className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100">Set status</button>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="font-medium">Send a message (to those who accept program emails)</legend>
          <label className="block">
            <span className="text-xs text-stone-600">Subject</span>
            <input name="subject" className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
          <label className="block">
            <span className="text-xs text-stone-600">Message</span>
            <textarea name="body" rows={3} className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
          <button type="submit" name="intent" value="message" className="rounded-md bg-violet-700 px-3 py-1.5 font-semibold text-white hover:bg-violet-800">Send message</button>
        </fieldset>
      </Form>
    </details>
  );
}

export default function Ambassadors() {
  const { brand, filter, facets, quietAfterDays, page, total, pageCount, rows, views, currentQuery } = useLoaderData<typeof loader>();
  const filtered = Object.values(filter).some((v) => v);
  const { search } = useLocation();
  return (
    <div>
      <h1 className="text-2xl font-bold">Ambassadors</h1>
      {views.length ? (
        <nav aria-label="Saved views" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600">Saved views:</span>
          {views.map((v) => (
            <span key={v.id} className={`inline-flex items-center gap-1 rounded-full border px-3 py-1 ${v.query === currentQuery ? "border-violet-700 bg-violet-50" : "border-stone-300 bg-white"}`}>
              <Link to={`?${v.query}`} aria-current={v.query === currentQuery ? "page" : undefined} className="text-violet-800">
                {v.name}
              </Link>
              <Form
                method="post"
                onSubmit={(e) => {
                  if (!confirm(`Delete the view “${v.name}”? Scoops, events and campaigns that already use it keep their audience.`)) e.preventDefault();
                }}
              >
                <input type="hidden" name="viewId" value={v.id} />
                <button type="submit" name="intent" value="delete-view" aria-label={`Delete the view ${v.name}`} className="px-1 text-stone-500 hover:text-red-700">
                  ×
                </button>
              </Form>
            </span>
          ))}
        </nav>
      ) : null}
      <Form method="get" role="search" aria-label="Filter ambassadors" className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-6 lg:items-end">
        <label className="col-span-2 text-sm">
          <span className="block text-xs font-medium text-stone-600">Search</span>
          <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="Name, email, handle or city" className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        <FilterSelect label="Status" name="status" value={filter.status} options={AMBASSADOR_STATUSES} />
        <FilterSelect label="Tier" name="tier" value={filter.tier} options={TIERS} />
        <FilterSelect label="Tag" name="tag" value={filter.tag} options={facets.tags} />
        <FilterSelect label="City" name="city" value={filter.city} options={facets.cities} />
        <FilterSelect label="Platform" name="platform" value={filter.platform} options={PLATFORMS.map((p) => [p, PLATFORM_LABELS[p]] as [string, string])} />
        <FilterSelect label="Joined within" name="joined" value={filter.joined} options={Object.entries(WINDOWS) as [string, string][]} />
        <FilterSelect label="Last touch within" name="touched" value={filter.touched} options={Object.entries(WINDOWS) as [string, string][]} />
        <FilterSelect label="Sort by" name="sort" value={filter.sort} fallback={DEFAULT_SORT} options={Object.entries(SORTS) as [string, string][]} />
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="quiet" value="1" defaultChecked={filter.quiet} className="h-4 w-4" />
            Gone quiet
          </label>
        </div>
        <fieldset className="col-span-2 flex flex-col gap-1 text-sm sm:col-span-4 lg:col-span-6">
          <legend className="text-xs font-medium text-stone-600">Signals</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-1">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="rising" value="1" defaultChecked={filter.rising} className="h-4 w-4" />
              {SIGNAL_FILTER_LABELS.rising}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="engagement" value="above" defaultChecked={filter.engagement === "above"} className="h-4 w-4" />
              {SIGNAL_FILTER_LABELS.engagement}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="saturation" value="low" defaultChecked={filter.saturation === "low"} className="h-4 w-4" />
              {SIGNAL_FILTER_LABELS.saturation}
            </label>
          </div>
        </fieldset>
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-violet-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-violet-800">Apply</button>
        </div>
      </Form>
      <p className="mt-3 text-sm text-stone-600" aria-live="polite">
        {total.toLocaleString("en")} {total === 1 ? "ambassador" : "ambassadors"}
        {filtered ? " match" : ""}
        {filter.quiet ? ` (no touch for ${quietAfterDays}+ days)` : ""}
        {filtered ? (
          <>
            {" · "}
            <Link to={`/b/${brand.slug}/ambassadors`} className="text-violet-700 underline">Clear filters</Link>
          </>
        ) : null}
        {" · "}
        <a href={`/b/${brand.slug}/ambassadors.csv${search}`} className="text-violet-700 underline" download>Export {filtered ? "these" : "all"} as CSV</a>
      </p>
      {filtered ? (
        <Form method="post" className="mt-3 flex flex-wrap items-end gap-2 text-sm">
          <label>
            <span className="block text-xs font-medium text-stone-600">Save these filters as a view</span>
            <input name="name" maxLength={60} required placeholder="Rising micro in Toronto" className="mt-1 w-64 rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
          <button type="submit" name="intent" value="save-view" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
            Save view
          </button>
        </Form>
      ) : null}
      <BulkActions />
      {rows.length ? (
        // On a phone each row is a card (name, status, tier, city and followers all visible); a table from sm up.
        <div className="mt-4 sm:overflow-x-auto sm:rounded-lg sm:border sm:border-stone-200 sm:bg-white">
          <table className="block min-w-full text-left text-sm sm:table">
            <caption className="sr-only">Ambassadors, page {page}</caption>
            <TableHead
              className="hidden bg-stone-50 text-stone-600 sm:table-header-group"
              cell="px-4 py-2 font-medium"
              columns={[
                { key: "tick", className: "w-8 !px-3", label: <input type="checkbox" aria-label="Tick every ambassador on this page" className="h-4 w-4" onChange={(e) => document.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((c) => (c.checked = e.currentTarget.checked))} /> },
                "Name",
                "City",
                "Tier",
                { key: "followers", label: "Followers", className: "text-right" },
                "Status",
                { key: "tags", label: "Tags", className: "hidden md:table-cell" },
              ]}
            />
            <tbody className="block space-y-2 sm:table-row-group sm:space-y-0 sm:divide-y sm:divide-stone-100">
              {rows.map((a) => (
                <tr key={a.id} className="grid grid-cols-[auto_1fr] gap-x-3 rounded-lg border border-stone-200 bg-white p-3 sm:table-row sm:rounded-none sm:border-0 sm:p-0" data-testid="ambassador-row">
                  <td className="row-span-5 pt-0.5 sm:px-3 sm:py-2">
                    <input type="checkbox" name="ids" value={a.id} form="bulk" aria-label={`Tick ${a.name}`} className="h-4 w-4" />
                  </td>
                  <td className="sm:px-4 sm:py-2">
                    <Link to={`/b/${brand.slug}/ambassadors/${a.id}`} className="font-medium text-violet-800 underline-offset-2 hover:underline">{a.name}</Link>
                    <span className="block break-all text-xs text-stone-500">{a.email}</span>
                  </td>
                  <td className="sm:px-4 sm:py-2">
                    <span className="text-xs text-stone-500 sm:hidden">City: </span>
                    {a.city || <span className="text-stone-400 sm:hidden">—</span>}
                  </td>
                  <td className="capitalize sm:px-4 sm:py-2">
                    <span className="text-xs normal-case text-stone-500 sm:hidden">Tier: </span>
                    {a.tier}
                  </td>
                  <td className="tabular-nums sm:px-4 sm:py-2 sm:text-right">
                    <span className="text-xs text-stone-500 sm:hidden">Followers: </span>
                    {a.maxFollowers.toLocaleString("en")}
                  </td>
                  <td className="capitalize sm:px-4 sm:py-2">
                    <span className="text-xs normal-case text-stone-500 sm:hidden">Status: </span>
                    {a.status}
                  </td>
                  <td className="hidden px-4 py-2 text-xs text-stone-600 md:table-cell">{a.tags.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {filtered ? "No ambassador matches these filters." : "No ambassadors yet. Fans you invite or approve appear here."}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} label="Ambassadors" />
    </div>
  );
}
