import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "#app/components/alert";
import { ErrorList, Field, SelectField, SubmitButton, TextareaField, replyFor, useIntentForm } from "#app/components/forms";
import { MetricInputs } from "#app/components/metric-fields";
import { suggestDisclosure } from "#app/models/disclosure";
import { describeNumbers } from "#app/models/engagement";
import { perkLedger } from "#app/models/perks.server";
import { PLATFORMS, type Platform } from "#app/models/post-url";
import { MetricsSchema, PostSchema, metricsFrom } from "#app/models/posts/rules";
import { recordFanMetrics } from "#app/models/posts/metrics.server";
import { fanPosts, postingPrograms } from "#app/models/posts/review.server";
import { submitPostForm, updateCaption } from "#app/models/posts/submit.server";
import { fanScope, type FanScope } from "#app/models/scope";
import { answerUsageRights, usageRightsOfFan } from "#app/models/posts/usage-rights.server";
import { ReuseAnswer } from "#app/components/usage-rights";
import { Conflict } from "#app/models/errors";
import { requireUser } from "#app/utils/auth.server";
import { hiddenFields, rejected, runUploadIntent } from "#app/utils/forms.server";
import { utcToZonedInput, viewerZoneOf } from "#app/utils/format";
import { redirectWithToast } from "#app/utils/toast.server";
import { parseMultipart, type PendingFile } from "#app/utils/request-body.server";
import { LocalTime } from "#app/components/local-time";
import { Section } from "#app/components/section";
import { CardList } from "#app/components/card-list";

