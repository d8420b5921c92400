import { parseWebUrl } from "#app/utils/urls";
import { z } from "zod";
import { audienceFields, checkAudience } from "../audience";

/** Where a scoop is in its life: not yet visible, visible under embargo, or free to share. */
export type ScoopState = "draft" | "scheduled" | "embargoed" | "shareable";

export function scoopState(s: { publishAt: Date | string | null; embargoUntil: Date | string | null }, now = new Date()): ScoopState {
  if (!s.publishAt) return "draft";
  if (new Date(s.publishAt) > now) return "scheduled";
  if (s.embargoUntil && new Date(s.embargoUntil) > now) return "embargoed";
  return "shareable";
}

/** A fan may read the body of an embargoed scoop only after acknowledging the embargo. */
export function mustAcknowledge(s: { publishAt: Date | string | null; embargoUntil: Date | string | null }, acknowledgedAt: Date | string | null | undefined, now = new Date()) {
  return scoopState(s, now) === "embargoed" && !acknowledgedAt;
}

export const STATE_LABELS: Record<ScoopState, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  embargoed: "Published · under embargo",
  shareable: "Published",
};

export type ScoopLink = { label: string; url: string };

/** "Label https://…" or a bare URL per line. */
export function parseLinks(text: string): { links: ScoopLink[]; errors: string[] } {
  const links: ScoopLink[] = [];
  const errors: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
    if (!m || !parseWebUrl(m[2])) {
      errors.push(`Line ${i + 1}: “${line.slice(0, 60)}” needs a web address starting with https://`);
      continue;
    }
    links.push({ label: m[1].replace(/[-–:|]\s*$/, "").trim() || new URL(m[2]).hostname, url: m[2] });
  }
  return { links, errors };
}

/** Cross-field checks run even when a field is missing, so every message shows at once. */
const ALWAYS = { when: () => true };

export const PUBLISH_MODES = { draft: "Save as a draft", now: "Publish now", later: "Publish at a set time" } as const;

export const ScoopSchema = z
  .object({
    title: z.string({ message: "Give the scoop a title." }).trim().min(1, "Give the scoop a title.").max(140, "Keep the title under 140 characters."),
    body: z.string({ message: "Write what the scoop is about." }).trim().min(1, "Write what the scoop is about.").max(20_000, "Keep the text under 20,000 characters."),
    guidance: z.string().trim().max(4000, "Keep the guidance under 4,000 characters.").default(""),
    links: z.string().max(10_000).default(""),
    publishMode: z.enum(["draft", "now", "later"], { message: "Choose when to publish." }),
    publishAt: z.string().optional(),
    embargo: z.boolean().default(false),
    embargoUntil: z.string().optional(),
    removeUploads: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string())).default([]),
    ...audienceFields(false),
  })
  .superRefine((value, ctx) => {
    checkAudience(value, ctx);
    const { errors } = parseLinks(value.links ?? "");
    if (errors.length) ctx.addIssue({ code: "custom", path: ["links"], message: errors.join(" ") });
    if (value.publishMode === "later" && !value.publishAt) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose when to publish." });
    if (value.embargo && !value.embargoUntil) ctx.addIssue({ code: "custom", path: ["embargoUntil"], message: "Choose when the embargo lifts." });
  }, ALWAYS);
export type ScoopInput = z.infer<typeof ScoopSchema>;

type TimeFields = { publishMode: "draft" | "now" | "later"; publishAt?: string; embargo: boolean; embargoUntil?: string };
type ZoneReader = (value: string) => Date | null;

/**
 * Turns the form's wall-clock times (read in the brand's zone) into instants and checks the embargo rules:
 * a scheduled time is in the future, and an embargo lifts after the scoop is published.
 * An already-published scoop keeps its publish time when saved again with "now".
 */
export function resolveScoopTimes(input: TimeFields, readZoned: ZoneReader, now: Date, alreadyPublishedAt?: Date | null) {
  const errors: Record<string, string[]> = {};
  let publishAt: Date | null = null;
  if (input.publishMode === "now") publishAt = alreadyPublishedAt && alreadyPublishedAt <= now ? alreadyPublishedAt : now;
  if (input.publishMode === "later") {
    publishAt = readZoned(input.publishAt ?? "");
    if (!publishAt) errors.publishAt = ["Enter a date and time."];
    else if (publishAt <= now) errors.publishAt = ["Choose a time in the future, or publish now."];
  }
  let embargoUntil: Date | null = null;
  if (input.embargo) {
    embargoUntil = readZoned(input.embargoUntil ?? "");
    if (!embargoUntil) errors.embargoUntil = ["Enter a date and time."];
    else if (embargoUntil <= (publishAt ?? now)) errors.embargoUntil = ["The embargo must lift after the scoop is published."];
  }
  return { publishAt, embargoUntil, errors: Object.keys(errors).length ? errors : null };
}
