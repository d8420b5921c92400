// Worker-thread entry of the CSV import: runs (or resumes) the import and posts the result back (see
// csv-import.server.ts and csv-import-run.server.ts). The production build compiles it to
// build/server/csv-import.worker.js; from the sources it runs under tsx.
import { parentPort, workerData } from "node:worker_threads";
import { runImport, type RunInput } from "./csv-import-run.server";

parentPort?.postMessage(await runImport(workerData as RunInput));
