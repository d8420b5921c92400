import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { fanScope } from "#app/models/scope";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "#app/components/forms";
import { ROLE_LABELS, type StaffRole } from "#app/models/roles";
import { requireUser } from "#app/utils/auth.server";
import { homeOverview } from "#app/models/account.server";
import { listEventsForFan } from "#app/models/events/rsvp.server";
import { unreadScoopCount } from "#app/models/scoops/feed.server";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Home · Kindred" }];

const STATUS_TEXT: Record<string, string> = {
  invited: "Invitation pending",
  applied: "Application under review",
  active: "Active ambassador",
  paused: "Paused",
  alumni: "Alumni",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { memberships, programs } = await homeOverview(user.id);
  const isFan = programs.some((p) => p.status === "active");
  const [unreadScoops, events] = isFan
    ? await Promise.all([unreadScoopCount(fanScope(user)), listEventsForFan(fanScope(user))])
    : [0, []];
  return {
    name: user.name ?? user.email,
    memberships,
    programs,
    isFan,
    unreadScoops,
    upcomingEvents: events.length,
  };
}

function BrandDot({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-3 w-3 shrink-0 rounded-full"
      style={{ backgroundColor: color }}
    />
  );
}

export default function Home() {
  const { name, memberships, programs, isFan, unreadScoops, upcomingEvents } =
    useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-10 px-4 py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Hello, {name}</h1>
        <Link to="/me" className="text-sm text-violet-700 underline">Edit your profile and social accounts</Link>
      </div>

      {isFan ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Link
            to="/me/scoops"
            className="rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400"
          >
            <p className="font-semibold">Scoops</p>
            <p className="text-sm text-stone-600">
              {unreadScoops ? `${unreadScoops} unread` : "You're all caught up"}
            </p>
          </Link>
          <Link
            to="/me/events"
            className="rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400"
          >
            <p className="font-semibold">Events</p>
            <p className="text-sm text-stone-600">
              {upcomingEvents
                ? `${upcomingEvents} coming up for you`
                : "Nothing planned yet"}
            </p>
          </Link>
          <Link
            to="/me/seeding"
            className="rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400"
          >
            <p className="font-semibold">Product to try</p>
            <p className="text-sm text-stone-600">
              Ask for samples, track parcels, share honest feedback
            </p>
          </Link>
          <Link
            to="/me/posts"
            className="rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400"
          >
            <p className="font-semibold">My posts and links</p>
            <p className="text-sm text-stone-600">
              Add posts you made (never required) and make short links
            </p>
          </Link>
        </div>
      ) : null}

      {programs.length || !memberships.length ? (
        <Section title="Your ambassador programs">
          {programs.length ? (
            <ul className="mt-3 grid gap-3 sm:grid-cols-2">
              {programs.map((p) => (
                <li key={p.id}>
                  <BrandCard to={`/me/programs/${p.brand.slug}`} brand={p.brand} standing={STATUS_TEXT[p.status] ?? p.status} description={p.brand.description} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-stone-600">
              You are not an ambassador of any brand yet. When a brand invites
              you, or accepts your application, it appears here.
            </p>
          )}
        </Section>
      ) : null}

      <section aria-labelledby="brands-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="brands-heading" className="text-lg font-semibold">
            Brands you help run
          </h2>
          <Link to="/brands/new" className={buttonClass("secondary")}>Create a brand</Link>
        </div>
        {memberships.length ? (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {memberships.map((m) => (
              <li key={m.brand.slug}>
                <BrandCard to={`/b/${m.brand.slug}`} brand={m.brand} standing={ROLE_LABELS[m.role as StaffRole] ?? m.role} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-600">
            Run a program for your own brand: create one and invite your team.
          </p>
        )}
      </section>
    </div>
  );
}

/** A brand the person belongs to, as a card: its name and colour, where they stand, and its description if asked. */
function BrandCard({ to, brand, standing, description }: { to: string; brand: { name: string; color: string }; standing: string; description?: string | null }) {
  return (
    <Link to={to} className="block h-full rounded-lg border border-stone-200 bg-white p-4 hover:border-violet-400">
      <p className="flex items-center gap-2 font-semibold">
        <BrandDot color={brand.color} />
        {brand.name}
      </p>
      <p className="mt-1 text-sm text-stone-600">{standing}</p>
      {description ? <p className="mt-2 line-clamp-2 text-sm text-stone-700">{description}</p> : null}
    </Link>
  );
}
