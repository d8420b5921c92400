import { isTimeZone, zonedInputToUtc } from "#app/utils/format";
import { parseWebUrl } from "#app/utils/urls";
import { z } from "zod";
import { answerFields, type Question } from "../application";
import { audienceFields, checkAudience } from "../audience";
import { checkbox, QuestionRowSchema, whole } from "../program-settings";
import { TIERS, tierFor, type Tier, type TierThresholds } from "../tiers";

export const EVENT_FORMATS = { in_person: "In person", online: "Online" } as const;
export const PRIORITIES = {
  first_come: "First come, first served",
  first_timers: "First-timers first (fans who have not attended one of your events yet)",
  tiers: "Chosen tiers first",
} as const;
export type Priority = keyof typeof PRIORITIES;

export const RSVP_STATUSES = {
  going: "Going",
  maybe: "Maybe",
  not_going: "Not going",
  waitlisted: "On the waitlist",
  offered: "Seat offered",
  expired: "Offer expired",
} as const;
export type RsvpStatus = keyof typeof RSVP_STATUSES;

/** Seats an RSVP holds: going and offered hold one for the fan plus their plus-ones; the rest hold none. */
export function seatsHeld(status: string, plusOnes: number) {
  return status === "going" || status === "offered" ? 1 + plusOnes : 0;
}

export function eventLocation(e: { format: string; venue: string; address: string; city: string }) {
  return e.format === "online" ? "Online" : [e.venue, e.address, e.city].filter(Boolean).join(", ");
}

export type WaitlistEntry = { id: string; waitlistedAt: Date; maxFollowers: number; attendedBefore: boolean; seats: number };
export type PriorityRule = { priority: string; priorityTiers: string };

export function parseTierList(value: string): Tier[] {
  return value
    .split(",")
    .map((t) => t.trim())
    .filter((t): t is Tier => TIERS.includes(t as Tier));
}

/**
 * The waitlist in the order seats are offered: by the event's priority rule, then by when each fan joined the
 * waitlist (earliest first), then by id so the order is stable.
 */
export function orderWaitlist<T extends WaitlistEntry>(entries: T[], rule: PriorityRule, thresholds: TierThresholds): T[] {
  const favoured = parseTierList(rule.priorityTiers);
  const rank = (e: WaitlistEntry) => {
    if (rule.priority === "first_timers") return e.attendedBefore ? 1 : 0;
    if (rule.priority === "tiers") return favoured.includes(tierFor(e.maxFollowers, thresholds)) ? 0 : 1;
    return 0;
  };
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Who gets an offer when `free` seats open: in waitlist order, everyone whose party still fits. */
export function pickOffers<T extends { seats: number }>(ordered: T[], free: number): T[] {
  const picked: T[] = [];
  let left = free;
  for (const e of ordered) {
    if (e.seats <= left) {
      picked.push(e);
      left -= e.seats;
    }
    if (left <= 0) break;
  }
  return picked;
}

const optionalWhole = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), whole(label, min, max).optional());


/**
 * The event form, checked in one pass: every field, and the times together (a start in the past for a new event,
 * an end before the start, RSVPs closing after the start), so every problem shows on the first submit.
 */
export const eventSchema = ({ isNew, now = () => new Date() }: { isNew: boolean; now?: () => Date }) =>
  z
  .object({
    title: z.string({ message: "Give the event a title." }).trim().min(1, "Give the event a title.").max(140, "Keep the title under 140 characters."),
    description: z.string().trim().max(10_000, "Keep the description under 10,000 characters.").default(""),
    format: z.enum(["in_person", "online"], { message: "Choose in person or online." }),
    venue: z.string().trim().max(200).default(""),
    address: z.string().trim().max(300).default(""),
    city: z.string().trim().max(100).default(""),
    onlineUrl: z.string().trim().max(500).default(""),
    timeZone: z.string({ message: "Choose the event's time zone." }).refine(isTimeZone, "Choose a time zone from the list."),
    startsAt: z.string({ message: "Enter when the event starts." }),
    endsAt: z.string({ message: "Enter when the event ends." }),
    rsvpDeadline: z.string().optional(),
    capacity: optionalWhole("Capacity", 1, 100_000),
    maxPlusOnes: whole("Plus-ones", 0, 10).default(0),
    claimHours: whole("The claim window", 1, 168).default(24),
    priority: z.enum(["first_come", "first_timers", "tiers"], { message: "Choose who gets freed seats first." }).default("first_come"),
    priorityTiers: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.enum(TIERS))).default([]),
    questions: z
      .array(z.unknown())
      .default([])
      .transform((rows) => rows.filter((r) => r && typeof r === "object" && Object.entries(r as object).some(([k, v]) => k !== "type" && k !== "id" && v !== undefined && v !== "")))
      .pipe(z.array(QuestionRowSchema).max(10, "Up to 10 questions")),
    publish: checkbox,
    ...audienceFields(true),
  })
  .superRefine(
    (value, ctx) => {
      checkAudience(value, ctx);
      if (value.format === "in_person" && !value.venue && !value.address) ctx.addIssue({ code: "custom", path: ["venue"], message: "Where is it? Give a venue or an address." });
      if (value.format === "online" && !parseWebUrl(value.onlineUrl)) ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "Give the meeting link, starting with https://" });
      if (value.priority === "tiers" && !value.priorityTiers?.length) ctx.addIssue({ code: "custom", path: ["priorityTiers"], message: "Choose the tiers that go first." });
      if (typeof value.startsAt === "string" && typeof value.endsAt === "string" && typeof value.timeZone === "string" && isTimeZone(value.timeZone)) {
        const times = resolveEventTimes(value, zonedInputToUtc, now(), isNew);
        for (const [path, messages] of Object.entries(times.errors ?? {})) ctx.addIssue({ code: "custom", path: [path], message: messages[0] });
      }
    },
    { when: () => true },
  );
