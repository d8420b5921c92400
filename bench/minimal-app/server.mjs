// Serves the minimal app's production build: Express, compression, static assets and the Remix handler.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const dir = import.meta.dirname;
const build = await import(pathToFileURL(path.join(dir, "build/server/index.js")).href);
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static(path.join(dir, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT ?? 3900), () => console.log(`minimal app on ${process.env.PORT ?? 3900}`));
