import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "#app/components/forms";
import { describeAudience } from "#app/models/audience";
import { STATE_LABELS, scoopState } from "#app/models/scoops/rules";
import { listScoops } from "#app/models/scoops/manage.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { LocalTime } from "#app/components/local-time";

export const meta: MetaFunction = () => [{ title: "Scoops · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  return { brand, scoops: await listScoops(scope) };
}

export default function Scoops() {
  const { brand, scoops } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Scoops</h1>
          <p className="text-sm text-stone-600">Exclusive previews for ambassadors, with an embargo when it matters.</p>
        </div>
        <Link to="new" className={buttonClass()}>New scoop</Link>
      </div>
      {scoops.length ? (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {scoops.map((s) => {
            const state = scoopState(s);
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div>
                  <Link to={s.id} className="font-medium text-violet-800 underline">{s.title}</Link>
                  <p className="text-xs text-stone-600">
                    {STATE_LABELS[state]}
                    {s.publishAt ? <> · {state === "scheduled" ? "goes live" : "published"} <LocalTime value={s.publishAt} zone={brand.timeZone} /></> : ""}
                    {s.embargoUntil ? <> · embargo until <LocalTime value={s.embargoUntil} zone={brand.timeZone} /></> : ""} · {describeAudience(s.audience)}
                  </p>
                </div>
                <p className="text-sm text-stone-700" aria-label="Reach">
                  {s.reach.audience} in audience · {s.reach.opened} opened · {s.reach.acknowledged} acknowledged
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6">
          <h2 className="font-semibold">No scoops yet</h2>
          <p className="mt-1 text-stone-600">Share a first look with {brand.name}'s ambassadors: a new product, a menu, a collaboration. You decide who sees it and when they may talk about it.</p>
        </div>
      )}
    </div>
  );
}
