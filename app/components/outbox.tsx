import { Fragment } from "react";
import { Link } from "@remix-run/react";
import { HIDDEN_SECRET } from "#app/utils/redaction";
import { LocalTime } from "#app/components/local-time";
import { TableHead } from "./table";
import { BackLink } from "./back-link";

type Row = { id: string; to: string; subject: string; template: string; status: string; error: string | null; createdAt: string | Date; attempts: number };

const STATUS: Record<string, { label: string; className: string }> = {
  sent: { label: "Sent", className: "bg-emerald-100 text-emerald-800" },
  queued: { label: "Sending", className: "bg-sky-100 text-sky-800" },
  failed: { label: "Failed — retrying", className: "bg-red-100 text-red-800" },
  skipped: { label: "Not sent — no provider configured", className: "bg-stone-200 text-stone-700" },
};

export function OutboxStatus({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, className: "bg-stone-100" };
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${s.className}`}>{s.label}</span>;
}

export function OutboxTable({ messages, timeZone, basePath }: { messages: Row[]; timeZone: string; basePath: string }) {
  if (!messages.length) {
    return <p className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">No messages yet.</p>;
  }
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <TableHead columns={["When", "To", "Subject", "Status"]} cell="px-4 py-2 font-medium" />
        <tbody className="divide-y divide-stone-100">
          {messages.map((m) => (
            <tr key={m.id} data-testid="outbox-row">
              <td className="whitespace-nowrap px-4 py-2 text-stone-600"><LocalTime value={m.createdAt} zone={timeZone} /></td>
              <td className="px-4 py-2">{m.to}</td>
              <td className="px-4 py-2">
                <Link to={`${basePath}/${m.id}`} className="text-violet-700 underline">{m.subject}</Link>
                <span className="block text-xs text-stone-500">{m.template}</span>
              </td>
              <td className="px-4 py-2">
                <OutboxStatus status={m.status} />
                {m.status === "failed" && m.error ? <span className="block text-xs text-red-700">{m.error}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Message = Row & {
  from: string;
  html: string;
  text: string;
  sentAt: string | Date | null;
  providerId: string | null;
  attachments: { filename: string; contentId?: string; size: number | null; href: string | null }[];
  /** the recipient's codes and private links are hidden in this copy */
  hidden: boolean;
  headers: Record<string, string>;
};

export function OutboxMessageView({ message, timeZone, backTo }: { message: Message; timeZone: string; backTo: string }) {
  return (
    <article className="space-y-4">
      <BackLink to={backTo}>Back to the outbox</BackLink>
      <h1 className="text-xl font-bold">{message.subject}</h1>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-stone-500">To</dt>
        <dd>{message.to}</dd>
        <dt className="text-stone-500">From</dt>
        <dd>{message.from}</dd>
        <dt className="text-stone-500">Created</dt>
        <dd><LocalTime value={message.createdAt} zone={timeZone} /></dd>
        <dt className="text-stone-500">Status</dt>
        <dd>
          <OutboxStatus status={message.status} />
          {message.error ? <span className="ml-2 text-stone-600">{message.error}</span> : null}
        </dd>
        <dt className="text-stone-500">Template</dt>
        <dd>{message.template}</dd>
        {Object.entries(message.headers).map(([name, value]) => (
          <Fragment key={name}>
            <dt className="text-stone-500">{name}</dt>
            <dd className="break-all font-mono text-xs" data-testid="email-header">
              {value}
            </dd>
          </Fragment>
        ))}
        {message.attachments.length ? (
          <>
            <dt className="text-stone-500">Attached</dt>
            <dd>
              <ul>
                {message.attachments.map((a) => (
                  <li key={a.filename}>
                    {a.href && a.size !== null ? (
                      <>
                        <a href={a.href} download={a.filename} className="text-violet-700 underline">
                          {a.filename}
                        </a>{" "}
                        <span className="text-stone-500">
                          ({Math.max(1, Math.round(a.size / 1024))} KB{a.contentId ? ", shown in the message" : ""})
                        </span>
                      </>
                    ) : (
                      <span>
                        {a.filename} <span className="text-stone-500">(for the recipient only — not shown here)</span>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {message.hidden ? (
        <p className="rounded-md border border-stone-200 bg-stone-50 p-3 text-sm text-stone-700" data-testid="secrets-hidden">
          Codes and links that only the recipient can use are hidden here (shown as {HIDDEN_SECRET}). The recipient's copy has them.
        </p>
      ) : null}
      <iframe title="Email content" sandbox="" srcDoc={message.html} className="h-[36rem] w-full rounded-lg border border-stone-200 bg-white" />
      <details>
        <summary className="cursor-pointer text-sm font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="email-text">
          {message.text}
        </pre>
      </details>
    </article>
  );
}
