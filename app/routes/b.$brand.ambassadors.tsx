import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination, pageFrom } from "#app/components/pagination";
import { listAmbassadors } from "#app/models/ambassadors.server";
import { tierFor } from "#app/models/tiers";
import { db } from "#app/utils/db.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Ambassadors · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = pageFrom(url);
  const thresholds = await db.brand.findUniqueOrThrow({ where: { id: brand.id }, select: { tierMicroMin: true, tierMacroMin: true, tierMegaMin: true } });
  const result = await listAmbassadors(brand.id, { page, q });
  return {
    brand,
    q,
    page,
    total: result.total,
    pageCount: result.pageCount,
    rows: result.rows.map((a) => ({ ...a, tier: tierFor(a.maxFollowers, thresholds), tags: a.tags.map((t) => t.tag.name) })),
  };
}

export default function Ambassadors() {
  const { brand, q, page, total, pageCount, rows } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Ambassadors</h1>
        <Form method="get" role="search" className="flex gap-2">
          <label htmlFor="ambassador-search" className="sr-only">
            Search ambassadors
          </label>
          <input
            id="ambassador-search"
            type="search"
            name="q"
            defaultValue={q}
            placeholder="Name, email or city"
            className="rounded-md border border-stone-300 px-3 py-2 text-sm"
          />
          <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium hover:bg-stone-100">
            Search
          </button>
        </Form>
      </div>
      <p className="mt-2 text-sm text-stone-600">
        {total.toLocaleString("en")} {total === 1 ? "ambassador" : "ambassadors"}
        {q ? ` matching “${q}”` : ""}
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
                <th scope="col" className="px-4 py-2 font-medium">Tags</th>
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
                  <td className="px-4 py-2 text-xs text-stone-600">{a.tags.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-6 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {q ? "No ambassador matches that search." : "No ambassadors yet. Fans you invite or approve appear here."}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} label="Ambassadors" />
    </div>
  );
}
