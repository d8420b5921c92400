// The server: Express in front of the Remix build, for security headers, compression, rate limits and the route edge
// (domain errors and machine faults as 404/403/409/503/507). `--dev` serves the same stack over Vite's development
// server (hot reload, developer tools); otherwise it serves the production build.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { parseEnv } from "../app/utils/env.server.ts";
import { checkWriteOrigin } from "../app/utils/http.server.ts";
import { REQUEST_ID_HEADER } from "../app/utils/request-memo.server.ts";
import type { consumeRateLimit } from "../app/utils/rate-limit.server.ts";
import type { withRouteEdge } from "../app/utils/route-edge.server.ts";
import { DEMO_PEOPLE } from "../app/models/demo.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
const dev = process.argv.includes("--dev");
// Without --dev this is the production server, whatever the shell says: React's production build, secure cookies,
// no developer tools (those need DEMO_MODE or the Vite dev server).
process.env.NODE_ENV = dev ? "development" : "production";

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error("Fix the variables above (see the configuration table in README.md) and start again.");
  process.exit(1);
}

/** What app/entry.server.tsx exports for this server, from the build's own modules (its one database client, its own error classes). */
type EntryExtras = { consumeRateLimit: typeof consumeRateLimit; withRouteEdge: typeof withRouteEdge };
const extras = (b: ServerBuild) => b.entry.module as unknown as EntryExtras;
// Every loader and action of the build answers domain errors and machine faults at the route edge.
const atEdge = (b: ServerBuild) => extras(b).withRouteEdge(b);

const vite = dev ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } })) : null;
let build: ServerBuild | (() => Promise<ServerBuild>);
if (vite) {
  build = async () => atEdge((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
} else {
  const buildPath = path.resolve("build/server/index.js");
  if (!existsSync(buildPath)) {
    console.error("No production build found at build/server/index.js. Run `npm run build` first.");
    process.exit(1);
  }
  build = atEdge((await import(pathToFileURL(buildPath).href)) as ServerBuild);
}

const app = express();
app.disable("x-powered-by");
// Behind a proxy (TRUST_PROXY=1 for one hop), take the client address from X-Forwarded-For.
app.set("trust proxy", Number(process.env.TRUST_PROXY ?? 0));

app.use(compression());

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  // The app reads the client address from this header; never accept it from the outside.
  req.headers["x-kindred-client-ip"] = req.ip ?? "unknown";
  // The loaders of one page view share their session and membership lookups under this id (reads only; never
  // taken from the outside).
  delete req.headers[REQUEST_ID_HEADER];
  if (req.method === "GET" || req.method === "HEAD") req.headers[REQUEST_ID_HEADER] = randomUUID();
  next();
});

const httpsOnly = env.APP_URL.startsWith("https://");
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:"],
        fontSrc: ["'self'", "data:"],
        // Vite's hot reload talks over a websocket in development.
        connectSrc: dev ? ["'self'", "ws:"] : ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(httpsOnly ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: httpsOnly ? { maxAge: 15552000, includeSubDomains: true } : false,
  }),
);

// Writes from other sites are refused here, with a reason (Remix would abort them with a 500).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const refusal = checkWriteOrigin(new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []))));
  if (!refusal) return next();
  res.status(refusal.status).type("text/plain").send(refusal.message);
});

// A broad per-client limit on writes; sign-in and forms have their own, tighter limits in the app.
app.use(async (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const result = await extras(typeof build === "function" ? await build() : build).consumeRateLimit("postPerIp", req.ip ?? "unknown");
  if (result.ok) return next();
  res.set("Retry-After", String(result.retryAfterSeconds)).status(429).type("text/plain").send("Too many requests. Please slow down and try again shortly.");
});

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Files at the top (favicon.svg) have an extension; page paths do not, and skip the file-system look-up.
  const topFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? topFiles(req, res, next) : next()));
}

// Pages and data are private to the person signed in: nothing is kept by the browser or a shared proxy, so a shared
// computer shows nothing after sign-out or revoked access. A route that says otherwise (files: private, no-cache
// with revalidation) keeps its own header.
app.use((_req, res, next) => {
  onHeaders(res, () => {
    if (!res.getHeader("Cache-Control")) res.setHeader("Cache-Control", "private, no-store");
  });
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: dev ? "development" : "production",
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Kindred is running at ${env.APP_URL} (port ${env.PORT})`);
  if (env.DEMO_MODE) {
    console.log(`Demo mode: sign in at ${env.APP_URL}/login with one click as`);
    for (const p of DEMO_PEOPLE) console.log(`  ${p.label.padEnd(18)} ${p.name.padEnd(14)} ${p.email}`);
    console.log(`Any other address works too: read its code in ${env.APP_URL}/dev/outbox`);
  }
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
