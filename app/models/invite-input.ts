import { z } from "zod";

export const MAX_INVITES_PER_BATCH = 500;
/** How long a personal fan invitation link stays valid. */
export const FAN_INVITE_DAYS = 14;
/**
 * The job that emails a fan invitation (defined in fan-invites.server.ts; queued by the invitations page and, in
 * bulk, by the CSV import, which builds its rows from this name and payload without loading the handler).
 */
export const FAN_INVITE_SEND_JOB = "fan-invite.send";
export const fanInviteSendPayload = z.object({ inviteId: z.string(), inviterName: z.string() });

export type InviteEntry = { email: string; name: string | null };
export type InviteLineError = { line: number; text: string; reason: string };

const email = z.email();

/**
 * Reads the "who to invite" box: one person per line (or separated by semicolons), as
 * `ana@example.com`, `Ana Lima <ana@example.com>`, `ana@example.com, Ana Lima` or `Ana Lima, ana@example.com`.
 * Duplicates are dropped; every unreadable line is reported with its number.
 */
export function parseInviteList(text: string): { entries: InviteEntry[]; errors: InviteLineError[] } {
  const entries: InviteEntry[] = [];
  const errors: InviteLineError[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n|;/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    let address: string | undefined;
    let name: string | null = null;
    const angle = line.match(/^(.*)<([^>]+)>\s*$/);
    if (angle) {
      address = angle[2].trim();
      name = angle[1].trim().replace(/^"|"$/g, "") || null;
    } else {
      const parts = line.split(",").map((p) => p.trim()).filter(Boolean);
      const at = parts.findIndex((p) => p.includes("@"));
      if (at >= 0) {
        address = parts[at];
        name = parts.filter((_, i) => i !== at).join(" ") || null;
      }
    }
    if (!address || !email.safeParse(address).success) {
      errors.push({ line: index + 1, text: line.slice(0, 120), reason: "no valid email address" });
      return;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ email: key, name: name ? name.slice(0, 80) : null });
  });
  return { entries, errors };
}
