import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, SubmitButton } from "#app/components/forms";
import { deleteMyAccount } from "#app/models/account.server";
import { describeLeaving } from "#app/models/fan-program.server";
import { destroySession, requireUser } from "#app/utils/auth.server";
import { db } from "#app/utils/db.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";

export const meta: MetaFunction = () => [{ title: "Your account · Kindred" }];

const NameSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(80, "Keep your name under 80 characters"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await db.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, userAgent: true, createdAt: true },
  });
  return {
    user: { email: user.email, name: user.name },
    sessions: sessions.map((s) => ({ current: s.id === user.sessionId, userAgent: s.userAgent, createdAt: s.createdAt })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "delete") {
    if (String(formData.get("confirmEmail") ?? "").trim().toLowerCase() !== user.email) {
      return data({ deleteError: `Type ${user.email} to confirm.` }, { status: 400 });
    }
    const result = await deleteMyAccount(user.id);
    if (!result.ok) return data({ deleteError: result.error }, { status: 400 });
    return redirectWithToast("/", { kind: "info", message: `Your account and personal data are deleted.${describeLeaving(result)} Thank you for being part of it.` }, { headers: { "Set-Cookie": await destroySession(request) } });
  }
  const submission = parseWithZod(formData, { schema: NameSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await db.user.update({ where: { id: user.id }, data: { name: submission.value.name } });
  return redirectWithToast("/account", { kind: "success", message: "Your name is saved." });
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
  const lastResult = actionData && !("deleteError" in actionData) ? actionData : undefined;
  const deleteError = actionData && "deleteError" in actionData ? actionData.deleteError : undefined;
  const [form, fields] = useForm({
    id: "account-name",
    lastResult,
    defaultValue: { name: user.name ?? "" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NameSchema }),
  });
  return (
    <div className="mx-auto max-w-2xl space-y-10 px-4 py-8">
      <h1 className="text-2xl font-bold">Your account</h1>
      <section aria-labelledby="profile-heading" className="space-y-3">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <p className="text-sm text-stone-600">Signed in as {user.email}.</p>
        <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-start gap-3">
          <Field className="min-w-64 flex-1" label="Your name" {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} autoComplete="name" />
          <SubmitButton className="mt-6" pendingText="Saving…">
            Save
          </SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you are signed in
        </h2>
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
      </section>
      <section aria-labelledby="data-heading" className="space-y-4">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="text-sm text-stone-600">Download everything Kindred holds about you: your profile, programs, consents, applications and history.</p>
        <a href="/me/data.json" download className="inline-block rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-100">
          Export my data (JSON)
        </a>
        <Form method="post" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4">
          <input type="hidden" name="intent" value="delete" />
          <p className="text-sm text-red-900">
            Deleting your account removes your name, email, social accounts, answers and messages from every program. Brands keep only anonymous counts. This cannot be undone.
          </p>
          <Field label={`Type ${user.email} to confirm`} name="confirmEmail" autoComplete="off" errors={deleteError ? [deleteError] : undefined} />
          <SubmitButton variant="danger">Delete my account</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
