import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { TimeChart } from "#app/components/charts";
import { SubmitButton } from "#app/components/forms";
import { StatCards } from "#app/components/stat-cards";
import { dashboard, dashboardTables, rangePresets, resolveRange } from "#app/models/analytics.server";
import { ENGAGEMENT_FORMULA, VIEW_RATE_FORMULA, formatRate } from "#app/models/engagement";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Analytics · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const range = await resolveRange(scope, new URL(request.url).searchParams);
  const d = await dashboard(scope, range);
  return { brand, d, all: Boolean(range.all), presets: rangePresets(), tables: dashboardTables(d) };
}

type Tables = ReturnType<typeof dashboardTables>;

function Section({ id, tables, query, slug, children, note }: { id: keyof Tables; tables: Tables; query: string; slug: string; children?: ReactNode; note?: ReactNode }) {
  const t = tables[id];
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="font-semibold">
          {t.title}
        </h2>
        <a href={`/b/${slug}/analytics.csv?table=${id}&${query}`} className="text-sm text-violet-700 underline" download>Download CSV</a>
      </div>
      {note ? <p className="text-xs text-stone-500">{note}</p> : null}
      {children}
      <details open={!children}>
        <summary className="cursor-pointer text-sm text-stone-600">Table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid={`table-${id}`}>
            <thead className="text-stone-500">
              <tr>
                {t.header.map((h) => (
                  <th key={h} className="py-1 pr-3 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r, i) => (
                <tr key={i} className="border-t border-stone-100">
                  {r.map((c, j) => (
                    <td key={j} className="py-1 pr-3">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
              {!t.rows.length ? (
                <tr>
                  <td colSpan={t.header.length} className="py-2 text-stone-500">
                    Nothing in this range.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

export default function Analytics() {
  const { brand, d, all, presets, tables } = useLoaderData<typeof loader>();
  const query = all ? "range=all" : `from=${d.range.from}&to=${d.range.to}`;
  const s = { tables, query, slug: brand.slug };
  const pctFmt = (v: number) => `${(v * 100).toFixed(1)} %`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Analytics</h1>
        <Form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <label>
            <span className="block font-medium">From</span>
            <input type="date" name="from" defaultValue={d.range.from} className="rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
          <label>
            <span className="block font-medium">To</span>
            <input type="date" name="to" defaultValue={d.range.to} className="rounded-md border border-stone-300 px-2 py-1.5" />
          </label>
          <SubmitButton variant="secondary">Show</SubmitButton>
        </Form>
      </div>
      <nav aria-label="Date range" className="flex flex-wrap gap-2 text-sm">
        {presets.map((p) => {
          const current = p.query === "range=all" ? all : !all && p.query === query;
          return (
            <Link key={p.label} to={`?${p.query}`} aria-current={current ? "page" : undefined} className={`rounded-full border px-3 py-1 ${current ? "border-violet-700 bg-violet-50 font-medium text-violet-800" : "border-stone-300 text-stone-700 hover:bg-stone-50"}`}>
              {p.label}
            </Link>
          );
        })}
      </nav>
      <StatCards
        label="Totals"
        className="sm:grid-cols-5"
        stats={[
          ["Active ambassadors", d.totals.active],
          ["New in range", d.totals.joined],
          ["Posts", d.totals.posts],
          ["Interactions", d.totals.interactions.toLocaleString("en")],
          ["Link clicks", d.totals.clicks],
        ]}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Section id="growth" {...s}>
          <TimeChart label="Active ambassadors by week" data={d.growth} x="week" series={[{ key: "active", label: "Active", color: "#6d28d9" }]} />
        </Section>
        <Section id="sources" {...s}>
          <TimeChart label="Joins by source" kind="bar" data={d.sources} x="source" series={[{ key: "joins", label: "Joins", color: "#b45309" }]} />
        </Section>
        <Section id="posts" {...s}>
          <TimeChart
            label="Posts and interactions by week"
            data={d.postsOverTime}
            x="week"
            series={[
              { key: "posts", label: "Posts", color: "#0f766e" },
              { key: "interactions", label: "Interactions (right axis)", color: "#b45309", axis: "right" },
            ]}
          />
        </Section>
        <Section id="tiers" {...s} note={<>Average per post. By followers: {ENGAGEMENT_FORMULA}. By views: {VIEW_RATE_FORMULA}.</>}>
          <TimeChart label="Engagement rate by tier" kind="bar" format={pctFmt} data={d.byTier.map((t) => ({ tier: t.tier, rate: t.avgRate ?? 0 }))} x="tier" series={[{ key: "rate", label: "Engagement rate", color: "#6d28d9" }]} />
          <TimeChart label="Interactions by tier" kind="bar" data={d.byTier.map((t) => ({ tier: t.tier, interactions: t.interactions }))} x="tier" series={[{ key: "interactions", label: "Interactions", color: "#b45309" }]} />
          <ul className="space-y-1 text-sm text-stone-700" data-testid="tier-summary">
            {d.byTier.map((t) => (
              <li key={t.tier}>
                <span className="font-medium capitalize">{t.tier}</span>: engagement {formatRate(t.avgRate)} · {t.interactions.toLocaleString("en")} interactions over {t.posts} {t.posts === 1 ? "post" : "posts"}
              </li>
            ))}
          </ul>
          <p className="text-xs text-stone-500">Smaller accounts usually engage a larger share of their followers; larger ones bring more interactions in all. Both numbers are here so you can weigh them.</p>
        </Section>
        <Section id="clicks" {...s}>
          <TimeChart label="Link clicks by week" data={d.clicksOverTime} x="week" series={[{ key: "clicks", label: "Clicks", color: "#be185d" }]} />
        </Section>
        <Section id="contributors" {...s} />
      </div>
      <Section id="campaigns" {...s} note="Posting rate = requests whose fan posted ÷ units sent. Honest feedback counts as a good outcome." />
      <Section id="events" {...s} note="Attendance rate = checked in ÷ going; no-show rate = no-shows ÷ going." />
    </div>
  );
}
