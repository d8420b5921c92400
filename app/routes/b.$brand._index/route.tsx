import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countByStatus, countByTier } from "#app/models/ambassadors.server";
import { roleAtLeast } from "#app/models/roles";
import { TIERS, describeTier } from "#app/models/tiers";
import { brandOverview } from "#app/models/brand.server";
import { formatRange } from "#app/utils/format";
import { requireBrandMember } from "#app/utils/permissions.server";
import { Section } from "#app/components/section";
import { LocalTime } from "#app/components/local-time";
import { recentMilestones } from "#app/models/qualification/milestones.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, role, scope } = await requireBrandMember(request, params.brand);
  if (!roleAtLeast(role, "manager")) throw redirect(`/b/${brand.slug}/events`);
  const [byStatus, { thresholds, staff, waiting, nextEvent }, milestones] = await Promise.all([countByStatus(scope), brandOverview(scope), recentMilestones(scope)]);
  const byTier = await countByTier(scope, thresholds);
  const { applications, requests, flagged, toReview } = waiting;
  const todo = [
    { count: applications, label: "applications to answer", to: "applications" },
    { count: requests, label: "product requests to review", to: "seeding" },
    { count: flagged, label: "posts flagged (disclosure or embargo)", to: "posts?show=flagged" },
    { count: toReview, label: "posts to review", to: "posts" },
  ].filter((t) => t.count > 0);
  return { brand, byStatus, byTier, staff, todo, nextEvent, milestones, tierRules: TIERS.map((t) => describeTier(t, thresholds)) };
}

/** A count that opens the directory filtered to the people it counts. */
function Stat({ label, value, to }: { label: string; value: number; to: string }) {
  return (
    <li>
      <Link to={to} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-violet-500" data-testid="stat-link">
        <span className="block text-sm text-stone-600">{label}</span>
        <span className="mt-1 block text-2xl font-bold tabular-nums">{value.toLocaleString("en")}</span>
      </Link>
    </li>
  );
}

export default function BrandOverview() {
  const { brand, byStatus, byTier, staff, tierRules, todo, nextEvent, milestones } = useLoaderData<typeof loader>();
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const directory = `/b/${brand.slug}/ambassadors`;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{brand.name}</h1>
      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6">
          <h2 className="font-semibold">Your program has no ambassadors yet</h2>
          <p className="mt-1 text-stone-600">
            The best ambassadors are fans you already have. Start by inviting your team, then your first fans.
          </p>
          <Link to={`/b/${brand.slug}/staff`} className="mt-3 inline-block text-violet-700 underline">Invite your team</Link>
        </div>
      ) : null}
      {todo.length || nextEvent ? (
        <Section title="Waiting for you" className="rounded-lg border border-violet-200 bg-violet-50 p-4" heading="font-semibold">
          <ul className="mt-2 space-y-1 text-sm">
            {todo.map((t) => (
              <li key={t.to}>
                <Link to={`/b/${brand.slug}/${t.to}`} className="text-violet-800 underline">{t.count} {t.label}</Link>
              </li>
            ))}
            {nextEvent ? (
              <li>
                Next event:{" "}
                <Link to={`/b/${brand.slug}/events/${nextEvent.id}`} className="text-violet-800 underline">
                  {nextEvent.title}
                </Link>{" "}
                · {formatRange(nextEvent.startsAt, nextEvent.endsAt, nextEvent.timeZone)} · {nextEvent.seatsTaken}
                {nextEvent.capacity ? ` / ${nextEvent.capacity}` : ""} seats taken
              </li>
            ) : null}
          </ul>
        </Section>
      ) : null}
      {milestones.length ? (
        <Section title="Growing" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4" heading="font-semibold">
          <ul className="mt-2 space-y-1 text-sm" data-testid="milestones">
            {milestones.map((m) => (
              <li key={m.id}>
                <Link to={`${directory}/${m.ambassadorId}`} className="text-emerald-900 underline">{m.summary}</Link>{" "}
                <span className="text-emerald-800">
                  · {m.body} · <LocalTime value={m.createdAt} zone={brand.timeZone} />
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Ambassadors">
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {(["active", "invited", "applied", "paused", "alumni"] as const).map((s) => (
            <Stat key={s} label={s[0].toUpperCase() + s.slice(1)} value={byStatus[s]} to={`${directory}?status=${s}`} />
          ))}
        </ul>
      </Section>
      <Section title="Active ambassadors by tier">
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {TIERS.map((t) => (
            <Stat key={t} label={t[0].toUpperCase() + t.slice(1)} value={byTier[t]} to={`${directory}?status=active&tier=${t}`} />
          ))}
        </ul>
        <p className="mt-2 text-xs text-stone-500">Tier rule (largest follower count of any account): {tierRules.join(" · ")}</p>
      </Section>
      <p className="text-sm text-stone-600">
        Team: {staff} {staff === 1 ? "person" : "people"}.
      </p>
    </div>
  );
}
