import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getInputProps, getTextareaProps } from "@conform-to/react";
import { z } from "zod";
import { Field, SubmitButton, TextareaField, useIntentForm } from "#app/components/forms";
import { Pagination, pageFrom } from "#app/components/pagination";
import { MAX_INVITES_PER_BATCH, parseInviteList, type InviteLineError } from "#app/models/invite-input";
import { invitationsOverview, inviteFans, inviteWaitingFans, resendFanInvite, revokeFanInvite, type InviteOutcome } from "#app/models/fan-invites.server";
import { createInviteLink, listInviteLinks, revokeInviteLink } from "#app/models/invite-links.server";
import { getEnv } from "#app/utils/env.server";
import { endOfDayInZone, isCalendarDate, todayInZone } from "#app/utils/format";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { hiddenFields, rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { ShareLink } from "#app/components/share-link";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Invitations · Kindred" }];

const PAGE = 25;

const LinkSchema = z.object({
  label: z.string({ error: "Name the link so you know where it was shared" }).trim().min(2, "Name the link so you know where it was shared").max(80, "Keep the name under 80 characters"),
  tagName: z
    .string()
    .trim()
    .toLowerCase()
    .max(40, "Keep the tag under 40 characters")
    .regex(/^[a-z0-9-]*$/, "Tags use lower-case letters, digits and hyphens")
    .optional(),
  maxUses: z.coerce.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "At least 1").max(100_000, "At most 100,000").optional(),
  expiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date")
    .refine(isCalendarDate, { error: (issue) => `${String(issue.input)} is not a date on the calendar. Choose a day that exists.` })
    .optional(),
});

