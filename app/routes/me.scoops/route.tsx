import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { fanScope } from "#app/models/scope";
import { Link, useLoaderData } from "@remix-run/react";
import { LocalTime } from "#app/components/local-time";
import { Pagination } from "#app/components/pagination";
import { fanScoopFeed } from "#app/models/scoops/feed.server";
import { requireUser } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Scoops · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  return { page, feed: await fanScoopFeed(fanScope(user), page) };
}

export default function ScoopFeed() {
  const { page, feed } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">Scoops</h1>
        <p className="text-sm text-stone-600">{feed.unread ? `${feed.unread} unread` : "You're all caught up."} First looks from the programs you belong to.</p>
      </div>
      {feed.items.length ? (
        <ul className="space-y-3">
          {feed.items.map((s) => (
            <li key={s.id}>
              <Link to={s.id} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400" data-testid="scoop-card">
                <p className="flex items-center gap-2 text-xs text-stone-600">
                  <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: s.brand.color }} />
                  {s.brand.name} · <LocalTime value={s.publishAt} zone={s.brand.timeZone} />
                </p>
                <p className="mt-1 flex items-center gap-2 font-semibold">
                  {s.unread ? (
                    <span className="rounded-full bg-violet-700 px-2 py-0.5 text-xs font-semibold text-white">
                      New<span className="sr-only"> — unread</span>
                    </span>
                  ) : null}
                  {s.title}
                </p>
                {s.state === "embargoed" && s.embargoUntil ? (
                  <p className="mt-1 text-sm font-medium text-amber-800">
                    Embargoed until <LocalTime value={s.embargoUntil} zone={s.brand.timeZone} />
                  </p>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          No scoops yet. When a brand shares a first look with its ambassadors, it appears here (and in your inbox, if you get program emails).
        </div>
      )}
      <Pagination page={page} pageCount={feed.pageCount} label="Scoops" />
    </div>
  );
}
