import { Form } from "@remix-run/react";
import { Field, SubmitButton } from "./forms";
import { ShareLink } from "./share-link";

/** Creating a tracked link: where it goes, a label, and (for staff) which ambassador it is for. */
export function LinkForm({ errors = {}, ambassadors, allowed }: { errors?: Record<string, string | undefined>; ambassadors?: { id: string; name: string }[]; allowed: string[] }) {
  return (
    <Form method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="font-semibold">New tracked link</h2>
      <Field label="Destination" hint={allowed.length ? `A page on ${allowed.join(", ")}` : "No allowed domains yet (brand settings)."} name="destination" type="url" placeholder="https://…" errors={errors.destination ? [errors.destination] : undefined} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Label" name="label" placeholder="Spring menu" />
        <Field label="Campaign (utm_campaign)" name="utmCampaign" placeholder="spring-2027" />
        {ambassadors ? (
          <label className="block text-sm">
            <span className="font-medium text-stone-800">For</span>
            <select name="ambassadorId" className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2">
              <option value="">The brand (no ambassador)</option>
              {ambassadors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            {errors.ambassadorId ? <span className="text-sm text-red-700">{errors.ambassadorId}</span> : null}
          </label>
        ) : null}
      </div>
      <SubmitButton pendingText="Creating…">Create link</SubmitButton>
    </Form>
  );
}

/** The brand's or the fan's tracked links with their click counts. */
export function LinkList({ links, appUrl }: { links: { id: string; code: string; label: string; destination: string; clicks: number; ambassador?: { name: string } | null }[]; appUrl: string }) {
  if (!links.length) return <p className="text-sm text-stone-600">No links yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
      {links.map((l) => (
        <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
          <div>
            <p className="break-all font-mono text-violet-800" data-testid="short-link">{`${appUrl}/r/${l.code}`}</p>
            <p className="text-xs text-stone-500">
              {l.label ? `${l.label} · ` : ""}
              {l.ambassador ? `${l.ambassador.name} · ` : ""}→ {l.destination}
            </p>
            <div className="mt-2">
              <ShareLink url={`${appUrl}/r/${l.code}`} label={l.label || l.code} />
            </div>
          </div>
          <span>
            {l.clicks} {l.clicks === 1 ? "click" : "clicks"}
          </span>
        </li>
      ))}
    </ul>
  );
}
