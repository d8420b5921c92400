import { getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "#app/components/alert";
import { Field, SubmitButton, useIntentForm } from "#app/components/forms";
import { accountOverview, deleteMyAccount, renameAccount } from "#app/models/account.server";
import { describeLeaving } from "#app/models/fan-program.server";
import { destroySession, requireUser, type SessionUser } from "#app/utils/auth.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";

export const meta: MetaFunction = () => [{ title: "Your account · Kindred" }];

const NameSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(80, "Keep your name under 80 characters"),
});

/** Deleting asks the person to type their own address, so a stray click cannot do it. */
export function deleteSchema(email: string) {
  return z.object({
    confirmEmail: z
      .string({ error: `Type ${email} to confirm.` })
      .trim()
      .toLowerCase()
      .refine((typed) => typed === email, `Type ${email} to confirm.`),
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  return accountOverview(await requireUser(request));
}

type Ctx = { request: Request; user: SessionUser; form: FormData };

async function renameAction({ user, form }: Ctx) {
  const submission = parseWithZod(form, { schema: NameSchema });
  if (submission.status !== "success") return rejected("rename", submission);
  await renameAccount(user.id, submission.value.name);
  return redirectWithToast("/account", { kind: "success", message: "Your name is saved." });
}

async function deleteAction({ request, user, form }: Ctx) {
  const submission = parseWithZod(form, { schema: deleteSchema(user.email) });
  if (submission.status !== "success") return rejected("delete", submission);
  const result = await deleteMyAccount(user.id);
  if (!result.ok) return rejected("delete", submission, { formErrors: [result.error] });
  return redirectWithToast("/", { kind: "info", message: `Your account and personal data are deleted.${describeLeaving(result)} Thank you for being part of it.` }, { headers: { "Set-Cookie": await destroySession(request) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = { request, user: await requireUser(request), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { rename: renameAction, delete: deleteAction });
}

function describeAgent(ua: string | null) {
  if (!ua) return "Unknown device";
  const browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Windows/.test(ua) ? "Windows" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const rename = useIntentForm("rename", NameSchema, actionData, { defaultValue: { name: user.name ?? "" } });
  const remove = useIntentForm("delete", deleteSchema(user.email), actionData);
  return (
    <div className="mx-auto max-w-2xl space-y-10 px-4 py-8">
      <h1 className="text-2xl font-bold">Your account</h1>
      <Section title="Profile" className="space-y-3">
        <p className="text-sm text-stone-600">Signed in as {user.email}.</p>
        <Form method="post" {...rename.formProps} className="flex flex-wrap items-start gap-3">
          <input type="hidden" name="intent" value="rename" />
          <Field className="min-w-64 flex-1" label="Your name" {...getInputProps(rename.fields.name, { type: "text" })} errors={rename.fields.name.errors} autoComplete="name" />
          <SubmitButton className="mt-6" pendingText="Saving…">Save</SubmitButton>
        </Form>
      </Section>
      <Section title="Where you are signed in">
        <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {sessions.map((s, i) => (
            <li key={i} className="px-4 py-3 text-sm">
              {describeAgent(s.userAgent)} · since <LocalTime value={s.createdAt} zone={"UTC"} />
              {s.current ? <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">this device</span> : null}
            </li>
          ))}
        </ul>
        <Form
          method="post"
          action="/logout"
          className="mt-4"
          onSubmit={(e) => {
            if (!confirm("Sign out on every device, including this one?")) e.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="everywhere" />
          <SubmitButton variant="danger">Sign out everywhere</SubmitButton>
        </Form>
      </Section>
      <Section title="Your data" className="space-y-4">
        <p className="text-sm text-stone-600">Download everything Kindred holds about you: your profile, programs, consents, applications and history.</p>
        <a href="/me/data.json" download className="inline-block rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-100">
          Export my data (JSON)
        </a>
        <Form method="post" {...remove.formProps} className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
          <input type="hidden" name="intent" value="delete" />
          {remove.form.errors?.length ? <Alert>{remove.form.errors.join(" ")}</Alert> : null}
          <p className="text-sm text-red-900">
            Deleting your account removes your name, email, social accounts, answers and messages from every program. Brands keep only anonymous counts. This cannot be undone.
          </p>
          <Field label={`Type ${user.email} to confirm`} {...getInputProps(remove.fields.confirmEmail, { type: "text" })} autoComplete="off" errors={remove.fields.confirmEmail.errors} />
          <SubmitButton variant="danger">Delete my account</SubmitButton>
        </Form>
      </Section>
    </div>
  );
}
