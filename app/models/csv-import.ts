import { z } from "zod";

export const IMPORT_PLATFORMS = ["instagram", "tiktok", "youtube", "x", "threads", "bluesky"] as const;
type ImportPlatform = (typeof IMPORT_PLATFORMS)[number];

export const IMPORT_FIELDS = {
  ignore: "Don't import",
  email: "Email",
  name: "Full name",
  firstName: "First name",
  lastName: "Last name",
  city: "City",
  region: "Region / province",
  tags: "Tags",
  ...Object.fromEntries(IMPORT_PLATFORMS.flatMap((p) => [[p, `${label(p)} handle`], [`${p}Followers`, `${label(p)} followers`]])),
} as Record<string, string>;

function label(p: ImportPlatform) {
  return { instagram: "Instagram", tiktok: "TikTok", youtube: "YouTube", x: "X", threads: "Threads", bluesky: "Bluesky" }[p];
}

export type Mapping = Record<number, string>;

const SYNONYMS: [RegExp, string][] = [
  [/^(e-?mail|email address|e-mail address|courriel)$/, "email"],
  [/^(name|full name|fullname|customer name|contact name)$/, "name"],
  [/^(first name|firstname|given name|first)$/, "firstName"],
  [/^(last name|lastname|surname|family name|last)$/, "lastName"],
  [/^(city|town|ville)$/, "city"],
  [/^(region|province|state|prov)$/, "region"],
  [/^(tags?|labels?|segments?|groups?)$/, "tags"],
  [/^(ig|insta|instagram)( handle| username| account)?$/, "instagram"],
  [/^(ig|insta|instagram) (followers|follower count)$/, "instagramFollowers"],
  [/^(tiktok|tt)( handle| username)?$/, "tiktok"],
  [/^(tiktok|tt) (followers|follower count)$/, "tiktokFollowers"],
  [/^(youtube|yt)( handle| channel)?$/, "youtube"],
  [/^(youtube|yt) (followers|subscribers)$/, "youtubeFollowers"],
  [/^(x|twitter)( handle| username)?$/, "x"],
  [/^(x|twitter) followers$/, "xFollowers"],
  [/^threads( handle)?$/, "threads"],
  [/^threads followers$/, "threadsFollowers"],
  [/^(bluesky|bsky)( handle)?$/, "bluesky"],
  [/^(bluesky|bsky) followers$/, "blueskyFollowers"],
];

/** A first guess of which column is which, from the header names; unknown columns are ignored. */
export function guessMapping(headers: string[]): Mapping {
  const used = new Set<string>();
  const mapping: Mapping = {};
  headers.forEach((h, i) => {
    const norm = h.trim().toLowerCase().replace(/[_.]+/g, " ").replace(/\s+/g, " ");
    const hit = SYNONYMS.find(([re, field]) => re.test(norm) && !used.has(field));
    mapping[i] = hit ? hit[1] : "ignore";
    if (hit) used.add(hit[1]);
  });
  return mapping;
}

export type ImportedFan = {
  email: string;
  name: string;
  city: string;
  region: string;
  tags: string[];
  accounts: { platform: ImportPlatform; handle: string; followers: number }[];
};

/** A row becomes a fan (perhaps with notes on what was skipped), or is refused with the reason. */
export type RowResult = { ok: true; fan: ImportedFan; warnings: string[] } | { ok: false; reason: string };

const emailSchema = z.email();
export const MAX_FOLLOWERS = 2_000_000_000;

