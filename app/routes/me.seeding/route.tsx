import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { fanScope } from "#app/models/scope";
import { Link, useLoaderData } from "@remix-run/react";
import { fanStatus } from "#app/models/seeding/rules";
import { seedingForFan } from "#app/models/seeding/requests.server";
import { requireUser } from "#app/utils/auth.server";
import { Section } from "#app/components/section";
import { CardList } from "#app/components/card-list";

export const meta: MetaFunction = () => [{ title: "Product to try · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return seedingForFan(fanScope(user));
}

export default function FanSeeding() {
  const { open, requests } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">Product to try</h1>
        <p className="text-sm text-stone-600">Brands you love sometimes send things to try. Posting is never required — honest feedback, or nothing at all, is always fine.</p>
      </div>
      <Section title="You can ask for">
        <CardList items={open} empty="Nothing to ask for right now.">
          {(c) => (
              <li key={c.id}>
                <Link to={c.id} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400">
                  <p className="text-xs text-stone-600">{c.brand.name}</p>
                  <p className="font-semibold">{c.name}</p>
                  {c.callToAction ? <p className="text-sm text-stone-700">{c.callToAction}</p> : null}
                  {!c.available ? <p className="text-sm text-amber-800">All gone for now.</p> : null}
                </Link>
              </li>
          )}
        </CardList>
      </Section>
      <Section title="Your requests and offers">
        <CardList items={requests} empty="Nothing yet.">
          {(r) => (
              <li key={r.id}>
                <Link to={r.campaignId} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400">
                  <p className="text-xs text-stone-600">{r.campaign.brand.name} · {r.campaign.name}</p>
                  <p className="font-semibold">
                    {r.variant.product.name} ({r.variant.name})
                  </p>
                  <p className="text-sm text-violet-800">
                    {fanStatus(r.status, r.outcome)}
                  </p>
                </Link>
              </li>
          )}
        </CardList>
      </Section>
    </div>
  );
}
