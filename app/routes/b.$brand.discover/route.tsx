import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { Alert } from "#app/components/alert";
import { Field, SubmitButton } from "#app/components/forms";
import { LocalTime } from "#app/components/local-time";
import { Pagination, pageFrom } from "#app/components/pagination";
import { ShareLink } from "#app/components/share-link";
import { DISCOVERY_PLATFORMS, type DiscoveryPlatform } from "#app/models/discovery/connect";
import { dismissAuthor, foundAuthors, inviteAuthor, restoreAuthor, type FoundFilter } from "#app/models/discovery/discovery.server";
import { getEnv } from "#app/utils/env.server";
import { firstProblem, hiddenFields, runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { readForm } from "#app/utils/request-body.server";
import { redirectWithToast } from "#app/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Already posting · Kindred" }];

const PER_PAGE = 20;
const FILTERS: { value: FoundFilter; label: string }[] = [
  { value: "new", label: "To review" },
  { value: "invited", label: "Invited" },
  { value: "dismissed", label: "Dismissed" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, scope } = await requireBrandMember(request, params.brand, "manager");
  const url = new URL(request.url);
  const show = (FILTERS.find((f) => f.value === url.searchParams.get("show"))?.value ?? "new") as FoundFilter;
  const page = pageFrom(url);
  const { total, authors, counts } = await foundAuthors(scope, show, { page, perPage: PER_PAGE });
  return { brand, show, page, pageCount: Math.max(1, Math.ceil(total / PER_PAGE)), authors, counts, appUrl: getEnv().APP_URL };
}

type Ctx = BrandContext & { form: FormData };
const AuthorId = z.object({ authorId: z.string().min(1) });
const InviteSchema = z.object({ authorId: z.string().min(1), email: z.email("Enter a full email address, like ana@example.com").trim().toLowerCase().optional() });

async function inviteAction({ brand, scope, user, form }: Ctx) {
  const submission = parseWithZod(form, { schema: InviteSchema });
  if (submission.status !== "success") return { ok: false as const, authorId: String(form.get("authorId") ?? ""), message: firstProblem(submission) };
  const result = await inviteAuthor(scope, user, submission.value.authorId, submission.value.email ?? null);
  if (!result.ok) return { ok: false as const, authorId: submission.value.authorId, message: result.error };
  return redirectWithToast(`/b/${brand.slug}/discover?show=invited`, {
    kind: "success",
    message: result.kind === "email" ? `Invitation emailed to ${submission.value.email}.` : "Join link made: copy it below and send it in a direct message.",
  });
}

async function dismissAction({ brand, scope, form }: Ctx) {
  const moved = await dismissAuthor(scope, hiddenFields(form, AuthorId).authorId);
  return redirectWithToast(`/b/${brand.slug}/discover`, { kind: moved ? "success" : "info", message: moved ? "Dismissed. They stay under “Dismissed” if you change your mind." : "They are no longer on the list to review." });
}

async function restoreAction({ brand, scope, form }: Ctx) {
  const moved = await restoreAuthor(scope, hiddenFields(form, AuthorId).authorId);
  return redirectWithToast(`/b/${brand.slug}/discover`, { kind: moved ? "success" : "info", message: moved ? "Back on the list to review." : "They were not dismissed." });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "manager")), form: await readForm(request) };
  return runIntent(ctx.form, ctx, { invite: inviteAction, dismiss: dismissAction, restore: restoreAction });
}

const compact = new Intl.NumberFormat("en", { notation: "compact" });

