// Compiles what the production server runs besides the Remix build: the Express server (server/index.ts) and the
// CSV import's worker thread, to plain JavaScript in build/server/, so nothing compiles TypeScript at run time.
// Packages stay external (node_modules); the app's own modules are bundled in.
import { build } from "esbuild";

await build({
  entryPoints: { start: "server/index.ts", "csv-import.worker": "app/models/csv-import.worker.ts" },
  outdir: "build/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
