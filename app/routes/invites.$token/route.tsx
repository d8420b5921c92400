import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Alert } from "#app/components/alert";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton, buttonClass } from "#app/components/forms";
import { ROLE_LABELS } from "#app/models/roles";
import { acceptStaffInvite, findStaffInvite } from "#app/models/staff.server";
import { getUser, requireUser, type SessionUser } from "#app/utils/auth.server";
import { runIntent } from "#app/utils/forms.server";
import { readForm } from "#app/utils/request-body.server";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Team invitation · Kindred" }];

const INVALID: Record<string, string> = {
  missing: "We could not find this invitation. Check that you used the whole link from the email.",
  expired: "This invitation has expired. Ask the brand's owner to send a new one.",
  used: "This invitation was already accepted.",
  revoked: "This invitation was withdrawn. Ask the brand's owner if you think this is a mistake.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findStaffInvite(params.token ?? "");
  const user = await getUser(request);
  if (found.status !== "valid") return { problem: INVALID[found.status], invite: null, user: user?.email ?? null };
  return { problem: null, invite: found.invite, user: user?.email ?? null };
}

type Ctx = { user: SessionUser; token: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { user: await requireUser(request), token: params.token ?? "" };
  return runIntent(await readForm(request), ctx, { accept: acceptAction });
}

async function acceptAction({ user, token }: Ctx) {
  const result = await acceptStaffInvite(token, user);
  if (!result.ok) return data({ error: result.error }, { status: 400 });
  return redirectWithToast(`/b/${result.slug}`, { kind: "success", message: "Welcome to the team!" });
}

export default function StaffInvite() {
  const { problem, invite, user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = typeof window === "undefined" ? "" : window.location.pathname;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Team invitation</h1>
      {problem || !invite ? (
        <Alert tone="error" className="mt-4">
          {problem}
        </Alert>
      ) : (
        <div className="mt-4 space-y-4">
          <p>
            You are invited to help run <strong>{invite.brand.name}</strong>'s ambassador program as{" "}
            <strong>{ROLE_LABELS[invite.role].toLowerCase()}</strong>.
          </p>
          {actionData?.error ? (
            <Alert tone="error">
              {actionData.error}
            </Alert>
          ) : null}
          {!user ? (
            <Link
              to={`/login?redirectTo=${encodeURIComponent(here || "/home")}&email=${encodeURIComponent(invite.email)}`}
              className={buttonClass("primary", "w-full")}
            >
              Sign in as {invite.email} to accept
            </Link>
          ) : user !== invite.email ? (
            <Alert tone="warning">
              This invitation was sent to {invite.email}, but you are signed in as {user}. Sign out, then open the link again.
            </Alert>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <SubmitButton className="w-full" pendingText="Joining…">Accept and join {invite.brand.name}</SubmitButton>
            </Form>
          )}
        </div>
      )}
    </div>
  );
}
