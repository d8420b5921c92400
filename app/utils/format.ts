import { TZDate } from "@date-fns/tz";

const knownZones = new Set<string>();

/** An IANA time zone this runtime knows ("Europe/Paris", "UTC"); the one check for zones from forms and cookies. */
export function isTimeZone(value: string | null | undefined): value is string {
  if (!value || value.length > 64) return false;
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    if (knownZones.size < 1000) knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}

/** The browser's time zone, remembered in a cookie so pages are rendered in it from the start. */
export const VIEWER_ZONE_COOKIE = "kindred_tz";

/** The viewer's zone from a Cookie header, when it holds a valid one. */
export function viewerZoneFrom(cookieHeader: string | null) {
  const m = new RegExp(`(?:^|;\\s*)${VIEWER_ZONE_COOKIE}=([^;]+)`).exec(cookieHeader ?? "");
  const zone = m ? decodeURIComponent(m[1]) : null;
  return isTimeZone(zone) ? zone : null;
}

/** The zone a request's viewer reads times in: theirs when the cookie says, else the fallback (brand or event). */
export function viewerZoneOf(request: Request, fallback: string) {
  return viewerZoneFrom(request.headers.get("Cookie")) ?? fallback;
}

/** Making an Intl formatter costs far more than using one: each kind is made once per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, timeZone: string, options: Intl.DateTimeFormatOptions, locale = "en") {
  const key = `${kind} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Intl's spacing differs between ICU versions: Node writes "6:00\u2009–\u20098:30\u202fPM", Chromium plain spaces.
 * A page rendered on the server and again in the browser must read the same, or React throws the page away
 * (hydration errors) — so every date shown goes out with plain spaces.
 */
function plainSpaces(text: string) {
  return text.replace(/[\u00a0\u2009\u202f]/g, " ");
}

/** Formats an instant in an IANA time zone, e.g. "Nov 25, 2026, 9:30 AM EST". */
export function formatDateTime(value: string | Date, timeZone: string) {
  const f = formatter("dateTime", timeZone, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  return plainSpaces(f.format(new Date(value)));
}

/** The last second of a calendar day ("2026-12-31") in a time zone, as a UTC instant. */
export function endOfDayInZone(isoDate: string, timeZone: string) {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, timeZone).getTime());
}

/** True for a day that exists on the calendar ("2026-02-28"), false for "2026-02-30" or "2026-13-01". */
export function isCalendarDate(value: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's calendar date ("2026-11-25") in a time zone. */
export function todayInZone(timeZone: string, now = new Date()) {
  return formatter("day", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA").format(now);
}

/**
 * A wall-clock time typed into a datetime-local field ("2026-12-05T18:30"), read in a time zone, as a UTC
 * instant. Returns null for anything that is not a valid date and time.
 */
export function zonedInputToUtc(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  if (Number.isNaN(date.getTime()) || date.getDate() !== d) return null;
  return new Date(date.getTime());
}

/** The value a datetime-local field shows for an instant in a time zone ("2026-12-05T18:30"). */
export function utcToZonedInput(value: Date | string, timeZone: string) {
  const parts = Object.fromEntries(
    formatter("input", timeZone, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, "en-CA")
      .formatToParts(new Date(value))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** "Sat, Dec 5, 2026, 6:30 – 9:00 PM EST" style range in one zone. */
export function formatRange(start: Date | string, end: Date | string, timeZone: string) {
  const f = formatter("range", timeZone, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  return plainSpaces(f.formatRange(new Date(start), new Date(end)));
}