const InviteSchema = z.object({
  emails: z.string({ error: "Enter at least one email address." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters").default(""),
});

const InviteIdSchema = z.object({ inviteId: z.string().min(1) });
const LinkIdSchema = z.object({ linkId: z.string().min(1) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const page = pageFrom(new URL(request.url));
  const [{ waiting, pendingTotal, pending }, links] = await Promise.all([invitationsOverview(scope, { page, perPage: PAGE }), listInviteLinks(scope)]);
  return {
    brand,
    waiting,
    page,
    pageCount: Math.max(1, Math.ceil(pendingTotal / PAGE)),
    pendingTotal,
    pending,
    links,
    appUrl: getEnv().APP_URL,
    today: todayInZone(brand.timeZone),
  };
}

type Ctx = BrandContext & { form: FormData; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const ctx: Ctx = { ...staff, form: await readForm(request), back: `/b/${staff.brand.slug}/invitations` };
  return runIntent(ctx.form, ctx, {
    invite: inviteAction,
    "invite-waiting": inviteWaitingAction,
    resend: resendAction,
    revoke: revokeAction,
    "create-link": createLinkAction,
    "revoke-link": revokeLinkAction,
  });
}

const invitationsSent = (n: number) => `${n} ${n === 1 ? "invitation is" : "invitations are"} on the way.`;

/** Invitations by email, one person per line. Lines that were not used stay in the box, with the reason. */
async function inviteAction({ brand, user, form, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: InviteSchema });
  if (submission.status !== "success") return rejected("invite", submission);
  const { emails, note } = submission.value;
  const { entries, errors } = parseInviteList(emails);
  const lineErrors = errors.map((e) => `Line ${e.line}: “${e.text}” has no valid email address`);
  if (!entries.length) {
    return rejected("invite", submission, { fieldErrors: { emails: [errors.length ? "None of these lines has a valid email address." : "Enter at least one email address.", ...lineErrors] } });
  }
  if (entries.length > MAX_INVITES_PER_BATCH) {
    return rejected("invite", submission, { fieldErrors: { emails: [`At most ${MAX_INVITES_PER_BATCH} people at a time — for more, import a CSV file.`] } });
  }
  const outcome = await inviteFans({ brandId: brand.id, inviter: user, entries, note });
  if (!errors.length && !outcome.skipped.length) return redirectWithToast(back, { kind: "success", message: invitationsSent(outcome.invited.length + outcome.reinvited.length) });
  // Some lines were not used: say why, and start the form again with only those lines in the box.
  return data({ intent: "invite" as const, summary: { outcome, lineErrors: errors }, restart: { emails: errors.map((e) => e.text).join("\n"), note, attempt: crypto.randomUUID() } });
}

async function inviteWaitingAction({ brand, user, back, scope }: Ctx) {
  const outcome = await inviteWaitingFans(scope, user, MAX_INVITES_PER_BATCH);
  return redirectWithToast(back, { kind: "success", message: invitationsSent(outcome.invited.length + outcome.reinvited.length) });
}

async function resendAction({ brand, user, form, back, scope }: Ctx) {
  const result = await resendFanInvite(scope, hiddenFields(form, InviteIdSchema).inviteId, user.name ?? user.email);
  return redirectWithToast(back, result.ok ? { kind: "success", message: "Invitation sent again with a fresh link." } : { kind: "error", message: result.error });
}

async function revokeAction({ brand, user, form, back, scope }: Ctx) {
  const result = await revokeFanInvite(scope, hiddenFields(form, InviteIdSchema).inviteId, user.id);
  return redirectWithToast(back, result.ok ? { kind: "success", message: "Invitation withdrawn." } : { kind: "error", message: result.error });
}

async function createLinkAction({ brand, user, form, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: LinkSchema });
  if (submission.status !== "success") return rejected("create-link", submission);
  const { label, tagName, maxUses, expiresOn } = submission.value;
  if (expiresOn && expiresOn < todayInZone(brand.timeZone)) return rejected("create-link", submission, { fieldErrors: { expiresOn: ["Choose today or a later date"] } });
  await createInviteLink({ brandId: brand.id, createdById: user.id, label, tagName, maxUses, expiresAt: expiresOn ? endOfDayInZone(expiresOn, brand.timeZone) : null });
  return redirectWithToast(back, { kind: "success", message: `Link “${label}” is ready to share.` });
}

async function revokeLinkAction({ brand, form, back, scope }: Ctx) {
  const result = await revokeInviteLink(scope, hiddenFields(form, LinkIdSchema).linkId);
  return redirectWithToast(back, result.ok ? { kind: "success", message: "Link switched off." } : { kind: "error", message: result.error });
}

type InviteSummaryData = { outcome: InviteOutcome; lineErrors: InviteLineError[] };

function InviteSummary({ outcome, lineErrors }: InviteSummaryData) {
  const sent = outcome.invited.length + outcome.reinvited.length;
  return (
    <div role="status" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="invite-summary">
      <p className="font-medium">
        {sent} {sent === 1 ? "invitation is" : "invitations are"} on the way
        {outcome.reinvited.length ? ` (${outcome.reinvited.length} sent again)` : ""}.
      </p>
      {outcome.skipped.length ? (
        <div>
          <p className="font-medium">Not invited:</p>
          <ul className="list-disc pl-5">
            {outcome.skipped.map((s) => (
              <li key={s.email}>
                {s.email} — {s.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {lineErrors.length ? (
        <div>
          <p className="font-medium">Lines without a valid address (left in the box to fix):</p>
          <ul className="list-disc pl-5">
            {lineErrors.map((e) => (
              <li key={e.line}>
                Line {e.line}: “{e.text}”
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export default function Invitations() {
  const { brand, waiting, page, pageCount, pendingTotal, pending, links, appUrl, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const summary = actionData && "summary" in actionData ? actionData : null;
  // After a partly used list the form starts again (a new form id), holding only the lines that were not used.
  const invite = useIntentForm("invite", InviteSchema, actionData, { id: summary ? `invite-${summary.restart.attempt}` : "invite", defaultValue: summary?.restart, clearAfterSave: true });
  const link = useIntentForm("create-link", LinkSchema, actionData, { clearAfterSave: true });
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">Invitations</h1>

      <Section title="Invite fans by email" className="space-y-3">
        <p className="text-sm text-stone-600">
          Each person gets a personal email in {brand.name}'s colours with a link valid for 14 days. Paste one person per line, like{" "}
          <code>ana@example.com</code> or <code>Ana Lima &lt;ana@example.com&gt;</code>.
        </p>
        {summary ? <InviteSummary {...summary.summary} /> : null}
        <Form method="post" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" {...invite.formProps}>
          <input type="hidden" name="intent" value="invite" />
          <TextareaField label="Who to invite" {...getTextareaProps(invite.fields.emails)} rows={5} errors={invite.fields.emails.errors} />
          <TextareaField label="Personal note (optional)" {...getTextareaProps(invite.fields.note)} rows={2} maxLength={500} hint="Shown in the email, signed with your name." errors={invite.fields.note.errors} />
          <SubmitButton pendingText="Inviting…">Send invitations</SubmitButton>
        </Form>
      </Section>

      {waiting ? (
        <Form method="post" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm">
          <input type="hidden" name="intent" value="invite-waiting" />
          <p>
            <strong>{waiting.toLocaleString("en")}</strong> imported {waiting === 1 ? "fan has" : "fans have"} not been sent an invitation yet.
          </p>
          <SubmitButton pendingText="Inviting…">Invite {waiting > MAX_INVITES_PER_BATCH ? `the first ${MAX_INVITES_PER_BATCH}` : waiting === 1 ? "them" : `all ${waiting}`}</SubmitButton>
        </Form>
      ) : null}

      <Section title={<>Waiting for an answer ({pendingTotal})</>}>
        {pending.length ? (
          <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {pending.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="pending-invite">
                <div className="min-w-0 text-sm">
                  <p className="font-medium">{i.ambassador.name}</p>
                  <p className="truncate text-stone-600">{i.ambassador.email}</p>
                  <p className="text-xs text-stone-500">
                    {i.sendCount === 0 ? "Sending…" : <>Sent {i.sendCount === 1 ? "once" : `${i.sendCount} times`}, last <LocalTime value={i.lastSentAt} zone={brand.timeZone} /></>} · expires{" "}
                    <LocalTime value={i.expiresAt} zone={brand.timeZone} />
                  </p>
                </div>
                <div className="flex gap-2">
                  <Form method="post">
                    <input type="hidden" name="inviteId" value={i.id} />
                    <SubmitButton variant="secondary" name="intent" value="resend" className="py-1.5" aria-label={`Resend the invitation to ${i.ambassador.email}`}>
                      Resend
                    </SubmitButton>
                  </Form>
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      if (!confirm(`Withdraw the invitation to ${i.ambassador.email}? Their link will stop working.`)) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="inviteId" value={i.id} />
                    <SubmitButton variant="secondary" name="intent" value="revoke" className="py-1.5" aria-label={`Withdraw the invitation to ${i.ambassador.email}`}>
                      Withdraw
                    </SubmitButton>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-600">No invitation is waiting for an answer.</p>
        )}
        <Pagination page={page} pageCount={pageCount} label="Pending invitations" />
      </Section>

      <Section title="Shareable invite links" className="space-y-3">
        <p className="text-sm text-stone-600">
          For a QR code at the counter, a newsletter or a store event. Anyone with the link can join after confirming their email; a tag marks where they came from.
        </p>
        <Form method="post" className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" {...link.formProps}>
          <input type="hidden" name="intent" value="create-link" />
          <Field label="Name of the link" {...getInputProps(link.fields.label, { type: "text" })} placeholder="November tasting night" errors={link.fields.label.errors} />
          <Field label="Tag joiners with (optional)" {...getInputProps(link.fields.tagName, { type: "text" })} placeholder="store-event-nov" errors={link.fields.tagName.errors} />
          <Field label="Use limit (optional)" {...getInputProps(link.fields.maxUses, { type: "number" })} min={1} errors={link.fields.maxUses.errors} />
          <Field label={`Expires at the end of (optional, ${brand.timeZone})`} {...getInputProps(link.fields.expiresOn, { type: "date" })} min={today} errors={link.fields.expiresOn.errors} />
          <div className="sm:col-span-2">
            <SubmitButton pendingText="Creating…">Create link</SubmitButton>
          </div>
        </Form>
        {links.length ? (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {links.map((l) => {
              const url = `${appUrl}/i/${l.code}`;
              const state = l.revokedAt ? "Switched off" : l.expiresAt && new Date(l.expiresAt) <= new Date() ? "Expired" : l.maxUses !== null && l.uses >= l.maxUses ? "Limit reached" : "Active";
              return (
                <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="invite-link">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {l.label} <span className="ml-1 rounded-full bg-stone-100 px-2 py-0.5 text-xs font-normal">{state}</span>
                    </p>
                    <p className="break-all font-mono text-xs text-stone-600">{url}</p>
                    <p className="text-xs text-stone-500">
                      {l._count.ambassadors} joined · used {l.uses}
                      {l.maxUses !== null ? ` of ${l.maxUses}` : ""} times
                      {l.tagName ? ` · tags “${l.tagName}”` : ""}
                      {l.expiresAt ? <> · expires <LocalTime value={l.expiresAt} zone={brand.timeZone} /></> : ""}
                    </p>
                    {state === "Active" ? (
                      <div className="mt-2">
                        <ShareLink url={url} label={l.label} />
                      </div>
                    ) : null}
                  </div>
                  {state === "Active" ? (
                    <Form method="post">
                      <input type="hidden" name="linkId" value={l.id} />
                      <SubmitButton variant="secondary" name="intent" value="revoke-link" className="py-1.5" aria-label={`Switch off the link ${l.label}`}>
                        Switch off
                      </SubmitButton>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-stone-600">No links yet.</p>
        )}
      </Section>
    </div>
  );
}
