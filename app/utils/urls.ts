/**
 * A web address people can be sent to: http or https, with a host and no credentials in it. Everything a person types
 * as a link (meeting links, scoop links, tracked-link destinations) goes through this, so `javascript:`, `data:` and
 * look-alikes such as `https://user:pass@host` never become a link in the app.
 */
export function parseWebUrl(value: string | null | undefined): URL | null {
  if (!value || !URL.canParse(value)) return null;
  const u = new URL(value);
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  if (!u.hostname || u.username || u.password) return null;
  return u;
}
