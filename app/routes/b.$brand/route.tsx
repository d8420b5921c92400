import type { LoaderFunctionArgs } from "@remix-run/node";
import { useEffect, useRef, type ReactNode } from "react";
import { Link, NavLink, Outlet, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { ErrorPage } from "#app/components/error-page";
import { ROLE_LABELS, roleAtLeast, type StaffRole } from "#app/models/roles";
import { membershipsOf, requireBrandMember } from "#app/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, brand, role } = await requireBrandMember(request, params.brand);
  const brands = (await membershipsOf(request, user.id)).map(({ brand: { name, slug, color } }) => ({ name, slug, color }));
  return { brand, role, brands };
}

type NavItem = { to: string; label: string; needs: StaffRole; end?: boolean };

/** The brand's sections, grouped the way the work is (People, Content, Events, Seeding, Insights, Settings). */
const manager = (to: string, label: string): NavItem => ({ to, label, needs: "manager" });
const owner = (to: string, label: string): NavItem => ({ to, label, needs: "owner" });
const NAV_GROUPS: { label: string; items: NavItem[] }[] = [
  { label: "Overview", items: [{ to: "", label: "Overview", needs: "manager", end: true }] },
  { label: "People", items: [manager("ambassadors", "Ambassadors"), manager("applications", "Applications"), manager("invitations", "Invitations"), manager("discover", "Already posting"), manager("imports", "Import")] },
  { label: "Content", items: [manager("program", "Program"), manager("scoops", "Scoops"), manager("posts", "Posts"), manager("links", "Links")] },
  { label: "Events", items: [{ to: "events", label: "Events", needs: "organizer" }] },
  { label: "Seeding", items: [manager("seeding", "Seeding")] },
  { label: "Insights", items: [manager("analytics", "Analytics"), manager("outbox", "Outbox")] },
  { label: "Settings", items: [owner("staff", "Staff"), owner("settings", "Settings")] },
];

function BrandSwitcher({ current, brands }: { current: { name: string; slug: string; color: string }; brands: { name: string; slug: string; color: string }[] }) {
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-lg font-semibold hover:bg-stone-100">
        <span aria-hidden="true" className="h-4 w-4 rounded-full" style={{ backgroundColor: current.color }} />
        {current.name}
        <span className="sr-only">— switch brand</span>
        <span aria-hidden="true" className="text-sm text-stone-500">▾</span>
      </summary>
      <div className="absolute z-20 mt-1 w-64 rounded-md border border-stone-200 bg-white p-1 shadow-lg">
        <ul aria-label="Your brands">
          {brands.map((b) => (
            <li key={b.slug}>
              <Link
                to={`/b/${b.slug}`}
                aria-current={b.slug === current.slug ? "page" : undefined}
                className="flex items-center gap-2 rounded px-3 py-2 text-sm hover:bg-stone-100 aria-[current=page]:font-semibold"
              >
                <span aria-hidden="true" className="h-3 w-3 rounded-full" style={{ backgroundColor: b.color }} />
                {b.name}
              </Link>
            </li>
          ))}
        </ul>
        <Link to="/brands/new" className="block border-t border-stone-100 px-3 py-2 text-sm text-violet-700 hover:bg-stone-100">+ Create a brand</Link>
      </div>
    </details>
  );
}

type LayoutData = Awaited<ReturnType<typeof loader>>;

function SectionLink({ brand, item, className }: { brand: string; item: NavItem; className: string }) {
  return (
    <NavLink
      to={item.to ? `/b/${brand}/${item.to}` : `/b/${brand}`}
      end={item.end}
      className={({ isActive }) => `${className} ${isActive ? "border-violet-700 bg-violet-50 font-semibold text-violet-800 sm:bg-transparent" : "border-transparent text-stone-600 hover:text-stone-900"}`}
    >
      {item.label}
    </NavLink>
  );
}

function BrandShell({ data, children }: { data: LayoutData; children: ReactNode }) {
  const { brand, role, brands } = data;
  const groups = NAV_GROUPS.map((g) => ({ ...g, items: g.items.filter((n) => roleAtLeast(role, n.needs)) })).filter((g) => g.items.length);
  const path = useLocation().pathname;
  // The phone menu closes once a section is chosen.
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [path]);
  const base = `/b/${brand.slug}`;
  const current = groups.flatMap((g) => g.items).find((n) => (n.to ? path === `${base}/${n.to}` || path.startsWith(`${base}/${n.to}/`) : path === base || path === `${base}/`));
  return (
    <div style={{ ["--brand-color" as string]: brand.color }}>
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 pt-3">
          <BrandSwitcher current={brand} brands={brands} />
          <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-600">{ROLE_LABELS[role]}</span>
        </div>
        {/* Wider screens: every section in one bar that wraps (never hidden off to the side), grouped. */}
        <nav aria-label={`${brand.name} sections`} className="mx-auto hidden max-w-6xl px-4 sm:block">
          <ul className="flex flex-wrap items-end gap-x-1">
            {groups.map((g, i) => (
              <li key={g.label} className={`flex flex-wrap ${i ? "border-l border-stone-200 pl-1" : ""}`}>
                <ul className="flex flex-wrap" aria-label={g.items.length > 1 ? g.label : undefined}>
                  {g.items.map((n) => (
                    <li key={n.to}>
                      <SectionLink brand={brand.slug} item={n} className="block whitespace-nowrap border-b-2 px-3 py-2 text-sm" />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        {/* Phones: one menu button naming the current section, opening the grouped list. */}
        <details ref={menu} className="mx-auto max-w-6xl px-4 pb-2 pt-1 sm:hidden" data-testid="section-menu">
          <summary className="flex cursor-pointer list-none items-center justify-between rounded-md border border-stone-300 px-3 py-2 text-sm font-medium">
            <span>
              Menu<span className="text-stone-500"> · {current?.label ?? "Overview"}</span>
            </span>
            <span aria-hidden="true">▾</span>
          </summary>
          <nav aria-label={`${brand.name} sections (menu)`} className="mt-2 grid grid-cols-2 gap-3">
            {groups.map((g) => (
              <div key={g.label}>
                <p className="text-xs font-semibold uppercase tracking-wide text-stone-500">{g.label}</p>
                <ul>
                  {g.items.map((n) => (
                    <li key={n.to}>
                      <SectionLink brand={brand.slug} item={n} className="block rounded px-2 py-1.5 text-sm" />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
        </details>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}

export default function BrandLayout() {
  return (
    <BrandShell data={useLoaderData<typeof loader>()}>
      <Outlet />
    </BrandShell>
  );
}

/** Errors of the brand's pages keep the brand's navigation when the brand itself loaded. */
export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("routes/b.$brand");
  return data ? (
    <BrandShell data={data}>
      <ErrorPage />
    </BrandShell>
  ) : (
    <ErrorPage />
  );
}
