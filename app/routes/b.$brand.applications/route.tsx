import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { SubmitButton } from "#app/components/forms";
import { Pagination, pageFrom } from "#app/components/pagination";
import { APPLICATION_TABS, type ApplicationTab } from "#app/models/application";
import { decideApplication, listApplications, type Decision } from "#app/models/applications.server";
import { PLATFORM_LABELS, type Platform } from "#app/models/profile";
import { getEnv } from "#app/utils/env.server";
import { firstProblem, runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";

export const meta: MetaFunction = () => [{ title: "Applications · Kindred" }];

const DecisionSchema = z.object({
  applicationId: z.string().min(1),
  message: z.string().trim().max(1000, "Keep the message under 1,000 characters").default(""),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const asked = url.searchParams.get("tab") ?? "";
  const tab: ApplicationTab = Object.hasOwn(APPLICATION_TABS, asked) ? (asked as ApplicationTab) : "pending";
  const page = pageFrom(url);
  return { brand, tab, page, joinUrl: `${getEnv().APP_URL}/join/${brand.slug}`, ...(await listApplications(scope, tab, page)) };
}

type Ctx = BrandContext & { form: FormData; back: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireBrandMember(request, params.brand, "manager");
  const ctx: Ctx = { ...staff, form: await readForm(request), back: `/b/${staff.brand.slug}/applications${new URL(request.url).search}` };
  return runIntent(ctx.form, ctx, { approve: approveAction, "wait-list": waitlistAction, decline: declineAction });
}

const approveAction = decideAction("approved", "Approved — they are now an active ambassador");
const waitlistAction = decideAction("waitlisted", "Moved to the wait-list");
const declineAction = decideAction("declined", "Declined");

/** The handler for one of the three answers; problems come back as a toast over the list. */
function decideAction(decision: Decision, done: string) {
  return async ({ form, back, scope }: Ctx) => {
    const submission = parseWithZod(form, { schema: DecisionSchema });
    if (submission.status !== "success") return redirectWithToast(back, { kind: "error", message: firstProblem(submission) });
    const { applicationId, message } = submission.value;
    const result = await decideApplication(scope, applicationId, decision, message);
    if (!result.ok) return redirectWithToast(back, { kind: "error", message: result.error });
    return redirectWithToast(back, { kind: "success", message: `${done}. We emailed them.` });
  };
}

export default function Applications() {
  const { brand, tab, page, pageCount, counts, joinUrl, applications } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Applications</h1>
          <p className="mt-1 text-sm text-stone-600">
            Your public application page:{" "}
            <a href={joinUrl} className="break-all font-mono text-violet-700 underline">{joinUrl}</a>
          </p>
        </div>
        <Link to={`/b/${brand.slug}/program`} className="text-sm text-violet-700 underline">Questions and auto-rules</Link>
      </div>
      <nav aria-label="Application lists">
        <ul className="flex gap-2">
          {(Object.keys(APPLICATION_TABS) as ApplicationTab[]).map((t) => (
            <li key={t}>
              <Link
                to={`?tab=${t}`}
                aria-current={t === tab ? "page" : undefined}
                className="block rounded-full border border-stone-300 px-3 py-1 text-sm aria-[current=page]:border-violet-700 aria-[current=page]:bg-violet-700 aria-[current=page]:text-white"
              >
                {APPLICATION_TABS[t]} ({counts[t]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {applications.length ? (
        <ul className="space-y-4">
          {applications.map((a) => (
            <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="application">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">{a.name}</h2>
                  <p className="text-sm text-stone-600">
                    {a.email}
                    {a.city ? ` · ${a.city}` : ""} · applied <LocalTime value={a.createdAt} zone={brand.timeZone} />
                  </p>
                </div>
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium capitalize">
                  {a.tier} · {a.maxFollowers.toLocaleString("en")} followers
                </span>
              </div>
              <blockquote className="mt-3 whitespace-pre-line border-l-4 border-stone-200 pl-3 text-sm text-stone-800">{a.whyLove}</blockquote>
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
                {a.socials.map((s, i) => (
                  <div key={i} className="contents">
                    <dt className="text-stone-500">{PLATFORM_LABELS[s.platform as Platform] ?? s.platform}</dt>
                    <dd>
                      @{s.handle} · {s.followers.toLocaleString("en")}
                    </dd>
                  </div>
                ))}
                {a.interests ? (
                  <div className="contents">
                    <dt className="text-stone-500">Interests</dt>
                    <dd>{a.interests}</dd>
                  </div>
                ) : null}
                {a.answers
                  .filter((q) => q.answer)
                  .map((q, i) => (
                    <div key={i} className="contents">
                      <dt className="text-stone-500">{q.label}</dt>
                      <dd>{q.answer}</dd>
                    </div>
                  ))}
              </dl>
              {a.status === "pending" || a.status === "waitlisted" ? (
                <Form method="post" className="mt-4 space-y-2 border-t border-stone-100 pt-3">
                  <input type="hidden" name="applicationId" value={a.id} />
                  <label className="block text-sm">
                    <span className="font-medium">Message to {a.name.split(" ")[0]} (optional, included in the email)</span>
                    <textarea name="message" rows={2} maxLength={1000} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-sm" />
                  </label>
                  <div className="flex flex-wrap gap-2">
                    <SubmitButton name="intent" value="approve" aria-label={`Approve ${a.name}`}>Approve</SubmitButton>
                    {a.status === "pending" ? (
                      <SubmitButton variant="secondary" name="intent" value="wait-list" aria-label={`Wait-list ${a.name}`}>Wait-list</SubmitButton>
                    ) : null}
                    <SubmitButton variant="secondary" name="intent" value="decline" aria-label={`Decline ${a.name}`}>Decline</SubmitButton>
                  </div>
                </Form>
              ) : (
                <p className="mt-3 text-sm text-stone-600">
                  <span className="font-medium capitalize">{a.status}</span>
                  {a.decidedAt ? <> <LocalTime value={a.decidedAt} zone={brand.timeZone} /></> : ""}
                  {a.autoReason ? ` automatically: ${a.autoReason}` : ""}
                  {a.decisionMessage ? ` — “${a.decisionMessage}”` : ""}
                  {a.status === "approved" && a.ambassadorId ? (
                    <>
                      {" · "}
                      <Link to={`/b/${brand.slug}/ambassadors/${a.ambassadorId}`} className="text-violet-700 underline">Open profile</Link>
                    </>
                  ) : null}
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {tab === "pending" ? "No applications to review. Share your application page to receive some." : "Nothing here yet."}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} label="Applications" />
    </div>
  );
}
