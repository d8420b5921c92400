// Worker-thread entry of the CSV import: teaches this thread TypeScript (tsx), runs (or resumes) the import and
// posts the result back (see csv-import.server.ts and csv-import-run.server.ts).
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runImport } = await import("./csv-import-run.server.ts");
parentPort.postMessage(await runImport(workerData));
