import { parseWithZod } from "@conform-to/zod/v4";
import { Alert } from "#app/components/alert";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass, replyFor } from "#app/components/forms";
import { BrandWelcome, JoinForm, ProgramPromise } from "#app/components/join-form";
import { alreadyInProgram, findInviteLink, joinViaLink, LINK_PROBLEMS } from "#app/models/invite-links.server";
import { JoinSchema } from "#app/models/join";
import { getUser, requireUser, type SessionUser } from "#app/utils/auth.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Join the ambassador program · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const { problem, link } = await findInviteLink(code);
  const user = await getUser(request);
  if (!link || problem) return { problem: LINK_PROBLEMS[problem ?? "missing"], brand: null, user: null, code };
  const already = user ? await alreadyInProgram(link, user) : false;
  return { problem: null, brand: link.brand, user: user ? { email: user.email, name: user.name, already } : null, code };
}

type Ctx = { user: SessionUser; code: string; form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { user: await requireUser(request), code: params.code ?? "", form: await readForm(request) };
  return runIntent(ctx.form, ctx, { join: joinAction });
}

async function joinAction({ user, code, form }: Ctx) {
  const submission = parseWithZod(form, { schema: JoinSchema });
  if (submission.status !== "success") return rejected("join", submission);
  const result = await joinViaLink({ code, user, input: submission.value });
  if (!result.ok) return rejected("join", submission, { formErrors: [result.error] });
  return redirectWithToast(`/me/programs/${result.slug}`, { kind: "success", message: result.already ? "You are already in this program." : "Welcome to the ambassador program!" });
}

export default function JoinViaLink() {
  const { problem, brand, user, code } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<typeof action>(), "join");
  const joinError = reply?.error?.[""]?.[0];
  if (problem || !brand) {
    return (
      <div className="mx-auto max-w-lg px-4 py-12">
        <h1 className="text-2xl font-bold">Join an ambassador program</h1>
        <Alert tone="warning" className="mt-4">
          {problem}
        </Alert>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Join {brand.name}'s ambassadors</h1>
      <BrandWelcome brand={brand}>
        <ProgramPromise />
      </BrandWelcome>
      {joinError ? <Alert tone="error">{joinError}</Alert> : null}
      {!user ? (
        <div className="space-y-3 rounded-xl border border-stone-200 bg-white p-6">
          <p>First, confirm your email address: we'll send you a code, then bring you back here.</p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/i/${code}`)}`} className={buttonClass("primary", "w-full")}>Continue with my email</Link>
        </div>
      ) : user.already ? (
        <p className="rounded-md bg-emerald-50 p-3 text-emerald-900">
          You are already one of {brand.name}'s ambassadors.{" "}
          <Link to={`/me/programs/${brand.slug}`} className="underline">Open the program</Link>
        </p>
      ) : (
        <Section title={<>Join as {user.email}</>} className="rounded-xl border border-stone-200 bg-white p-6" heading="mb-4 text-lg font-semibold">
          <JoinForm brand={brand} lastResult={reply} defaultValue={{ name: user.name ?? "" }} submitLabel={`Join ${brand.name}`} />
        </Section>
      )}
    </div>
  );
}
