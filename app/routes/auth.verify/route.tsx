import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { Alert } from "#app/components/alert";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, SubmitButton } from "#app/components/forms";
import { landingPath, peekLoginLink, verifyLoginCode, verifyLoginLink, type VerifyResult } from "#app/models/login.server";
import { createSession, getUser } from "#app/utils/auth.server";
import { getLoginCookie } from "#app/utils/cookies.server";
import { getEnv } from "#app/utils/env.server";
import { clientIp, safeRedirect } from "#app/utils/http.server";
import { readForm } from "#app/utils/request-body.server";
import { hiddenFields, runIntent } from "#app/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Enter your code · Kindred" }];

const CodeSchema = z.object({
  code: z
    .string({ error: "Enter the six-digit code from the email" })
    .trim()
    .regex(/^\d{6}$/, "The code is six digits, like 493021"),
});

type Pending = { email?: string; redirectTo?: string } | null;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const env = getEnv();
  const showOutboxHint = env.DEMO_MODE && !env.RESEND_API_KEY;
  if (token) {
    const link = await peekLoginLink(token);
    return { mode: "link" as const, token, linkEmail: link?.email ?? null, email: null, showOutboxHint };
  }
  if (await getUser(request)) throw redirect("/home");
  const pending = (await getLoginCookie().parse(request.headers.get("Cookie"))) as Pending;
  if (!pending?.email) throw redirect("/login");
  return { mode: "code" as const, token: null, linkEmail: null, email: pending.email, showOutboxHint };
}

async function signIn(request: Request, result: Extract<VerifyResult, { ok: true }>, fallback?: string) {
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(result.userId, request));
  headers.append("Set-Cookie", await getLoginCookie().serialize("", { maxAge: 0 }));
  const to = result.redirectTo ?? fallback;
  return redirect(to ? safeRedirect(to) : await landingPath(result.userId), { headers });
}

const LinkSchema = z.object({ token: z.string().default("") });

type Ctx = { request: Request; form: FormData };

export async function action({ request }: ActionFunctionArgs) {
  const ctx: Ctx = { request, form: await readForm(request) };
  return runIntent(ctx.form, ctx, { link: linkAction, code: codeAction });
}

/** The sign-in link's page: the person confirms, and the link's one use is spent. */
async function linkAction({ request, form }: Ctx) {
  const result = await verifyLoginLink(hiddenFields(form, LinkSchema).token);
  if (!result.ok) return data({ linkError: result.error, result: undefined }, { status: 400 });
  return signIn(request, result);
}

/** The six-digit code typed on this browser, for the address the sign-in cookie remembers. */
async function codeAction({ request, form }: Ctx) {
  const pending = (await getLoginCookie().parse(request.headers.get("Cookie"))) as Pending;
  if (!pending?.email) throw redirect("/login");
  const submission = parseWithZod(form, { schema: CodeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), linkError: undefined }, { status: 400 });
  const result = await verifyLoginCode({ email: pending.email, code: submission.value.code, ip: clientIp(request) });
  if (!result.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { code: [result.error] } }), linkError: undefined, expired: result.reason === "expired" },
      { status: result.reason === "rate-limited" ? 429 : 400 },
    );
  }
  return signIn(request, result, pending.redirectTo);
}

function NewCodeForm({ email }: { email?: string | null }) {
  return (
    <Form method="post" action="/login" className="mt-4 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm font-medium">Get a new code</p>
      <input type="hidden" name="intent" value="code" />
      <Field label="Email address" name="email" type="email" defaultValue={email ?? ""} required autoComplete="email" />
      <SubmitButton variant="secondary" pendingText="Sending…">Send a new code</SubmitButton>
    </Form>
  );
}

function OutboxHint() {
  return (
    <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      Demo mode: no email provider is configured, so messages are kept in the{" "}
      <a href="/dev/outbox" target="_blank" rel="noreferrer" className="font-semibold underline">outbox</a>
      . Open it to read your code.
    </p>
  );
}

export default function Verify() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "verify-code",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  });

  if (loaderData.mode === "link") {
    const error = actionData?.linkError ?? (loaderData.linkEmail ? null : "This sign-in link has expired or was already used. Request a new one below.");
    return (
      <div className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-bold">Sign in</h1>
        {error ? (
          <>
            <Alert tone="error" className="mt-4">
              {error}
            </Alert>
            <NewCodeForm />
          </>
        ) : (
          <Form method="post" className="mt-6 space-y-4">
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="token" value={loaderData.token} />
            <p>
              Continue as <strong>{loaderData.linkEmail}</strong>?
            </p>
            <SubmitButton className="w-full" pendingText="Signing in…" autoFocus>Sign in</SubmitButton>
          </Form>
        )}
      </div>
    );
  }

  const expired = actionData && "expired" in actionData && actionData.expired;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Check your email</h1>
      <p className="mt-2 text-stone-600">
        We sent a six-digit code to <strong>{loaderData.email}</strong>. It works once and expires in 15 minutes. You can also use
        the link in the email.
      </p>
      {loaderData.showOutboxHint ? <OutboxHint /> : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <input type="hidden" name="intent" value="code" />
        <Field
          label="Sign-in code"
          {...getInputProps(fields.code, { type: "text" })}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          errors={fields.code.errors}
        />
        <SubmitButton className="w-full" pendingText="Checking…">Sign in</SubmitButton>
      </Form>
      {expired ? <NewCodeForm email={loaderData.email} /> : null}
      <p className="mt-6 text-sm text-stone-600">
        Wrong address?{" "}
        <Link to="/login" className="text-violet-700 underline">Use a different email</Link>
      </p>
    </div>
  );
}