/** "12,400", "12 400", "12.4k", "1.2M" -> a whole number; an empty cell is 0. */
export function parseFollowers(raw: string): number | null {
  const s = raw.trim().replace(/[\s,_']/g, "").toLowerCase();
  if (!s) return 0;
  const m = s.match(/^(\d+(?:\.\d+)?)([km])?$/);
  if (!m) return null;
  const n = Number(m[1]) * (m[2] === "k" ? 1_000 : m[2] === "m" ? 1_000_000 : 1);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/** "@ana", "instagram.com/ana/", "https://www.tiktok.com/@ana?lang=en" -> "ana" */
export function cleanHandle(raw: string) {
  let h = raw.trim();
  if (!h) return "";
  try {
    if (/^https?:\/\//i.test(h) || /\.(com|net|app|social)\//i.test(h)) {
      const url = new URL(/^https?:\/\//i.test(h) ? h : `https://${h}`);
      h = url.pathname.split("/").filter(Boolean)[0] ?? h;
    }
  } catch {
    // not a URL: keep as typed
  }
  return h.replace(/^@/, "").slice(0, 100);
}

/** The uploaded file goes when its import ends; the rows with problems are kept this long for fixing. */
export const REJECTS_KEEP_DAYS = 30;
/** More columns than this is not a list of fans (and would make a mapping page nobody can use). */
export const MAX_IMPORT_COLUMNS = 200;

/** The cell a field is mapped to, as typed (a cell Kindred's own CSV writer protected, '@handle, reads back as typed). */
export function mappedCell(record: string[], mapping: Mapping, field: string) {
  const i = columnOf(mapping, field);
  return i === undefined ? "" : (record[i] ?? "").trim().replace(/^'(?=[=+\-@\t\r])/, "");
}

// Which column holds each field, worked out once per mapping (an import asks it ~20 times a row).
const columns = new WeakMap<Mapping, Map<string, number>>();
function columnOf(mapping: Mapping, field: string) {
  let byField = columns.get(mapping);
  if (!byField) {
    byField = new Map();
    for (const [i, f] of Object.entries(mapping)) if (!byField.has(f)) byField.set(f, Number(i));
    columns.set(mapping, byField);
  }
  return byField.get(field);
}

/** What is wrong with a follower count as typed, or null when it reads as a number. */
function followerProblem(platform: ImportPlatform, raw: string) {
  const shown = raw.slice(0, 30);
  if (/^-\s*\d/.test(raw.trim())) return `${label(platform)} followers ${shown} is negative`;
  const n = parseFollowers(raw);
  if (n === null) return `${label(platform)} followers "${shown}" is not a number`;
  if (n > MAX_FOLLOWERS) return `${label(platform)} followers ${shown} is larger than any real account`;
  return null;
}

/**
 * Turns one CSV record into a fan, or says exactly what is wrong with it. Only a missing or invalid email refuses
 * the row; a follower count that can't be read is skipped (the account is kept, without a count) and reported.
 */
export function mapRow(record: string[], mapping: Mapping): RowResult {
  const get = (field: string) => mappedCell(record, mapping, field);
  const email = get("email").toLowerCase();
  if (!email) return { ok: false, reason: "missing email" };
  if (!emailSchema.safeParse(email).success) return { ok: false, reason: `invalid email "${email.slice(0, 80)}"` };
  const name = (get("name") || [get("firstName"), get("lastName")].filter(Boolean).join(" ") || email.split("@")[0]).slice(0, 80);
  const accounts: ImportedFan["accounts"] = [];
  const warnings: string[] = [];
  for (const p of IMPORT_PLATFORMS) {
    const handle = cleanHandle(get(p));
    const rawFollowers = get(`${p}Followers`);
    const problem = followerProblem(p, rawFollowers);
    if (problem && (handle || rawFollowers)) warnings.push(`${problem}; imported without it`);
    if (handle) accounts.push({ platform: p, handle, followers: problem ? 0 : parseFollowers(rawFollowers)! });
  }
  const tags = [...new Set(get("tags").split(/[,|;]/).map((t) => t.trim().toLowerCase().replace(/\s+/g, "-").replace(/[^a-z0-9-]/g, "")).filter(Boolean))].slice(0, 20);
  return { ok: true, fan: { email, name, city: get("city").slice(0, 80), region: get("region").slice(0, 80), tags, accounts }, warnings };
}

/** Which delimiter a file uses, judged from its first line: comma, semicolon or tab. */
export function detectDelimiter(firstLine: string) {
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ",";
}
