import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, Honeypot, SubmitButton, replyFor } from "#app/components/forms";
import { DEMO_PEOPLE, isDemoEmail } from "#app/models/demo";
import { demoAccountId, landingPath, pendingSignInCookie, startCodeSignIn } from "#app/models/login.server";
import { createSession, getUser } from "#app/utils/auth.server";
import { getEnv } from "#app/utils/env.server";
import { hiddenFields, rejected, runIntent } from "#app/utils/forms.server";
import { clientIp, safeRedirect, sameOriginPath } from "#app/utils/http.server";
import { readForm } from "#app/utils/request-body.server";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Sign in · Kindred" }];

const LoginSchema = z.object({
  email: z.email({ error: (i) => (i.input ? "Enter a valid email address, like name@example.com" : "Enter your email address") }).max(254),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/home");
  // Only a same-site path goes into the form; anything else is dropped here rather than refused after sign-in.
  const redirectTo = sameOriginPath(new URL(request.url).searchParams.get("redirectTo")) ?? "";
  return { demoPeople: getEnv().DEMO_MODE ? DEMO_PEOPLE : [], redirectTo };
}

const DemoSchema = z.object({ email: z.string().max(254), redirectTo: z.string().optional() });

type Ctx = { request: Request; form: FormData; redirectTo: string | null };

/** Emails a code and a link, then sends the person to enter the code. */
async function codeAction({ request, form, redirectTo }: Ctx) {
  const submission = parseWithZod(form, { schema: LoginSchema });
  if (submission.status !== "success") return rejected("code", submission);
  const { email } = submission.value;
  // A filled honeypot means a bot: answer exactly as for a person, but send nothing.
  if (form.get("website")) return redirect("/auth/verify", { headers: { "Set-Cookie": await pendingSignInCookie(email, redirectTo) } });
  const result = await startCodeSignIn({ email, ip: clientIp(request), redirectTo });
  if (!result.ok) return rejected("code", submission, { fieldErrors: { email: [result.error] } }, 429);
  return redirect("/auth/verify", { headers: { "Set-Cookie": result.cookie } });
}

/** One-click sign-in as one of the demo people, only in demo mode. */
async function demoAction({ request, form, redirectTo }: Ctx) {
  const { email } = hiddenFields(form, DemoSchema);
  if (!getEnv().DEMO_MODE || !isDemoEmail(email)) throw new Response("Demo sign-in is not available", { status: 404 });
  const userId = await demoAccountId(email);
  if (!userId) throw new Response("Demo data is missing: run npm run setup", { status: 404 });
  return redirect(redirectTo ?? (await landingPath(userId)), { headers: { "Set-Cookie": await createSession(userId, request) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  // No return address: the person lands where their work is (landingPath) once signed in.
  const redirectTo = form.get("redirectTo") ? safeRedirect(form.get("redirectTo")) : null;
  return runIntent(form, { request, form, redirectTo }, { code: codeAction, demo: demoAction });
}

export default function Login() {
  const { demoPeople, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "code");
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    defaultValue: { email: searchParams.get("email") ?? "" },
    // Validate on submit: the field has focus on arrival, and a message appearing when it loses focus would
    // move the demo buttons under the pointer.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Sign in to Kindred</h1>
      <p className="mt-2 text-stone-600">No password needed: we email you a six-digit code and a sign-in link.</p>
      <Form method="post" {...getFormProps(form)} className="relative mt-6 space-y-4">
        <Honeypot />
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label="Email address" {...getInputProps(fields.email, { type: "email" })} autoComplete="email" autoFocus errors={fields.email.errors} />
        <SubmitButton className="w-full" pendingText="Sending…">Email me a sign-in code</SubmitButton>
      </Form>
      {demoPeople.length ? (
        <Section title="Demo mode: sign in as…" className="mt-10 rounded-lg border border-amber-200 bg-amber-50 p-4" heading="font-semibold text-amber-900">
          <ul className="mt-3 space-y-2">
            {demoPeople.map((p) => (
              <li key={p.email}>
                <Form method="post" className="flex items-center justify-between gap-3">
                  <input type="hidden" name="intent" value="demo" />
                  <input type="hidden" name="redirectTo" value={redirectTo} />
                  <div className="min-w-0 text-sm">
                    <p className="font-medium">
                      {p.name} · {p.label}
                    </p>
                    <p className="truncate text-stone-600">{p.description}</p>
                  </div>
                  <SubmitButton variant="secondary" name="email" value={p.email} aria-label={`Sign in as ${p.name}, ${p.label}`}>Sign in</SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
