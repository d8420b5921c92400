import { createEvent } from "ics";
import { eventLocation } from "./events";

type IcsEvent = { id: string; title: string; description: string; startsAt: Date; endsAt: Date; format: string; venue: string; address: string; city: string; onlineUrl: string };

/**
 * An iCalendar file for one event (times in UTC, so every calendar shows them in its own zone). The uid is
 * stable per event, so adding it again after a change updates the calendar entry instead of duplicating it.
 */
export function buildIcs(event: IcsEvent, url: string) {
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
    status: "CONFIRMED",
  });
  if (error || !value) throw error ?? new Error("Could not build the calendar file");
  return value;
}
