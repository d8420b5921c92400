import { createEvent } from "ics";
import { eventLocation } from "./events/rules";

type IcsEvent = { id: string; title: string; description: string; startsAt: Date; endsAt: Date; format: string; venue: string; address: string; city: string; onlineUrl: string };

/**
 * An iCalendar file for one event (times in UTC, so every calendar shows them in its own zone). The uid is
 * stable per event, so adding it again after a change updates the calendar entry instead of duplicating it; a
 * cancelled RSVP sends the same uid with METHOD:CANCEL and STATUS:CANCELLED (and a later sequence), which removes
 * the entry from the fan's calendar.
 */
export function buildIcs(event: IcsEvent, url: string, { cancelled = false, now = new Date() } = {}) {
  const location = eventLocation(event);
  const { error, value } = createEvent({
    uid: `event-${event.id}@kindred`,
    productId: "kindred/events",
    title: event.title,
    description: `${event.description.slice(0, 2000)}\n\n${url}`.trim(),
    location,
    url,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    method: cancelled ? "CANCEL" : "PUBLISH",
    // Seconds since 2020: a later file always wins over an earlier one for the same uid.
    sequence: Math.floor((now.getTime() - Date.UTC(2020, 0, 1)) / 1000),
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar file");
  return value;
}

/** A file name for an event's calendar file: "rye-night.ics". */
export function icsFileName(title: string) {
  const base = title.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${base || "event"}.ics`;
}
