import { Form } from "@remix-run/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { LinkSchema } from "#app/models/tracked-links";
import { Field, SelectField, SubmitButton, useIntentForm } from "./forms";
import { ShareLink } from "./share-link";

/**
 * Creating a tracked link: where it goes, a label, and (for staff) which ambassador it is for. The form names its
 * intent "create"; it empties once the link is made.
 */
export function LinkForm({ actionData, ambassadors, allowed }: { actionData: unknown; ambassadors?: { id: string; name: string }[]; allowed: string[] }) {
  const { fields, formProps } = useIntentForm("create", LinkSchema, actionData, { clearAfterSave: true });
  return (
    <Form method="post" {...formProps} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="font-semibold">New tracked link</h2>
      <input type="hidden" name="intent" value="create" />
      <Field
        label="Destination"
        hint={allowed.length ? `A page on ${allowed.join(", ")}` : "No allowed domains yet (brand settings)."}
        {...getInputProps(fields.destination, { type: "url" })}
        placeholder="https://…"
        errors={fields.destination.errors}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Label" {...getInputProps(fields.label, { type: "text" })} placeholder="Spring menu" errors={fields.label.errors} />
        <Field label="Campaign (utm_campaign)" {...getInputProps(fields.utmCampaign, { type: "text" })} placeholder="spring-2027" errors={fields.utmCampaign.errors} />
        {ambassadors ? (
          <SelectField label="For" {...getSelectProps(fields.ambassadorId)} errors={fields.ambassadorId.errors}>
            <option value="">The brand (no ambassador)</option>
            {ambassadors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
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
