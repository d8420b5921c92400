import { TZDate } from "@date-fns/tz";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant in an IANA time zone, e.g. "Nov 25, 2026, 9:30 AM EST". */
export function formatDateTime(value: string | Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(value));
}

/** The last second of a calendar day ("2026-12-31") in a time zone, as a UTC instant. */
export function endOfDayInZone(isoDate: string, timeZone: string) {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, timeZone).getTime());
}

/** Today's calendar date ("2026-11-25") in a time zone. */
export function todayInZone(timeZone: string, now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