export default function AlreadyPosting() {
  const { brand, show, page, pageCount, authors, counts, appUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Fans already posting about you</h1>
        <p className="text-sm text-stone-600">
          People who tagged, mentioned or searched-for the brand on your <Link to={`/b/${brand.slug}/settings`} className="underline">connected accounts</Link> and are not in the program yet. Invite
          the ones you would love to have; posts by your ambassadors go to the <Link to={`/b/${brand.slug}/posts`} className="underline">review queue</Link> instead.
        </p>
      </div>
      <nav aria-label="Show" className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            to={f.value === "new" ? "?" : `?show=${f.value}`}
            aria-current={show === f.value ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${show === f.value ? "border-violet-700 bg-violet-50 text-violet-800" : "border-stone-300 bg-white"}`}
          >
            {f.label} ({counts[f.value]})
          </Link>
        ))}
      </nav>
      {authors.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">
          {show === "new" ? "Nobody new to review. Connect the brand’s accounts in settings, and new finds appear here after the next read." : show === "invited" ? "Nobody invited from this list yet." : "Nobody dismissed."}
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Fans found posting">
          {authors.map((a) => {
            const platform = DISCOVERY_PLATFORMS[a.platform as DiscoveryPlatform] ?? a.platform;
            return (
              <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4" aria-label={`@${a.handle} on ${platform}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="font-semibold">@{a.handle}</span> <span className="text-sm text-stone-600">on {platform}{a.displayName && a.displayName !== a.handle ? ` · ${a.displayName}` : ""}</span>
                  </p>
                  <p className="text-sm text-stone-600">
                    {a.followers != null ? `${compact.format(a.followers)} followers · ` : "Followers not known · "}
                    {a._count.posts} {a._count.posts === 1 ? "post" : "posts"} · first seen <LocalTime value={a.firstSeenAt} zone={brand.timeZone} />, last <LocalTime value={a.lastSeenAt} zone={brand.timeZone} />
                  </p>
                </div>
                <ul className="mt-2 space-y-1 text-sm" aria-label={`Posts by @${a.handle}`}>
                  {a.posts.map((p) => (
                    <li key={p.id} className="flex gap-2">
                      <a href={p.url} target="_blank" rel="noreferrer noopener" className="shrink-0 text-violet-700 underline">Open post</a>
                      <span className="line-clamp-1 text-stone-700">{p.caption || "(no caption)"}</span>
                      <span className="shrink-0 text-stone-500">♥ {p.likes}</span>
                    </li>
                  ))}
                </ul>
                {result && !result.ok && result.authorId === a.id ? <Alert className="mt-2">{result.message}</Alert> : null}
                {a.status === "new" ? (
                  <div className="mt-3 flex flex-wrap items-end gap-2">
                    <Form method="post" className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="authorId" value={a.id} />
                      <Field label={`Email of @${a.handle} (if you know it)`} name="email" type="email" autoComplete="off" hint="Without an email you get a one-use join link to send by DM." />
                      <SubmitButton name="intent" value="invite" pendingText="Inviting…" aria-label={`Invite @${a.handle}`}>
                        Invite
                      </SubmitButton>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="authorId" value={a.id} />
                      <SubmitButton name="intent" value="dismiss" variant="secondary" aria-label={`Dismiss @${a.handle}`}>
                        Dismiss
                      </SubmitButton>
                    </Form>
                  </div>
                ) : a.status === "dismissed" ? (
                  <Form method="post" className="mt-3">
                    <input type="hidden" name="authorId" value={a.id} />
                    <SubmitButton name="intent" value="restore" variant="secondary" aria-label={`Restore @${a.handle}`}>
                      Back to review
                    </SubmitButton>
                  </Form>
                ) : (
                  <div className="mt-3 text-sm">
                    <p className="font-medium text-emerald-800">{a.status === "joined" ? "Joined the program" : "Invited"}</p>
                    {a.status === "invited" && a.inviteLink ? (
                      <div className="mt-1">
                        <p className="break-all font-mono text-violet-800" data-testid="found-invite-link">{`${appUrl}/i/${a.inviteLink.code}`}</p>
                        <ShareLink url={`${appUrl}/i/${a.inviteLink.code}`} label={`Join ${brand.name}`} />
                      </div>
                    ) : null}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} label="Fans found" />
    </div>
  );
}
