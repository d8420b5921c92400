import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "#app/components/forms";
import { listCampaigns } from "#app/models/seeding/campaigns.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Seeding · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  return { brand, campaigns: await listCampaigns(scope) };
}

export default function Seeding() {
  const { brand, campaigns } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Product seeding</h1>
          <p className="text-sm text-stone-600">Product to try, with a friendly call to action and no obligation to post.</p>
        </div>
        <Link to="new" className={buttonClass()}>New campaign</Link>
      </div>
      {campaigns.length ? (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {campaigns.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div>
                <Link to={c.id} className="font-medium text-violet-800 underline">{c.name}</Link>
                <p className="text-xs text-stone-600">{c.mode === "offer" ? "The brand offers to chosen fans" : "Fans request"}</p>
              </div>
              <p className="text-sm text-stone-700">
                {c.reserved} of {c.stock} units taken · {c.byStatus.requested ?? 0} to review · {(c.byStatus.shipped ?? 0) + (c.byStatus.delivered ?? 0)} out · {c.byStatus.settled ?? 0} done
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6">
          <h2 className="font-semibold">No seeding campaigns yet</h2>
          <p className="mt-1 text-stone-600">Put something new in {brand.name} fans' hands: choose products and variants with stock, who may ask, and what you'd love them to try.</p>
        </div>
      )}
    </div>
  );
}
