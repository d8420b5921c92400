import { getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, SelectField, SubmitButton, useIntentForm } from "#app/components/forms";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, STAFF_ROLES, type StaffRole } from "#app/models/roles";
import { changeStaffRole, inviteStaff, removeStaffMember, revokeStaffInvite, staffOverview } from "#app/models/staff.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { hiddenFields, rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Staff · Kindred" }];

const roleField = z.enum(STAFF_ROLES, { error: "Choose a role" });

const InviteSchema = z.object({
  // One message per problem: the length is checked first, and only a line of a sensible length is read as an address.
  email: z
    .string({ error: "Enter their email address" })
    .trim()
    .min(1, "Enter their email address")
    .max(254, "That is too long for an email address (254 characters at most)")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com" })),
  role: roleField,
});

const ChangeRoleSchema = z.object({ membershipId: z.string().min(1), role: roleField });
const MembershipSchema = z.object({ membershipId: z.string().min(1) });
const StaffInviteSchema = z.object({ inviteId: z.string().min(1) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, user, scope } = await requireBrandMember(request, params.brand, "owner");
  return { brand, ...(await staffOverview(scope)), currentUserId: user.id };
}

type Ctx = BrandContext & { form: FormData; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "owner");
  const ctx: Ctx = { ...staff, form: await readForm(request), back: `/b/${staff.brand.slug}/staff` };
  return runIntent(ctx.form, ctx, { invite: inviteAction, "change-role": changeRoleAction, remove: removeAction, revoke: revokeAction });
}

async function inviteAction({ brand, user, form, back, scope }: Ctx) {
  const submission = parseWithZod(form, { schema: InviteSchema });
  if (submission.status !== "success") return rejected("invite", submission);
  const result = await inviteStaff({ brandId: brand.id, inviter: user, email: submission.value.email, role: submission.value.role });
  if (!result.ok) return rejected("invite", submission, { fieldErrors: { email: [result.error] } });
  return redirectWithToast(back, { kind: "success", message: `Invitation sent to ${submission.value.email}.` });
}

/** The toast for a change to the team: what happened, or why it could not. */
function told(back: string, result: { ok: true } | { ok: false; error: string }, done: string) {
  return redirectWithToast(back, result.ok ? { kind: "success", message: done } : { kind: "error", message: result.error });
}

async function changeRoleAction({ brand, form, back, scope }: Ctx) {
  const { membershipId, role } = hiddenFields(form, ChangeRoleSchema);
  return told(back, await changeStaffRole(scope, membershipId, role), "Role updated.");
}

async function removeAction({ brand, form, back, scope }: Ctx) {
  return told(back, await removeStaffMember(scope, hiddenFields(form, MembershipSchema).membershipId), "Removed from the team.");
}

async function revokeAction({ brand, form, back, scope }: Ctx) {
  return told(back, await revokeStaffInvite(scope, hiddenFields(form, StaffInviteSchema).inviteId), "Invitation revoked.");
}

function InviteForm() {
  // The least privilege first: an owner picks a wider role on purpose. After an invitation goes out the form starts
  // again: empty address, least-privilege role.
  const { fields, formProps } = useIntentForm("invite", InviteSchema, useActionData<typeof action>(), { id: "invite-staff", defaultValue: { role: "organizer" }, clearAfterSave: true });
  return (
    <Form method="post" {...formProps} className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start">
      <input type="hidden" name="intent" value="invite" />
      <Field label="Email address" {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} autoComplete="off" />
      <SelectField label="Role" {...getSelectProps(fields.role)} errors={fields.role.errors}>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <SubmitButton className="sm:mt-6" pendingText="Sending…">Send invitation</SubmitButton>
    </Form>
  );
}

export default function Staff() {
  const { brand, members, invites, currentUserId } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Staff</h1>
        <ul className="mt-2 space-y-0.5 text-sm text-stone-600">
          {STAFF_ROLES.slice()
            .reverse()
            .map((r) => (
              <li key={r}>
                <strong>{ROLE_LABELS[r]}:</strong> {ROLE_DESCRIPTIONS[r]}
              </li>
            ))}
        </ul>
      </div>

      <Section title="Invite someone" heading="mb-3 text-lg font-semibold">
        <InviteForm />
      </Section>

      <Section title={<>Team ({members.length})</>}>
        <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="staff-member">
              <div className="min-w-0">
                <p className="font-medium">
                  {m.user.name ?? m.user.email}
                  {m.user.id === currentUserId ? <span className="ml-2 text-xs text-stone-500">(you)</span> : null}
                </p>
                <p className="truncate text-sm text-stone-600">{m.user.email}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="membershipId" value={m.id} />
                  <label htmlFor={`role-${m.id}`} className="sr-only">
                    Role of {m.user.email}
                  </label>
                  <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="rounded-md border border-stone-300 px-2 py-1.5 text-sm">
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r as StaffRole]}
                      </option>
                    ))}
                  </select>
                  <SubmitButton variant="secondary" name="intent" value="change-role" className="py-1.5">Change role</SubmitButton>
                </Form>
                <Form
                  method="post"
                  onSubmit={(e) => {
                    if (!confirm(`Remove ${m.user.email} from ${brand.name}'s team?`)) e.preventDefault();
                  }}
                >
                  <input type="hidden" name="membershipId" value={m.id} />
                  <SubmitButton variant="danger" name="intent" value="remove" className="py-1.5" aria-label={`Remove ${m.user.email}`}>Remove</SubmitButton>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Pending invitations">
        {invites.length ? (
          <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <div>
                  <p className="font-medium">{i.email}</p>
                  <p className="text-sm text-stone-600">
                    {ROLE_LABELS[i.role as StaffRole]} · expires <LocalTime value={i.expiresAt} zone={brand.timeZone} />
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="inviteId" value={i.id} />
                  <SubmitButton variant="secondary" name="intent" value="revoke" className="py-1.5" aria-label={`Revoke invitation for ${i.email}`}>Revoke</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-600">No pending invitations.</p>
        )}
      </Section>
    </div>
  );
}