export const meta: MetaFunction = () => [{ title: "My posts · Kindred" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const fan = fanScope(await requireUser(request));
  const [rows, posts, rights] = await Promise.all([postingPrograms(fan), fanPosts(fan), usageRightsOfFan(fan)]);
  // The perks behind the disclosure reminder (only the page needs them, not the form's action).
  const mine = await Promise.all(rows.map(async (r) => ({ ...r, perks: (await perkLedger(fan, r.id)).slice(0, 5) })));
  const entryZone = viewerZoneOf(request, mine[0]?.brand.timeZone ?? "UTC");
  return { programs: mine, posts: posts.map((p) => ({ ...p, rights: rights.get(p.id) ?? [] })), entryZone, now: utcToZonedInput(new Date(), entryZone) };
}

/** A post the fan adds: which of their programs it is for, then the post's own fields. */
const FanPostSchema = PostSchema.extend({ programId: z.string({ error: "Choose the program the post is for." }) });
const CaptionSchema = z.object({ postId: z.string().min(1), caption: z.string().max(5000, "Keep the caption under 5,000 characters.").default("") });
const PostIdSchema = z.object({ postId: z.string().min(1) });
const RightsAnswerSchema = z.object({ requestId: z.string().min(1), answer: z.enum(["granted", "declined", "withdrawn"]) });

type Ctx = { fan: FanScope; form: FormData; files: PendingFile[] };

export async function action({ request }: ActionFunctionArgs) {
  const fan = fanScope(await requireUser(request));
  const parsed = await parseMultipart(request, ["screenshot"]);
  if (!parsed.ok) return data({ error: parsed.error }, { status: 400 });
  return runUploadIntent(parsed.formData, parsed.files, { fan, form: parsed.formData, files: parsed.files }, { add: addAction, caption: captionAction, numbers: numbersAction, rights: rightsAction });
}

async function addAction({ fan, form, files }: Ctx) {
  const submission = parseWithZod(form, { schema: FanPostSchema });
  const program = (await postingPrograms(fan)).find((p) => p.id === submission.payload.programId);
  if (!program) return rejected("add", submission, { fieldErrors: { programId: ["Choose the program the post is for."] } });
  if (submission.status !== "success") return rejected("add", submission);
  const result = await submitPostForm({ brand: program.brand, ambassadorId: program.id, actorId: fan.userId, source: "fan", input: submission.value, screenshot: files[0] });
  if (!result.ok) return rejected("add", submission, { fieldErrors: { [result.field]: [result.error] } });
  if (result.disclosureFlag) {
    return redirectWithToast("/me/posts", { kind: "info", message: `Thanks for posting! One thing: please start the caption with a disclosure, like “${suggestDisclosure(result.perk, program.brand)}”.` });
  }
  return redirectWithToast("/me/posts", { kind: "success", message: "Thanks for sharing your post!" });
}

async function captionAction({ fan, form }: Ctx) {
  const submission = parseWithZod(form, { schema: CaptionSchema });
  if (submission.status !== "success") return rejected("caption", submission);
  await updateCaption(fan, submission.value.postId, submission.value.caption);
  return redirectWithToast("/me/posts", { kind: "success", message: "Caption updated — thank you!" });
}

const RIGHTS_THANKS = { granted: "Thank you! The team may now reuse your post as agreed.", declined: "No problem — the team has your answer.", withdrawn: "Permission withdrawn. The team has been told to stop reusing your post." };

async function rightsAction({ fan, form }: Ctx) {
  const { requestId, answer } = hiddenFields(form, RightsAnswerSchema);
  try {
    await answerUsageRights(fan, requestId, answer);
  } catch (error) {
    // Answered already (another tab, a double click): the page shows where it stands now.
    if (error instanceof Conflict) return redirectWithToast("/me/posts", { kind: "info", message: error.message });
    throw error;
  }
  return redirectWithToast("/me/posts", { kind: "success", message: RIGHTS_THANKS[answer] });
}

async function numbersAction({ fan, form }: Ctx) {
  const { postId } = hiddenFields(form, PostIdSchema);
  const m = parseWithZod(form, { schema: MetricsSchema });
  const metrics = m.status === "success" ? metricsFrom(m.value) : null;
  if (!metrics) return data({ error: "Type at least one number (whole numbers only)." }, { status: 400 });
  await recordFanMetrics(fan, postId, metrics);
  return redirectWithToast("/me/posts", { kind: "success", message: "Numbers saved. Thank you!" });
}

export default function MyPosts() {
  const { programs, posts, now, entryZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "error" in actionData ? actionData : undefined;
  const add = useIntentForm("add", FanPostSchema, actionData, { defaultValue: { programId: programs[0]?.id, kind: "post", postedAt: now, timeZone: entryZone }, clearAfterSave: true });
  const errors = replyFor(actionData, "add")?.error ?? {};
  const captionReply = replyFor(actionData, "caption");
  const perks = programs.flatMap((p) => p.perks.map((perk) => ({ ...perk, brand: p.brand })));
  return (
    <div className="mx-auto max-w-2xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-2xl font-bold">My posts</h1>
        <p className="text-sm text-stone-600">Posting is never required. When you do post about a brand, add the link here so the team can see it (and cheer).</p>
        <Link to="/me/links" className="text-sm text-violet-700 underline">Make a short link to share →</Link>
      </div>
      {perks.length ? (
        <Section title="Remember to disclose" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" heading="font-semibold">
          <p>You received these, so posts about them need a clear disclosure at the start of the caption:</p>
          <ul className="mt-1 list-disc pl-5">
            {perks.map((p, i) => (
              <li key={i}>
                {p.brand.name}: {p.label} — for example “{suggestDisclosure(p.kind, p.brand)}”
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {programs.length ? (
        <Form method="post" encType="multipart/form-data" className="space-y-4 rounded-xl border border-stone-200 bg-white p-5" {...add.formProps}>
          <input type="hidden" name="intent" value="add" />
          <h2 className="text-lg font-semibold">Add a post</h2>
          {result?.error ? <Alert>{result.error}</Alert> : null}
          <SelectField label="For" {...getSelectProps(add.fields.programId)} errors={add.fields.programId.errors}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.brand.name}
              </option>
            ))}
          </SelectField>
          <Field label="Link to the post" {...getInputProps(add.fields.url, { type: "url" })} inputMode="url" placeholder="https://www.instagram.com/p/…" errors={add.fields.url.errors} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label="Kind" {...getSelectProps(add.fields.kind)}>
              <option value="post">Post, reel or video</option>
              <option value="story">Story (add a screenshot)</option>
            </SelectField>
            <Field label={`When it went up (your time, ${entryZone})`} {...getInputProps(add.fields.postedAt, { type: "datetime-local" })} errors={add.fields.postedAt.errors} />
            <input type="hidden" name="timeZone" value={entryZone} />
          </div>
          <Field label="Screenshot (for stories)" name="screenshot" type="file" accept="image/png,image/jpeg,image/webp,image/gif" errors={errors.screenshot ?? undefined} />
          <TextareaField label="Caption" hint="Paste it so the disclosure check can help you." {...getTextareaProps(add.fields.caption)} rows={3} errors={add.fields.caption.errors} />
          <Field className="max-w-xs" label="Your followers on that account (optional)" {...getInputProps(add.fields.followersAtPost, { type: "number" })} min={0} errors={add.fields.followersAtPost.errors} />
          <MetricInputs errors={errors} />
          <SubmitButton pendingText="Saving…">Add post</SubmitButton>
        </Form>
      ) : (
        <p className="text-stone-600">Once you're an active ambassador of a brand, you can add your posts here.</p>
      )}
      <Section title="Your posts">
        <CardList items={posts} empty="No posts yet.">
          {(p) => (
              <li key={p.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="my-post">
                <p className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <strong>{PLATFORMS[p.platform as Platform] ?? p.platform}</strong> · {p.brand.name} · <LocalTime value={p.postedAt} zone={p.brand.timeZone} />
                  </span>
                  <a href={p.url} target="_blank" rel="noreferrer" className="text-violet-700 underline">Open</a>
                </p>
                <p className="text-stone-700">
                  {describeNumbers({ ...p, snapshots: p._count.metrics })}
                </p>
                <ReuseAnswer rights={p.rights} brandName={p.brand.name} timeZone={p.brand.timeZone} />
                {p.disclosureFlag ? (
                  <Form method="post" encType="multipart/form-data" className="space-y-2 rounded-md bg-amber-50 p-3">
                    <p className="font-medium text-amber-900" data-testid="disclosure-needed">
                      Please add a clear disclosure at the start of the caption, like “{p.suggestedDisclosure}”. Once you've edited the post, paste the new caption here.
                    </p>
                    <input type="hidden" name="postId" value={p.id} />
                    <label className="sr-only" htmlFor={`caption-${p.id}`}>
                      Updated caption
                    </label>
                    <textarea id={`caption-${p.id}`} name="caption" rows={2} defaultValue={p.caption} maxLength={5000} className="block w-full rounded-md border border-stone-300 px-2 py-1.5" aria-describedby={`caption-${p.id}-error`} />
                    <ErrorList id={`caption-${p.id}-error`} errors={captionReply?.initialValue?.postId === p.id ? captionReply.error?.caption : undefined} />
                    <SubmitButton name="intent" value="caption" variant="secondary">Update caption</SubmitButton>
                  </Form>
                ) : null}
                <details>
                  <summary className="cursor-pointer text-violet-700">Update the numbers</summary>
                  <Form method="post" encType="multipart/form-data" className="mt-2 space-y-2">
                    <input type="hidden" name="postId" value={p.id} />
                    <MetricInputs defaults={p} />
                    <SubmitButton name="intent" value="numbers" variant="secondary">Save numbers</SubmitButton>
                  </Form>
                </details>
              </li>
          )}
        </CardList>
      </Section>
    </div>
  );
}
