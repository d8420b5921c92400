import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, SelectField, SubmitButton, useClearAfterSave } from "#app/components/forms";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, STAFF_ROLES, type StaffRole } from "#app/models/roles";
import { changeStaffRole, inviteStaff, removeStaffMember, revokeStaffInvite } from "#app/models/staff.server";
import { db } from "#app/utils/db.server";
import { requireBrandMember } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";

export const meta: MetaFunction = () => [{ title: "Staff · Kindred" }];

const roleField = z.enum(STAFF_ROLES, { error: "Choose a role" });

const InviteSchema = z.object({
  intent: z.literal("invite"),
  // One message per problem: the length is checked first, and only a line of a sensible length is read as an address.
  email: z
    .string({ error: "Enter their email address" })
    .trim()
    .min(1, "Enter their email address")
    .max(254, "That is too long for an email address (254 characters at most)")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.com" })),
  role: roleField,
});

const MemberSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("change-role"), membershipId: z.string().min(1), role: roleField }),
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
  z.object({ intent: z.literal("revoke"), inviteId: z.string().min(1) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, user } = await requireBrandMember(request, params.brand, "owner");
  const [members, invites] = await Promise.all([
    db.membership.findMany({
      where: { brandId: brand.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db.staffInvite.findMany({
      where: { brandId: brand.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { brand, members, invites, currentUserId: user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { brand, user } = await requireBrandMember(request, params.brand, "owner");
  const formData = await readForm(request);
  const back = `/b/${brand.slug}/staff`;

  if (formData.get("intent") === "invite") {
    const submission = parseWithZod(formData, { schema: InviteSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await inviteStaff({ brandId: brand.id, inviter: user, email: submission.value.email, role: submission.value.role });
    if (!result.ok) return data(submission.reply({ fieldErrors: { email: [result.error] } }), { status: 400 });
    return redirectWithToast(back, { kind: "success", message: `Invitation sent to ${submission.value.email}.` });
  }

  const parsed = MemberSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Unknown or incomplete staff action", { status: 400 });
  const input = parsed.data;
  const result =
    input.intent === "change-role"
      ? await changeStaffRole(brand.id, input.membershipId, input.role)
      : input.intent === "remove"
        ? await removeStaffMember(brand.id, input.membershipId)
        : await revokeStaffInvite(brand.id, input.inviteId);
  if (!result.ok) return redirectWithToast(back, { kind: "error", message: result.error });
  const message = input.intent === "change-role" ? "Role updated." : input.intent === "remove" ? "Removed from the team." : "Invitation revoked.";
  return redirectWithToast(back, { kind: "success", message });
}

function InviteForm() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite-staff",
    lastResult,
    // The least privilege first: an owner picks a wider role on purpose.
    defaultValue: { role: "organizer" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  // After an invitation goes out the form starts again: empty address, least-privilege role.
  const formRef = useClearAfterSave("invite", lastResult?.status === "error");
  return (
    <Form method="post" ref={formRef} {...getFormProps(form)} className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start">
      <input type="hidden" name="intent" value="invite" />
      <Field label="Email address" {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} autoComplete="off" />
      <SelectField label="Role" {...getSelectProps(fields.role)} errors={fields.role.errors}>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <SubmitButton className="sm:mt-6" pendingText="Sending…">
        Send invitation
      </SubmitButton>
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

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
          Invite someone
        </h2>
        <InviteForm />
      </section>

      <section aria-labelledby="team-heading">
        <h2 id="team-heading" className="text-lg font-semibold">
          Team ({members.length})
        </h2>
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
                  <SubmitButton variant="secondary" name="intent" value="change-role" className="py-1.5">
                    Change role
                  </SubmitButton>
                </Form>
                <Form
                  method="post"
                  onSubmit={(e) => {
                    if (!confirm(`Remove ${m.user.email} from ${brand.name}'s team?`)) e.preventDefault();
                  }}
                >
                  <input type="hidden" name="membershipId" value={m.id} />
                  <SubmitButton variant="danger" name="intent" value="remove" className="py-1.5" aria-label={`Remove ${m.user.email}`}>
                    Remove
                  </SubmitButton>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Pending invitations
        </h2>
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
                  <SubmitButton variant="secondary" name="intent" value="revoke" className="py-1.5" aria-label={`Revoke invitation for ${i.email}`}>
                    Revoke
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-600">No pending invitations.</p>
        )}
      </section>
    </div>
  );
}
