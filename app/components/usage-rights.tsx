import { getInputProps, getTextareaProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { REUSE_CHANNELS, USAGE_RIGHTS_STATUS, UsageRightsSchema, channelNames, formatUntil, rightsState } from "#app/models/posts/usage-rights";
import { ErrorList, Field, SubmitButton, TextareaField, useIntentForm } from "./forms";
import { LocalTime } from "./local-time";

type Rights = { id: string; uses: string; channels: string; until: string | Date | null; message: string; status: string; createdAt: string | Date; answeredAt: string | Date | null };

const STATE_STYLE: Record<string, string> = { granted: "bg-emerald-50 text-emerald-900", requested: "bg-sky-50 text-sky-900" };

function RightsSummary({ r, timeZone }: { r: Rights; timeZone: string }) {
  const state = rightsState(r);
  return (
    <div className={`rounded-md p-3 text-sm ${STATE_STYLE[state] ?? "bg-stone-50 text-stone-800"}`} data-testid="usage-rights">
      <p className="font-medium">{USAGE_RIGHTS_STATUS[state]}</p>
      <p>What: {r.uses}</p>
      <p>Where: {channelNames(r.channels)}</p>
      <p>Until: {formatUntil(r.until, timeZone)}</p>
      {r.message ? <p className="italic">“{r.message}”</p> : null}
      <p className="text-xs opacity-80">
        Asked <LocalTime value={r.createdAt} zone={timeZone} />
        {r.answeredAt ? <> · answered <LocalTime value={r.answeredAt} zone={timeZone} /></> : null}
      </p>
    </div>
  );
}

/**
 * On the staff post page: what was asked and answered about reusing the post, and — while nothing is open or
 * granted — the form to ask the fan (what, where, until when).
 */
export function ReuseRights({ rights, timeZone, actionData, defaultUntil, fanName }: { rights: Rights[]; timeZone: string; actionData: unknown; defaultUntil: string; fanName: string }) {
  const open = rights.some((r) => ["requested", "granted"].includes(rightsState(r)));
  const { form, fields, formProps } = useIntentForm("reuse", UsageRightsSchema, actionData, { defaultValue: { uses: "The photo or video and its caption, credited to you", channels: ["social"], until: defaultUntil } });
  return (
    <section className="space-y-3" aria-labelledby="reuse-heading">
      <h2 id="reuse-heading" className="font-semibold">Reuse in the brand's channels</h2>
      {rights.map((r) => (
        <RightsSummary key={r.id} r={r} timeZone={timeZone} />
      ))}
      {!open ? (
        <Form method="post" {...formProps} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <input type="hidden" name="intent" value="reuse" />
          <p className="text-sm text-stone-600">Ask {fanName} for permission to reuse this post. They answer in the app, and can withdraw a yes at any time.</p>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label="What you'd like to reuse" {...getInputProps(fields.uses, { type: "text" })} errors={fields.uses.errors} />
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">Where</legend>
            <div className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
              {Object.entries(REUSE_CHANNELS).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="checkbox" name={fields.channels.name} value={value} defaultChecked={value === "social"} className="h-4 w-4" aria-describedby={fields.channels.errorId} />
                  {label}
                </label>
              ))}
            </div>
            <ErrorList id={fields.channels.errorId} errors={fields.channels.errors} />
          </fieldset>
          <Field className="max-w-xs" label={`Until (the end of that day, ${timeZone})`} {...getInputProps(fields.until, { type: "date" })} errors={fields.until.errors} />
          <TextareaField label="A note to the fan (optional)" {...getTextareaProps(fields.message)} rows={2} errors={fields.message.errors} />
          <SubmitButton pendingText="Asking…">Ask for permission</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

/** On the fan's post: an open request to answer, or a permission given that can be withdrawn. */
export function ReuseAnswer({ rights, brandName, timeZone }: { rights: Rights[]; brandName: string; timeZone: string }) {
  const current = rights.find((r) => ["requested", "granted"].includes(rightsState(r)));
  if (!current) return null;
  const state = rightsState(current);
  return (
    <div className="space-y-2 rounded-md border border-sky-200 bg-sky-50 p-3" data-testid="reuse-request">
      <p className="font-medium text-sky-950">
        {state === "requested" ? `${brandName} would love to reuse this post in its own channels.` : `You allowed ${brandName} to reuse this post.`}
      </p>
      <ul className="list-disc pl-5 text-sky-950">
        <li>What: {current.uses}</li>
        <li>Where: {channelNames(current.channels)}</li>
        <li>Until: {formatUntil(current.until, timeZone)}</li>
      </ul>
      {current.message ? <p className="italic text-sky-950">“{current.message}”</p> : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          if (submitter?.value === "withdrawn" && !confirm(`Withdraw your permission? ${brandName} will be told to stop reusing this post.`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="rights" />
        <input type="hidden" name="requestId" value={current.id} />
        {state === "requested" ? (
          <>
            <SubmitButton name="answer" value="granted">Yes, they may reuse it</SubmitButton>
            <SubmitButton name="answer" value="declined" variant="secondary">No, thanks</SubmitButton>
          </>
        ) : (
          <SubmitButton name="answer" value="withdrawn" variant="danger">Withdraw permission</SubmitButton>
        )}
      </Form>
    </div>
  );
}
