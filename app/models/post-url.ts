/**
 * Recognizes the platform and the post id from a link a fan pastes, so the same post submitted twice (from a
 * phone share sheet, a desktop address bar, a short link) is one post. Unknown sites are "web", keyed by the
 * address without tracking parameters.
 */
export const PLATFORMS = {
  instagram: "Instagram",
  tiktok: "TikTok",
  youtube: "YouTube",
  x: "X (Twitter)",
  threads: "Threads",
  bluesky: "Bluesky",
  facebook: "Facebook",
  linkedin: "LinkedIn",
  pinterest: "Pinterest",
  web: "Web",
} as const;
export type Platform = keyof typeof PLATFORMS;

export type RecognizedPost = { platform: Platform; externalId: string; kind: "post" | "story"; url: string };

const TRACKING = /^(utm_\w+|fbclid|gclid|igsh|igshid|si|s|t|ref|ref_src|ref_url|mibextid|share_id|_r|feature|is_from_webapp|sender_device|web_id)$/i;

function hostIs(host: string, ...domains: string[]) {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

export function recognizePostUrl(input: string): RecognizedPost | { error: string } {
  let raw = input.trim();
  if (!raw) return { error: "Paste the link to the post." };
  if (!/^https?:\/\//i.test(raw)) raw = `https://${raw}`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { error: "That doesn't look like a link. Copy it from the post's share menu." };
  }
  if (!["http:", "https:"].includes(u.protocol) || !u.hostname.includes(".")) return { error: "That doesn't look like a link. Copy it from the post's share menu." };
  const host = u.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, "");
  const parts = u.pathname.split("/").filter(Boolean);
  const at = (i: number) => parts[i] ?? "";
  const found = (platform: Platform, externalId: string, kind: "post" | "story" = "post"): RecognizedPost => ({ platform, externalId, kind, url: u.toString() });

  if (hostIs(host, "instagram.com", "instagr.am")) {
    if (at(0) === "stories" && at(2)) return found("instagram", `story:${at(2)}`, "story");
    const i = parts.findIndex((p) => ["p", "reel", "reels", "tv"].includes(p));
    if (i >= 0 && parts[i + 1]) return found("instagram", parts[i + 1]);
    return { error: "This Instagram link is not a post or reel. Open the post and use Share → Copy link." };
  }
  if (hostIs(host, "tiktok.com")) {
    const i = parts.findIndex((p) => p === "video" || p === "photo");
    if (i >= 0 && /^\d+$/.test(parts[i + 1] ?? "")) return found("tiktok", parts[i + 1]);
    if (at(0) === "v" && /^\d+(\.html)?$/.test(at(1))) return found("tiktok", at(1).replace(".html", ""));
    if (host === "vm.tiktok.com" || host === "vt.tiktok.com") return at(0) ? found("tiktok", `short:${at(0)}`) : { error: "This TikTok link is incomplete." };
    if (at(0) === "t" && at(1)) return found("tiktok", `short:${at(1)}`);
    return { error: "This TikTok link is not a video. Use Share → Copy link on the video." };
  }
  if (hostIs(host, "youtube.com", "youtu.be", "youtube-nocookie.com")) {
    const id = host === "youtu.be" ? at(0) : u.searchParams.get("v") ?? (["shorts", "embed", "live", "v"].includes(at(0)) ? at(1) : "");
    if (id && /^[\w-]{6,}$/.test(id)) return found("youtube", id);
    return { error: "This YouTube link is not a video or a short." };
  }
  if (hostIs(host, "twitter.com", "x.com")) {
    const i = parts.indexOf("status");
    if (i >= 0 && /^\d+$/.test(parts[i + 1] ?? "")) return found("x", parts[i + 1]);
    return { error: "This X link is not a post. Open the post and copy its link." };
  }
  if (hostIs(host, "threads.net", "threads.com")) {
    const i = parts.indexOf("post");
    if (i >= 0 && parts[i + 1]) return found("threads", parts[i + 1]);
    return { error: "This Threads link is not a post." };
  }
  if (hostIs(host, "bsky.app")) {
    if (at(0) === "profile" && at(2) === "post" && at(3)) return found("bluesky", `${at(1).toLowerCase()}/${at(3)}`);
    return { error: "This Bluesky link is not a post." };
  }
  if (hostIs(host, "facebook.com", "fb.com", "fb.watch")) {
    if (host === "fb.watch") return at(0) ? found("facebook", `short:${at(0)}`) : { error: "This Facebook link is incomplete." };
    const fbid = u.searchParams.get("story_fbid") ?? u.searchParams.get("fbid") ?? (at(0) === "watch" ? u.searchParams.get("v") : null);
    if (fbid) return found("facebook", fbid);
    for (const key of ["posts", "videos", "reel", "photos"]) {
      const i = parts.indexOf(key);
      const id = i >= 0 ? parts[parts.length - 1] : "";
      if (id && id !== key) return found("facebook", id);
    }
    if (at(0) === "share" && at(2)) return found("facebook", `share:${at(1)}:${at(2)}`);
    return { error: "This Facebook link is not a post. Use the post's Share → Copy link." };
  }
  if (hostIs(host, "linkedin.com")) {
    const activity = /activity[:-](\d{10,})/.exec(decodeURIComponent(u.pathname));
    if (activity) return found("linkedin", activity[1]);
    return { error: "This LinkedIn link is not a post." };
  }
  if (hostIs(host, "pinterest.com", "pin.it") || /(^|\.)pinterest\.[a-z.]+$/.test(host)) {
    if (host === "pin.it") return at(0) ? found("pinterest", `short:${at(0)}`) : { error: "This Pinterest link is incomplete." };
    const i = parts.indexOf("pin");
    if (i >= 0 && parts[i + 1]) return found("pinterest", parts[i + 1].replace(/^.*--/, ""));
    return { error: "This Pinterest link is not a pin." };
  }
  // Any other site: the address itself, without tracking parameters, fragment or trailing slash.
  const clean = new URL(u.toString());
  clean.hash = "";
  for (const key of [...clean.searchParams.keys()]) if (TRACKING.test(key)) clean.searchParams.delete(key);
  clean.hostname = clean.hostname.toLowerCase();
  const id = `${clean.hostname.replace(/^www\./, "")}${clean.pathname.replace(/\/+$/, "")}${clean.search}`;
  return found("web", id);
}
