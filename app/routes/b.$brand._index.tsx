import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countByStatus, countByTier } from "#app/models/ambassadors.server";
import { roleAtLeast } from "#app/models/roles";
import { TIERS, TIER_THRESHOLDS_SELECT, describeTier } from "#app/models/tiers";
import { db } from "#app/utils/db.server";
import { formatRange } from "#app/utils/format";
import { requireBrandMember } from "#app/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, role } = await requireBrandMember(request, params.brand);
  if (!roleAtLeast(role, "manager")) throw redirect(`/b/${brand.slug}/events`);
  const thresholds = await db.brand.findUniqueOrThrow({
    where: { id: brand.id },
    select: TIER_THRESHOLDS_SELECT,
  });
  const [byStatus, byTier, staff, applications, requests, flagged, toReview, nextEvent] = await Promise.all([
    countByStatus(brand.id),
    countByTier(brand.id, thresholds),
    db.membership.count({ where: { brandId: brand.id } }),
    db.application.count({ where: { brandId: brand.id, status: "pending" } }),
    db.seedingRequest.count({ where: { brandId: brand.id, status: "requested" } }),
    db.post.count({ where: { brandId: brand.id, status: { not: "hidden" }, OR: [{ disclosureFlag: true }, { embargoFlag: true }] } }),
    db.post.count({ where: { brandId: brand.id, status: "pending" } }),
    db.event.findFirst({ where: { brandId: brand.id, publishedAt: { not: null }, endsAt: { gte: new Date() } }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, capacity: true, seatsTaken: true } }),
  ]);
  const todo = [
    { count: applications, label: "applications to answer", to: "applications" },
    { count: requests, label: "product requests to review", to: "seeding" },
    { count: flagged, label: "posts flagged (disclosure or embargo)", to: "posts?show=flagged" },
    { count: toReview, label: "posts to review", to: "posts" },
  ].filter((t) => t.count > 0);
  return { brand, byStatus, byTier, staff, todo, nextEvent, tierRules: TIERS.map((t) => describeTier(t, thresholds)) };
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{value.toLocaleString("en")}</dd>
    </div>
  );
}

export default function BrandOverview() {
  const { brand, byStatus, byTier, staff, tierRules, todo, nextEvent } = useLoaderData<typeof loader>();
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{brand.name}</h1>
      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6">
          <h2 className="font-semibold">Your program has no ambassadors yet</h2>
          <p className="mt-1 text-stone-600">
            The best ambassadors are fans you already have. Start by inviting your team, then your first fans.
          </p>
          <Link to={`/b/${brand.slug}/staff`} className="mt-3 inline-block text-violet-700 underline">
            Invite your team
          </Link>
        </div>
      ) : null}
      {todo.length || nextEvent ? (
        <section aria-labelledby="todo-heading" className="rounded-lg border border-violet-200 bg-violet-50 p-4">
          <h2 id="todo-heading" className="font-semibold">
            Waiting for you
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {todo.map((t) => (
              <li key={t.to}>
                <Link to={`/b/${brand.slug}/${t.to}`} className="text-violet-800 underline">
                  {t.count} {t.label}
                </Link>
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
        </section>
      ) : null}
      <section aria-labelledby="status-heading">
        <h2 id="status-heading" className="text-lg font-semibold">
          Ambassadors
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Stat label="Active" value={byStatus.active} />
          <Stat label="Invited" value={byStatus.invited} />
          <Stat label="Applied" value={byStatus.applied} />
          <Stat label="Paused" value={byStatus.paused} />
          <Stat label="Alumni" value={byStatus.alumni} />
        </dl>
      </section>
      <section aria-labelledby="tier-heading">
        <h2 id="tier-heading" className="text-lg font-semibold">
          Active ambassadors by tier
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {TIERS.map((t) => (
            <Stat key={t} label={t[0].toUpperCase() + t.slice(1)} value={byTier[t]} />
          ))}
        </dl>
        <p className="mt-2 text-xs text-stone-500">Tier rule (largest follower count of any account): {tierRules.join(" · ")}</p>
      </section>
      <p className="text-sm text-stone-600">
        Team: {staff} {staff === 1 ? "person" : "people"}.
      </p>
    </div>
  );
}
