import { parseWithZod } from "@conform-to/zod/v4";
import { Alert } from "#app/components/alert";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { replyFor } from "#app/components/forms";
import { BrandWelcome, JoinForm, ProgramPromise } from "#app/components/join-form";
import { acceptFanInvite, findFanInvite } from "#app/models/fan-invites.server";
import { startCodeSignIn } from "#app/models/login.server";
import { JoinSchema } from "#app/models/join";
import { createSession, getUser } from "#app/utils/auth.server";
import { clientIp } from "#app/utils/http.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Your invitation · Kindred" }];

const PROBLEMS: Record<string, string> = {
  missing: "We could not find this invitation. Check that you used the whole link from the email.",
  expired: "This invitation has expired. Ask the brand to send you a new one.",
  accepted: "You already accepted this invitation — welcome aboard! Sign in to see the program.",
  revoked: "This invitation was withdrawn by the brand.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findFanInvite(params.token ?? "");
  const user = await getUser(request);
  if (found.status !== "valid") return { problem: PROBLEMS[found.status], invite: null, signedInAs: user?.email ?? null };
  return { problem: null, invite: found.invite, signedInAs: user?.email ?? null };
}

type Ctx = { request: Request; token: string; form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { request, token: params.token ?? "", form: await readForm(request) };
  return runIntent(ctx.form, ctx, { join: joinAction });
}

async function joinAction({ request, token, form }: Ctx) {
  const submission = parseWithZod(form, { schema: JoinSchema });
  if (submission.status !== "success") return rejected("join", submission);
  const currentUser = await getUser(request);
  const result = await acceptFanInvite({ token, currentUser, input: submission.value });
  if (!result.ok) return rejected("join", submission, { formErrors: [result.error] });
  const programPage = `/me/programs/${result.slug}`;
  const welcome = `Welcome to ${result.brandName}'s ambassador program!`;
  if (result.next === "signed-in") return redirectWithToast(programPage, { kind: "success", message: welcome });
  if (result.next === "new-account") return redirectWithToast(programPage, { kind: "success", message: welcome }, { headers: { "Set-Cookie": await createSession(result.userId, request) } });
  // The address already has an account: joining never signs into it. The person proves the inbox with a code.
  const signIn = await startCodeSignIn({ email: result.email, ip: clientIp(request), redirectTo: programPage });
  if (!signIn.ok) {
    return redirectWithToast(`/login?email=${encodeURIComponent(result.email)}&redirectTo=${encodeURIComponent(programPage)}`, {
      kind: "info",
      message: `You joined ${result.brandName}'s program. Sign in to see it — ${signIn.error}`,
    });
  }
  return redirectWithToast(
    "/auth/verify",
    { kind: "success", message: `You joined ${result.brandName}'s program. You already have a Kindred account, so sign in with the code we just emailed you.` },
    { headers: { "Set-Cookie": signIn.cookie } },
  );
}

export default function AcceptInvite() {
  const { problem, invite, signedInAs } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<typeof action>(), "join");
  const joinError = reply?.error?.[""]?.[0];
  if (problem || !invite) {
    return (
      <div className="mx-auto max-w-lg px-4 py-12">
        <h1 className="text-2xl font-bold">Your invitation</h1>
        <Alert tone="warning" className="mt-4">
          {problem}
        </Alert>
      </div>
    );
  }
  const wrongAccount = signedInAs && signedInAs !== invite.email;
  return (
    <div className="mx-auto max-w-lg space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">You're invited, {invite.name.split(" ")[0]}</h1>
      <BrandWelcome brand={invite.brand}>
        {invite.note ? <blockquote className="border-l-4 border-stone-300 pl-3 italic text-stone-700">“{invite.note}”</blockquote> : null}
        <ProgramPromise />
      </BrandWelcome>
      {joinError ? <Alert tone="error">{joinError}</Alert> : null}
      {wrongAccount ? (
        <Alert tone="warning">
          This invitation is for {invite.email}, but you are signed in as {signedInAs}. Sign out first, then open the link again.
        </Alert>
      ) : (
        <Section title={<>Join as {invite.email}</>} className="rounded-xl border border-stone-200 bg-white p-6" heading="mb-4 text-lg font-semibold">
          <JoinForm brand={invite.brand} lastResult={reply} defaultValue={{ name: invite.name }} submitLabel={`Join ${invite.brand.name}`} />
        </Section>
      )}
    </div>
  );
}
