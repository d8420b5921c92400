import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BrandForm } from "#app/components/brand-form";
import { replyFor } from "#app/components/forms";
import { BrandSchema } from "#app/models/brand";
import { brandSettings, updateBrand } from "#app/models/brand.server";
import { rejected, runIntent } from "#app/utils/forms.server";
import { requireBrandMember, type BrandContext } from "#app/utils/permissions.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";
import { ConnectedAccounts } from "#app/components/connections";
import { ConnectSchema } from "#app/models/discovery/connect";
import { checkNow, connectAccount, disconnectAccount, listConnections } from "#app/models/discovery/discovery.server";
import { getEnv } from "#app/utils/env.server";
import { hiddenFields } from "#app/utils/forms.server";
import { MissingConnectionsKey } from "#app/utils/secret-box.server";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Brand settings · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireBrandMember(request, params.brand, "owner");
  const [settings, connections] = await Promise.all([brandSettings(scope), listConnections(scope)]);
  const env = getEnv();
  return { settings, connections, demoMode: env.DEMO_MODE, youtubeReady: !!env.YOUTUBE_API_KEY || env.DEMO_MODE };
}

type Ctx = BrandContext & { form: FormData };

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx: Ctx = { ...(await requireBrandMember(request, params.brand, "owner")), form: await readForm(request) };
  return runIntent(ctx.form, ctx, {
    save: saveAction,
    "connect-instagram": connectInstagramAction,
    "connect-bluesky": connectBlueskyAction,
    "connect-youtube": connectYouTubeAction,
    check: checkAction,
    disconnect: disconnectAction,
  });
}

const connectInstagramAction = (ctx: Ctx) => connectAction("connect-instagram", ctx);
const connectBlueskyAction = (ctx: Ctx) => connectAction("connect-bluesky", ctx);
const connectYouTubeAction = (ctx: Ctx) => connectAction("connect-youtube", ctx);

const ConnectionId = z.object({ connectionId: z.string().min(1) });

async function connectAction(intent: string, { brand, scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: ConnectSchema });
  if (submission.status !== "success") return rejected(intent, submission);
  try {
    const result = await connectAccount(scope, submission.value);
    if (!result.ok) return rejected(intent, submission, { fieldErrors: { [result.field]: [result.error] } });
  } catch (error) {
    if (error instanceof MissingConnectionsKey) return rejected(intent, submission, { formErrors: [error.message], fieldErrors: { token: [error.message] } });
    throw error;
  }
  return redirectWithToast(`/b/${brand.slug}/settings`, { kind: "success", message: "Connected. The first read is under way." });
}

async function checkAction({ brand, scope, form }: Ctx) {
  await checkNow(scope, hiddenFields(form, ConnectionId).connectionId);
  return redirectWithToast(`/b/${brand.slug}/settings`, { kind: "success", message: "A read is queued; new finds show up in a minute." });
}

async function disconnectAction({ brand, scope, form }: Ctx) {
  await disconnectAccount(scope, hiddenFields(form, ConnectionId).connectionId);
  return redirectWithToast(`/b/${brand.slug}/settings`, { kind: "success", message: "Disconnected. Its token is deleted." });
}

async function saveAction({ scope, form }: Ctx) {
  const submission = parseWithZod(form, { schema: BrandSchema });
  if (submission.status !== "success") return rejected("save", submission);
  const result = await updateBrand(scope, submission.value);
  if (!result.ok) return rejected("save", submission, { fieldErrors: result.fieldErrors });
  return redirectWithToast(`/b/${result.slug}/settings`, { kind: "success", message: "Settings saved." });
}

export default function BrandSettings() {
  const { settings, connections, demoMode, youtubeReady } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = replyFor(actionData, "save");
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Brand settings</h1>
      <div className="mt-6">
        <BrandForm lastResult={lastResult} defaultValue={settings} submitLabel="Save settings" />
      </div>
      <div className="mt-10">
        <ConnectedAccounts connections={connections} actionData={actionData} timeZone={settings.timeZone} demoMode={demoMode} youtubeReady={youtubeReady} />
      </div>
    </div>
  );
}
