// The route edge: where what a loader or action threw becomes an HTTP answer. Domain errors from the models become
// 404/403/409 with their sentence; faults of the machine (full disk, locked database) become 507/503 with one a
// person can act on. Applied once, to the whole server build, by the server (server/index.ts) in development and
// production alike; tests go through the same translation (tests/utils.ts).
import type { ServerBuild } from "@remix-run/node";
import { Conflict, DomainError, Forbidden, NotFound } from "../models/errors";
import { describeError, faultResponse, machineFault } from "./faults.server";

const DOMAIN_STATUS = new Map<Function, [number, string]>([
  [NotFound, [404, "Not Found"]],
  [Forbidden, [403, "Forbidden"]],
  [Conflict, [409, "Conflict"]],
]);

/** The answer for something a handler threw, or null when it is a bug (left to Remix's 500 and its log). */
export function edgeResponse(error: unknown): Response | null {
  if (error instanceof DomainError) {
    const [status, statusText] = DOMAIN_STATUS.get(error.constructor) ?? [400, "Bad Request"];
    return new Response(error.message, { status, statusText, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const fault = machineFault(error);
  if (!fault) return null;
  console.error(`[fault] ${fault.status}: ${describeError(error).slice(0, 500)}`);
  return faultResponse(fault);
}

type Handler = ((args: never) => unknown) | undefined;

function atEdge<T extends Handler>(handler: T): T {
  if (!handler) return handler;
  return (async (args: never) => {
    try {
      return await (handler as (a: never) => unknown)(args);
    } catch (error) {
      throw edgeResponse(error) ?? error;
    }
  }) as T;
}

/**
 * The server build with every loader and action answering domain errors and machine faults as a thrown Response, so
 * the route's error page shows the sentence with its status, on page loads and client-side submissions alike.
 */
export function withRouteEdge(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: { ...route.module, loader: atEdge(route.module.loader), action: atEdge(route.module.action) } }]),
  );
  return { ...build, routes } as ServerBuild;
}
