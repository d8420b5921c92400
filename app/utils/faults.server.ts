// Faults of the machine rather than of the request — a full disk, a database that cannot be written, one that
// another program keeps locked — answered with a status and a sentence a person can act on, instead of a bare 500.
// The route edge (route-edge.server.ts) applies this to every loader and action.

export type Fault = { status: 503 | 507; message: string };

/** The error as one line of text, for matching and for the log. */
export function describeError(error: unknown): string {
  if (!error || typeof error !== "object") return String(error ?? "");
  const e = error as { message?: unknown; code?: unknown; cause?: unknown; meta?: unknown };
  return [e.message, e.code, e.cause && typeof e.cause === "object" ? JSON.stringify(e.cause) : e.cause, e.meta ? JSON.stringify(e.meta) : ""].map((x) => String(x ?? "")).join(" ");
}

/** The fault behind an error, if it is one of the machine's (null for ordinary bugs and bad input). */
export function machineFault(error: unknown): Fault | null {
  if (error instanceof Response) return null;
  const text = describeError(error);
  if (/SQLITE_FULL|ENOSPC|EDQUOT|database or disk is full|no space left on device/i.test(text)) {
    return { status: 507, message: "The server is out of disk space, so this was not saved. Please try again later; the team running Kindred has to free some space." };
  }
  if (/SQLITE_READONLY|EROFS|readonly database|read-only file system/i.test(text)) {
    return { status: 503, message: "The server cannot write to its database right now, so this was not saved. Please try again in a few minutes." };
  }
  if (/SQLITE_IOERR|SQLITE_CANTOPEN|disk I\/O error|unable to open database/i.test(text)) {
    return { status: 503, message: "The server could not read or write its database, so this was not saved. Please try again in a few minutes." };
  }
  if (/SQLITE_BUSY|database is locked|SocketTimeout/i.test(text)) {
    return { status: 503, message: "The server is busy right now, so this was not saved. Please try again in a moment." };
  }
  return null;
}

export function faultResponse(fault: Fault) {
  return new Response(fault.message, { status: fault.status, statusText: fault.status === 507 ? "Insufficient Storage" : "Service Unavailable", headers: { "Retry-After": "30", "Content-Type": "text/plain; charset=utf-8" } });
}
