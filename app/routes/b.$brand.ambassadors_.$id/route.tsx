import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getInputProps, getTextareaProps } from "@conform-to/react";
import { ErrorList, SubmitButton, TextareaField, replyFor, useIntentForm } from "#app/components/forms";
import { AMBASSADOR_STATUSES } from "#app/models/ambassadors";
import { addNote, addTag, getAmbassadorForStaff, removeTag, savePreferences, setStatus, updateAmbassadorDetails } from "#app/models/ambassador-profile.server";
import { inviteFans } from "#app/models/fan-invites.server";
import { PLATFORM_LABELS, StaffDetailsSchema, type Platform } from "#app/models/profile";
import { StaffDetailsForm } from "#app/components/staff-details-form";
import { isGoneQuiet } from "#app/models/timeline.server";
import { perkLedger } from "#app/models/perks.server";
import { fitSignals } from "#app/models/qualification/fit.server";
import { FitPanel } from "#app/components/fit-panel";
import { PerkLedger } from "#app/components/perk-ledger";
import { invariantResponse } from "#app/utils/http.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { hiddenFields, rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";
import { DetailPage } from "#app/components/back-link";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.ambassador.name ?? "Ambassador"} · Kindred` }];

const NoteSchema = z.object({ body: z.string({ error: "Write the note first" }).trim().min(1, "Write the note first").max(5000, "Keep notes under 5,000 characters") });
const PreferencesSchema = z.object({ preferences: z.string().trim().max(2000, "Keep this under 2,000 characters").default("") });
const StatusSchema = z.object({ status: z.enum(AMBASSADOR_STATUSES, { error: "Choose a status" }) });
const TagSchema = z.object({
  tag: z
    .string({ error: "Type a tag" })
    .trim()
    .toLowerCase()
    .min(1, "Type a tag")
    .max(40, "Keep tags under 40 characters")
    .regex(/^[a-z0-9-]+$/, "Tags use lower-case letters, digits and hyphens"),
});
const RemoveTagSchema = z.object({ tagId: z.string().min(1) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const found = await getAmbassadorForStaff(scope, params.id ?? "");
  invariantResponse(found, "Ambassador not found");
  const [perks, fit] = await Promise.all([perkLedger(scope, found.ambassador.id), fitSignals(scope, found.ambassador.id)]);
  return { brand, ...found, perks, fit, goneQuiet: isGoneQuiet(found.ambassador.lastTouchAt, found.quietAfterDays) };
}

type Ctx = BrandContext & { form: FormData; fan: NonNullable<Awaited<ReturnType<typeof getAmbassadorForStaff>>>["ambassador"]; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const found = await getAmbassadorForStaff(staff.scope, params.id ?? "");
  invariantResponse(found, "Ambassador not found");
  const ctx: Ctx = { ...staff, form: await readForm(request), fan: found.ambassador, back: `/b/${staff.brand.slug}/ambassadors/${found.ambassador.id}` };
  return runIntent(ctx.form, ctx, { details: detailsAction, invite: inviteAction, note: noteAction, preferences: preferencesAction, status: statusAction, "add-tag": addTagAction, "remove-tag": removeTagAction });
}

async function detailsAction({ brand, user, form, fan, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: StaffDetailsSchema });
  if (submission.status !== "success") return rejected("details", submission);
  await updateAmbassadorDetails(scope, fan.id, user.id, submission.value);
  return redirectWithToast(back, { kind: "success", message: "Details saved." });
}

async function inviteAction({ brand, user, fan, back, scope }: Ctx) {
  if (!fan.neverInvited) return redirectWithToast(back, { kind: "info", message: `${fan.name} has already been invited.` });
  const outcome = await inviteFans({ brandId: brand.id, inviter: user, entries: [{ email: fan.email, name: fan.name }], note: "" });
  return outcome.invited.length || outcome.reinvited.length
    ? redirectWithToast(back, { kind: "success", message: `Invitation sent to ${fan.email}.` })
    : redirectWithToast(back, { kind: "error", message: `No invitation was sent: ${outcome.skipped[0]?.reason ?? "this fan can't be invited"}.` });
}

async function noteAction({ brand, user, form, fan, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: NoteSchema });
  if (submission.status !== "success") return rejected("note", submission);
  await addNote(scope, fan.id, user.id, submission.value.body);
  return redirectWithToast(back, { kind: "success", message: "Note added to the timeline." });
}

async function preferencesAction({ brand, form, fan, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: PreferencesSchema });
  if (submission.status !== "success") return rejected("preferences", submission);
  await savePreferences(scope, fan.id, submission.value.preferences);
  return redirectWithToast(back, { kind: "success", message: "Saved." });
}

async function statusAction({ brand, user, form, fan, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: StatusSchema });
  if (submission.status !== "success") return rejected("status", submission);
  await setStatus(scope, fan.id, user.id, submission.value.status);
  return redirectWithToast(back, { kind: "success", message: `Status is now ${submission.value.status}.` });
}

async function addTagAction({ brand, user, form, fan, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: TagSchema });
  if (submission.status !== "success") return rejected("add-tag", submission);
  await addTag(scope, fan.id, user.id, submission.value.tag);
  return redirectWithToast(back, { kind: "success", message: `Tagged “${submission.value.tag}”.` });
}

async function removeTagAction({ brand, form, fan, back, scope }: Ctx) {
  const { tagId } = hiddenFields(form, RemoveTagSchema);
  await removeTag(scope, fan.id, tagId);
  return redirectWithToast(back, { kind: "success", message: "Tag removed." });
}

const fmt = (n: number) => n.toLocaleString("en");

export default function AmbassadorPage() {
  const { brand, ambassador: a, application, tier, tierRule, goneQuiet, quietAfterDays, perks, fit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const note = useIntentForm("note", NoteSchema, actionData, { clearAfterSave: true });
  const tag = useIntentForm("add-tag", TagSchema, actionData, { clearAfterSave: true });
  const prefs = useIntentForm("preferences", PreferencesSchema, actionData, { defaultValue: { preferences: a.preferences } });
  return (
    <DetailPage back={`/b/${brand.slug}/ambassadors`} backLabel="All ambassadors">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{a.name}</h1>
          <p className="text-stone-600">
            {a.email}
            {a.city ? ` · ${a.city}` : ""}
          </p>
          <div className="mt-2 flex flex-wrap gap-2 text-xs">
            <span className="rounded-full bg-violet-100 px-2 py-0.5 font-medium capitalize text-violet-800" data-testid="status">
              {a.neverInvited ? "not invited yet" : a.status}
            </span>
            <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium capitalize" data-testid="tier">
              {tier}
            </span>
            {goneQuiet ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900" title={`No touch for more than ${quietAfterDays} days`}>
                Gone quiet
              </span>
            ) : null}
          </div>
        </div>
        {a.neverInvited ? (
          <Form method="post" className="self-end">
            <p className="mb-1 max-w-xs text-xs text-stone-600">Imported, and no invitation has been sent yet.</p>
            <SubmitButton name="intent" value="invite" pendingText="Sending…">Send invitation</SubmitButton>
          </Form>
        ) : null}
        <Form method="post" className="flex items-end gap-2">
          <input type="hidden" name="intent" value="status" />
          <label className="text-sm">
            <span className="block font-medium">Status</span>
            <select name="status" defaultValue={a.status} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5 text-sm">
              {AMBASSADOR_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <SubmitButton variant="secondary" className="py-1.5">Change</SubmitButton>
        </Form>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Section title="Social accounts" className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
            <p className="mt-1 text-xs text-stone-500">Tier rule: {tierRule}</p>
            {a.socialAccounts.length ? (
              <ul className="mt-3 space-y-3">
                {a.socialAccounts.map((s) => (
                  <li key={s.id} className="text-sm">
                    <p>
                      <span className="font-medium">{PLATFORM_LABELS[s.platform as Platform] ?? s.platform}</span> @{s.handle} ·{" "}
                      <span className="tabular-nums">{fmt(s.followers)}</span> followers
                    </p>
                    {s.snapshots.length > 1 ? (
                      <details className="text-xs text-stone-600">
                        <summary className="cursor-pointer">Follower history ({s.snapshots.length} readings)</summary>
                        <ul className="mt-1 space-y-0.5">
                          {s.snapshots.map((snap, i) => (
                            <li key={i} className="tabular-nums">
                              <LocalTime value={snap.recordedAt} zone={brand.timeZone} />: {fmt(snap.followers)}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-stone-600">No social accounts yet.</p>
            )}
          </Section>

          <FitPanel fit={fit} timeZone={brand.timeZone} />

          <StaffDetailsForm ambassador={a} lastResult={replyFor(actionData, "details")} />

          {application ? (
            <Section title="From the application" className="rounded-lg border border-stone-200 bg-white p-4 text-sm" heading="font-semibold">
              <p className="text-xs text-stone-500">
                Applied <LocalTime value={application.createdAt} zone={brand.timeZone} />
              </p>
              <dl className="mt-2 space-y-2" data-testid="application-answers">
                {application.whyLove ? (
                  <div>
                    <dt className="text-stone-500">Why they love the brand</dt>
                    <dd className="whitespace-pre-line">{application.whyLove}</dd>
                  </div>
                ) : null}
                {application.answers.map((q) => (
                  <div key={q.questionId}>
                    <dt className="text-stone-500">
                      {q.label}
                      {q.lifeMoment ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Life moment</span> : null}
                    </dt>
                    <dd className="whitespace-pre-line">{q.answer}</dd>
                  </div>
                ))}
              </dl>
            </Section>
          ) : null}

          <PerkLedger perks={perks} zone={brand.timeZone} />

          <Section title="Timeline" className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
            <Form method="post" className="mt-3 space-y-2" {...note.formProps}>
              <input type="hidden" name="intent" value="note" />
              <TextareaField label="Add a private note" hint="Only staff see notes." {...getTextareaProps(note.fields.body)} rows={2} errors={note.fields.body.errors} />
              <SubmitButton variant="secondary" className="py-1.5">Add note</SubmitButton>
            </Form>
            {a.timeline.length ? (
              <ol className="mt-4 space-y-3 border-l border-stone-200 pl-4" data-testid="timeline">
                {a.timeline.map((t) => (
                  <li key={t.id} className="text-sm">
                    <p>
                      <span className="font-medium">{t.summary}</span> <span className="text-xs text-stone-500">· <LocalTime value={t.createdAt} zone={brand.timeZone} /></span>
                    </p>
                    {t.body ? <p className="whitespace-pre-line text-stone-700">{t.body}</p> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-3 text-sm text-stone-600">Nothing recorded yet.</p>
            )}
          </Section>
        </div>

        <aside className="space-y-6">
          <Section title="Tags" className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
            <ul className="mt-2 flex flex-wrap gap-2">
              {a.tags.map((t) => (
                <li key={t.id}>
                  <Form method="post" className="inline-flex items-center gap-1 rounded-full bg-stone-100 px-2 py-0.5 text-sm">
                    <input type="hidden" name="intent" value="remove-tag" />
                    <input type="hidden" name="tagId" value={t.id} />
                    {t.name}
                    <button type="submit" aria-label={`Remove tag ${t.name}`} className="text-stone-500 hover:text-red-700">×</button>
                  </Form>
                </li>
              ))}
            </ul>
            <Form method="post" className="mt-3 flex items-start gap-2" {...tag.formProps}>
              <input type="hidden" name="intent" value="add-tag" />
              <div className="flex-1">
                <label htmlFor="new-tag" className="sr-only">
                  New tag
                </label>
                <input {...getInputProps(tag.fields.tag, { type: "text" })} id="new-tag" placeholder="sourdough" className="w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm" aria-describedby={tag.fields.tag.errors ? "new-tag-error" : undefined} />
                <ErrorList id="new-tag-error" errors={tag.fields.tag.errors} />
              </div>
              <SubmitButton variant="secondary" className="py-1.5">Add</SubmitButton>
            </Form>
          </Section>

          <Section title="Sizes and preferences" className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
            <Form method="post" className="mt-2 space-y-2" {...prefs.formProps}>
              <input type="hidden" name="intent" value="preferences" />
              <TextareaField label="What to remember" hint="Sizes, allergies, favourite products…" {...getTextareaProps(prefs.fields.preferences)} rows={3} errors={prefs.fields.preferences.errors} />
              <SubmitButton variant="secondary" className="py-1.5">Save</SubmitButton>
            </Form>
          </Section>

          <Section title="Membership" className="rounded-lg border border-stone-200 bg-white p-4 text-sm" heading="font-semibold">
            <dl className="mt-2 space-y-1">
              {a.interests ? (
                <div>
                  <dt className="inline text-stone-500">Interests: </dt>
                  <dd className="inline">{a.interests}</dd>
                </div>
              ) : null}
              <div>
                <dt className="inline text-stone-500">Came through: </dt>
                <dd className="inline">{a.inviteLink ? `link “${a.inviteLink.label}”` : a.source}</dd>
              </div>
              <div>
                <dt className="inline text-stone-500">Joined: </dt>
                <dd className="inline">{a.joinedAt ? <LocalTime value={a.joinedAt} zone={brand.timeZone} /> : "not yet"}</dd>
              </div>
              <div>
                <dt className="inline text-stone-500">Program emails: </dt>
                <dd className="inline">{a.emailOptIn ? "yes" : "no"}</dd>
              </div>
              <div>
                <dt className="inline text-stone-500">Terms: </dt>
                <dd className="inline">{a.termsAcceptedAt ? <>version {a.termsVersion}, accepted <LocalTime value={a.termsAcceptedAt} zone={brand.timeZone} /></> : "not accepted yet"}</dd>
              </div>
              <div>
                <dt className="inline text-stone-500">Last touch: </dt>
                <dd className="inline"><LocalTime value={a.lastTouchAt} zone={brand.timeZone} /></dd>
              </div>
            </dl>
          </Section>
        </aside>
      </div>
    </DetailPage>
  );
}
