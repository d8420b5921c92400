// Hiding the recipient's secrets (sign-in codes, invitation and sign-in link tokens) in the copy of a message that
// staff can read in the outbox (docs/decisions/011-secrets-in-mail-and-invitations.md).

export type StoredAttachment = { filename: string; contentType: string; contentId?: string; base64?: string };
export type MessageContent = { subject: string; html: string; text: string; attachments: StoredAttachment[]; headers?: Record<string, string> };

/** What a hidden code or token is replaced with in the outbox. */
export const HIDDEN_SECRET = "••••••";

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text as React's server renderer escapes it, in content and in attribute values. */
export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c]);
}

/**
 * The message with every secret (as typed, HTML-escaped or URL-encoded) replaced by HIDDEN_SECRET, and the
 * private attachments listed without their content.
 */
export function redactContent(content: MessageContent, secrets: string[], privateFiles: ReadonlySet<number> = new Set()): MessageContent {
  const forms = [...new Set(secrets.filter((x) => x.length >= 4).flatMap((x) => [x, escapeHtml(x), encodeURIComponent(x)]))].sort(
    (a, b) => b.length - a.length,
  );
  const hide = (value: string) => forms.reduce((out, secret) => out.replaceAll(secret, HIDDEN_SECRET), value);
  return {
    subject: hide(content.subject),
    html: hide(content.html),
    text: hide(content.text),
    attachments: content.attachments.map((a, i) => (privateFiles.has(i) ? { ...a, base64: undefined } : a)),
    ...(content.headers ? { headers: Object.fromEntries(Object.entries(content.headers).map(([k, v]) => [k, hide(v)])) } : {}),
  };
}

