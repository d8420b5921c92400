// The attendee list as rows for a CSV download.
import { utcToZonedInput } from "#app/utils/format";
import { type Question } from "../application";
import type { BrandScope } from "../scope";
import { getEventForStaff } from "./manage.server";

/** Every RSVP with the fan's answers, one column per question. */
export async function attendeesCsv(scope: BrandScope, eventId: string) {
  const found = await getEventForStaff(scope, eventId);
  if (!found) return null;
  const questions: Question[] = found.event.questions;
  // Times in the event's own zone (what the organizer reads) and in UTC (what other tools read).
  const zone = found.event.timeZone;
  const local = (d: Date | null) => (d ? utcToZonedInput(d, zone).replace("T", " ") : "");
  const header = ["Name", "Email", "City", "RSVP", "Plus-ones", `Checked in at (${zone})`, "Checked in at (UTC)", "No-show", "Walk-in", `Answered at (${zone})`, "Answered at (UTC)", ...questions.map((q) => q.label)];
  const rows = found.rsvps.map((r) => {
    const byLabel = new Map(r.answers.map((a) => [a.label, a.answer]));
    return [
      r.ambassador.name,
      r.ambassador.email,
      r.ambassador.city,
      r.status,
      String(r.plusOnes),
      local(r.checkedInAt),
      r.checkedInAt?.toISOString() ?? "",
      r.noShow ? "yes" : "",
      r.walkIn ? "yes" : "",
      local(r.updatedAt),
      r.updatedAt.toISOString(),
      ...questions.map((q) => byLabel.get(q.label) ?? ""),
    ];
  });
  return { title: found.event.title, rows: [header, ...rows] };
}
