import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination, pageFrom } from "#app/components/pagination";
import { z } from "zod";
import { AMBASSADOR_STATUSES, SORTS, type Sort } from "#app/models/ambassador";
import { directoryFacets, listAmbassadors } from "#app/models/ambassadors.server";
import { TIERS, tierFor } from "#app/models/tiers";
import { db } from "#app/utils/db.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Ambassadors · Kindred" }];

const FilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(AMBASSADOR_STATUSES).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  tag: z.string().max(40).optional().catch(undefined),
  city: z.string().max(80).optional().catch(undefined),
  quiet: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  sort: z.enum(Object.keys(SORTS) as [Sort, ...Sort[]]).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const filter = FilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  const page = pageFrom(url);
  const settings = await db.brand.findUniqueOrThrow({ where: { id: brand.id }, select: { tierMicroMin: true, tierMacroMin: true, tierMegaMin: true, quietAfterDays: true } });
  const [result, facets] = await Promise.all([
    listAmbassadors(brand.id, { ...filter, page }, { thresholds: settings, quietAfterDays: settings.quietAfterDays }),
    directoryFacets(brand.id),
  ]);
  const thresholds = settings;
  return {
    brand,
    filter,
    facets,
    quietAfterDays: settings.quietAfterDays,
    page,
    total: result.total,
    pageCount: result.pageCount,
    rows: result.rows.map((a) => ({ ...a, tier: tierFor(a.maxFollowers, thresholds), tags: a.tags.map((t) => t.tag.name) })),
  };
}

function FilterSelect({ label, name, value, options }: { label: string; name: string; value?: string; options: readonly (string | [string, string])[] }) {
  return (
    <label className="text-sm">
      <span className="block text-xs font-medium text-stone-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="mt-1 w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 capitalize">
        <option value="">Any</option>
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

export default function Ambassadors() {
  const { brand, filter, facets, quietAfterDays, page, total, pageCount, rows } = useLoaderData<typeof loader>();
  const filtered = Object.values(filter).some((v) => v);
  return (
    <div>
      <h1 className="text-2xl font-bold">Ambassadors</h1>
      <Form method="get" role="search" aria-label="Filter ambassadors" className="mt-4 grid grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-8 lg:items-end">
        <label className="col-span-2 text-sm">
          <span className="block text-xs font-medium text-stone-600">Search</span>
          <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="Name, email, handle or city" className="mt-1 w-full rounded-md border border-stone-300 px-2 py-1.5" />
        </label>
        <FilterSelect label="Status" name="status" value={filter.status} options={AMBASSADOR_STATUSES} />
        <FilterSelect label="Tier" name="tier" value={filter.tier} options={TIERS} />
        <FilterSelect label="Tag" name="tag" value={filter.tag} options={facets.tags} />
        <FilterSelect label="City" name="city" value={filter.city} options={facets.cities} />
        <FilterSelect label="Sort by" name="sort" value={filter.sort} options={Object.entries(SORTS) as [string, string][]} />
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="quiet" value="1" defaultChecked={filter.quiet} className="h-4 w-4" />
            Gone quiet
          </label>
          <button type="submit" className="rounded-md bg-violet-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-violet-800">
            Apply
          </button>
        </div>
      </Form>
      <p className="mt-3 text-sm text-stone-600" aria-live="polite">
        {total.toLocaleString("en")} {total === 1 ? "ambassador" : "ambassadors"}
        {filtered ? " match" : ""}
        {filter.quiet ? ` (no touch for ${quietAfterDays}+ days)` : ""}
        {filtered ? (
          <>
            {" · "}
            <Link to={`/b/${brand.slug}/ambassadors`} className="text-violet-700 underline">
              Clear filters
            </Link>
          </>
        ) : null}
      </p>
      {rows.length ? (
        <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Ambassadors, page {page}</caption>
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">City</th>
                <th scope="col" className="px-4 py-2 font-medium">Tier</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">Followers</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Tags</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2">
                    <Link to={`/b/${brand.slug}/ambassadors/${a.id}`} className="font-medium text-violet-800 underline-offset-2 hover:underline">
                      {a.name}
                    </Link>
                    <span className="block text-xs text-stone-500">{a.email}</span>
                  </td>
                  <td className="px-4 py-2">{a.city}</td>
                  <td className="px-4 py-2 capitalize">{a.tier}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{a.maxFollowers.toLocaleString("en")}</td>
                  <td className="px-4 py-2 capitalize">{a.status}</td>
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
