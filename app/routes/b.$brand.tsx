import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, NavLink, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { ErrorPage } from "#app/components/error-page";
import { ROLE_LABELS, roleAtLeast, type StaffRole } from "#app/models/roles";
import { db } from "#app/utils/db.server";
import { requireBrandMember } from "#app/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, brand, role } = await requireBrandMember(request, params.brand);
  const brands = await db.membership.findMany({
    where: { userId: user.id },
    orderBy: { brand: { name: "asc" } },
    select: { brand: { select: { name: true, slug: true, color: true } } },
  });
  return { brand, role, brands: brands.map((m) => m.brand) };
}

const NAV: { to: string; label: string; needs: StaffRole; end?: boolean }[] = [
  { to: "", label: "Overview", needs: "manager", end: true },
  { to: "ambassadors", label: "Ambassadors", needs: "manager" },
  { to: "invitations", label: "Invitations", needs: "manager" },
  { to: "imports", label: "Import", needs: "manager" },
  { to: "applications", label: "Applications", needs: "manager" },
  { to: "program", label: "Program", needs: "manager" },
  { to: "scoops", label: "Scoops", needs: "manager" },
  { to: "events", label: "Events", needs: "organizer" },
  { to: "seeding", label: "Seeding", needs: "manager" },
  { to: "posts", label: "Posts", needs: "manager" },
  { to: "links", label: "Links", needs: "manager" },
  { to: "analytics", label: "Analytics", needs: "manager" },
  { to: "outbox", label: "Outbox", needs: "manager" },
  { to: "staff", label: "Staff", needs: "owner" },
  { to: "settings", label: "Settings", needs: "owner" },
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
        <Link to="/brands/new" className="block border-t border-stone-100 px-3 py-2 text-sm text-violet-700 hover:bg-stone-100">
          + Create a brand
        </Link>
      </div>
    </details>
  );
}

type LayoutData = Awaited<ReturnType<typeof loader>>;

function BrandShell({ data, children }: { data: LayoutData; children: ReactNode }) {
  const { brand, role, brands } = data;
  const items = NAV.filter((n) => roleAtLeast(role, n.needs));
  return (
    <div style={{ ["--brand-color" as string]: brand.color }}>
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 pt-3">
          <BrandSwitcher current={brand} brands={brands} />
          <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-600">{ROLE_LABELS[role]}</span>
        </div>
        <nav aria-label={`${brand.name} sections`} className="mx-auto max-w-6xl overflow-x-auto px-4">
          <ul className="flex gap-1">
            {items.map((n) => (
              <li key={n.to}>
                <NavLink
                  to={n.to ? `/b/${brand.slug}/${n.to}` : `/b/${brand.slug}`}
                  end={n.end}
                  className={({ isActive }) =>
                    `block whitespace-nowrap border-b-2 px-3 py-2 text-sm ${isActive ? "border-violet-700 font-semibold text-violet-800" : "border-transparent text-stone-600 hover:text-stone-900"}`
                  }
                >
                  {n.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
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
