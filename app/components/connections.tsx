import { Form } from "@remix-run/react";
import { getInputProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { BlueskyConnectSchema, DISCOVERY_PLATFORMS, InstagramConnectSchema, YouTubeConnectSchema, type DiscoveryPlatform } from "#app/models/discovery/connect";
import { Field, SubmitButton, useIntentForm } from "./forms";
import { LocalTime } from "./local-time";
import { Section } from "./section";

type Connection = { id: string; platform: string; accountRef: string; terms: string; status: string; lastError: string | null; lastCheckedAt: string | Date | null; hasToken: boolean };

/**
 * The brand's own accounts that Kindred reads for posts about it (settings, owner only). Each platform shows either
 * its connection (what is searched, when it was last read, "Check now", "Disconnect") or the form to connect it.
 * A stored token is never shown again.
 */
export function ConnectedAccounts({ connections, actionData, timeZone, demoMode, youtubeReady }: { connections: Connection[]; actionData: unknown; timeZone: string; demoMode: boolean; youtubeReady: boolean }) {
  const byPlatform = new Map(connections.map((c) => [c.platform, c]));
  return (
    <Section title="Connected accounts" className="space-y-3">
      <p className="text-sm text-stone-600">
        Kindred reads the brand’s own accounts every few hours for posts about the brand. Posts by your ambassadors wait in the review queue; anyone else lands on
        “Already posting”, for you to invite or dismiss. Nothing is published or sent without a person.
        {demoMode ? " Demo mode: the accounts read sample posts, not the network." : ""}
      </p>
      {(Object.keys(DISCOVERY_PLATFORMS) as DiscoveryPlatform[]).map((platform) => {
        const c = byPlatform.get(platform);
        return (
          <div key={platform} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`connection-${platform}`}>
            <h3 className="font-semibold">{DISCOVERY_PLATFORMS[platform]}</h3>
            {c ? <ConnectionStatus c={c} timeZone={timeZone} /> : platform === "instagram" ? <InstagramForm actionData={actionData} /> : platform === "bluesky" ? <BlueskyForm actionData={actionData} /> : <YouTubeForm actionData={actionData} ready={youtubeReady} />}
          </div>
        );
      })}
    </Section>
  );
}

function ConnectionStatus({ c, timeZone }: { c: Connection; timeZone: string }) {
  return (
    <div className="mt-1 space-y-2 text-sm">
      <p>
        {c.platform === "instagram" ? `Account ${c.accountRef}` : c.accountRef ? `@${c.accountRef}` : "Search only"}
        {c.terms ? ` · searching ${c.terms}` : ""}
        {c.hasToken ? " · access token stored (encrypted)" : ""}
      </p>
      <p className={c.status === "error" ? "text-red-700" : "text-stone-600"} role={c.status === "error" ? "alert" : undefined}>
        {c.status === "error" ? `Could not read it: ${c.lastError}` : c.lastCheckedAt ? <>Last read <LocalTime value={c.lastCheckedAt} zone={timeZone} /></> : "Waiting for the first read…"}
      </p>
      <div className="flex flex-wrap gap-2">
        <Form method="post">
          <input type="hidden" name="connectionId" value={c.id} />
          <SubmitButton name="intent" value="check" variant="secondary" pendingText="Queuing…">
            Check now
          </SubmitButton>
        </Form>
        <Form
          method="post"
          onSubmit={(e) => {
            if (!confirm(`Disconnect ${DISCOVERY_PLATFORMS[c.platform as DiscoveryPlatform] ?? c.platform}? Kindred stops reading it and forgets its token. Posts found so far stay.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="connectionId" value={c.id} />
          <SubmitButton name="intent" value="disconnect" variant="danger" pendingText="Disconnecting…">
            Disconnect
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}

function ConnectForm({ intent, formProps, platform, children }: { intent: string; formProps: object; platform: DiscoveryPlatform; children: ReactNode }) {
  return (
    <Form method="post" {...formProps} className="mt-2 space-y-3">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="platform" value={platform} />
      {children}
      <SubmitButton pendingText="Connecting…">Connect {DISCOVERY_PLATFORMS[platform]}</SubmitButton>
    </Form>
  );
}

function InstagramForm({ actionData }: { actionData: unknown }) {
  const { fields, formProps } = useIntentForm("connect-instagram", InstagramConnectSchema, actionData);
  return (
    <ConnectForm intent="connect-instagram" formProps={formProps} platform="instagram">
      <p className="text-sm text-stone-600">For a Business or Creator account: Kindred reads the posts your account is tagged in, and @mentions when Meta’s webhook is set up.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Instagram account id" {...getInputProps(fields.accountRef, { type: "text" })} inputMode="numeric" autoComplete="off" errors={fields.accountRef.errors} />
        <Field label="Access token" hint="Stored encrypted; it is never shown again." {...getInputProps(fields.token, { type: "password" })} autoComplete="off" errors={fields.token.errors} />
      </div>
    </ConnectForm>
  );
}

function BlueskyForm({ actionData }: { actionData: unknown }) {
  const { fields, formProps } = useIntentForm("connect-bluesky", BlueskyConnectSchema, actionData);
  return (
    <ConnectForm intent="connect-bluesky" formProps={formProps} platform="bluesky">
      <p className="text-sm text-stone-600">No token needed: Kindred searches Bluesky’s public posts for mentions of your handle and for your hashtags.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Brand’s Bluesky handle" {...getInputProps(fields.accountRef, { type: "text" })} placeholder="juniperbakery.bsky.social" autoComplete="off" errors={fields.accountRef.errors} />
        <Field label="Hashtags and names to search (Bluesky)" hint="Separated by commas" {...getInputProps(fields.terms, { type: "text" })} placeholder="#juniperbakery, Juniper Bakery" errors={fields.terms.errors} />
      </div>
    </ConnectForm>
  );
}

function YouTubeForm({ actionData, ready }: { actionData: unknown; ready: boolean }) {
  const { fields, formProps } = useIntentForm("connect-youtube", YouTubeConnectSchema, actionData);
  if (!ready) return <p className="mt-1 text-sm text-stone-600">YouTube search needs a YouTube Data API key on the server (YOUTUBE_API_KEY). Ask whoever runs Kindred to set it.</p>;
  return (
    <ConnectForm intent="connect-youtube" formProps={formProps} platform="youtube">
      <p className="text-sm text-stone-600">Kindred searches new YouTube videos for your names and hashtags.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Names and hashtags to search (YouTube)" hint="Separated by commas" {...getInputProps(fields.terms, { type: "text" })} placeholder="Juniper Bakery, #juniperbakery" errors={fields.terms.errors} />
        <Field label="Brand’s own channel handle (left out of results)" {...getInputProps(fields.accountRef, { type: "text" })} placeholder="@juniperbakery" errors={fields.accountRef.errors} />
      </div>
    </ConnectForm>
  );
}