export type EventInput = z.infer<ReturnType<typeof eventSchema>>;

type ZoneReader = (value: string, zone: string) => Date | null;

/** Reads start, end and RSVP deadline in the event's zone and checks they make sense together. */
export function resolveEventTimes(input: Pick<EventInput, "startsAt" | "endsAt" | "rsvpDeadline" | "timeZone">, read: ZoneReader, now: Date, isNew: boolean) {
  const errors: Record<string, string[]> = {};
  const startsAt = read(input.startsAt, input.timeZone);
  const endsAt = read(input.endsAt, input.timeZone);
  const rsvpDeadline = input.rsvpDeadline ? read(input.rsvpDeadline, input.timeZone) : null;
  if (!startsAt) errors.startsAt = ["Enter a date and time."];
  else if (isNew && startsAt <= now) errors.startsAt = ["Choose a start in the future."];
  if (!endsAt) errors.endsAt = ["Enter a date and time."];
  else if (startsAt && endsAt <= startsAt) errors.endsAt = ["The end must be after the start."];
  if (input.rsvpDeadline && !rsvpDeadline) errors.rsvpDeadline = ["Enter a date and time, or leave it empty."];
  else if (rsvpDeadline && startsAt && rsvpDeadline > startsAt) errors.rsvpDeadline = ["RSVPs must close before the event starts."];
  return { startsAt, endsAt, rsvpDeadline, errors: Object.keys(errors).length ? errors : null };
}

/** The RSVP form for one event: the answer, plus-ones within the event's cap, the questions, "who's going". */
export function rsvpSchema(questions: Question[], maxPlusOnes: number) {
  return z.discriminatedUnion("status", [
    z.object({ status: z.literal("not_going") }),
    z.object({
      status: z.enum(["going", "maybe"], { message: "Choose going, maybe or not going." }),
      plusOnes: z.coerce
        .number()
        .int()
        .min(0, "Plus-ones can't be negative.")
        .max(maxPlusOnes, maxPlusOnes ? `Bring up to ${maxPlusOnes} ${maxPlusOnes === 1 ? "guest" : "guests"}.` : "This event has no plus-ones.")
        .default(0),
      showInGuestList: checkbox,
      ...answerFields(questions),
    }),
  ]);
}

/** What scanning a ticket at the door of one event found. */
export type ScanResult =
  | { kind: "checked-in"; name: string; plusOnes: number }
  | { kind: "already"; name: string; plusOnes: number; at: Date }
  | { kind: "not-going"; name: string; status: RsvpStatus }
  | { kind: "other-event"; title: string }
  | { kind: "unknown" };

/**
 * The ticket code in what a scanner read: the ticket's QR code holds its check-in address (`…/checkin/<code>`); a code
 * typed or read on its own is accepted too. Anything else is not a ticket.
 */
export function ticketCodeFrom(scanned: string): string | null {
  const text = scanned.trim();
  const CODE = /^[A-Za-z0-9_-]{16,64}$/;
  if (CODE.test(text)) return text;
  const path = URL.canParse(text) ? new URL(text).pathname : "";
  const match = /\/checkin\/([^/]+)\/?$/.exec(path);
  return match && CODE.test(match[1]) ? match[1] : null;
}
