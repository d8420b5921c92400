// Worker-thread entry of the CSV import: teaches this thread TypeScript (tsx), runs one part of the import and
// posts the result back (see csv-import.server.ts).
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { importPart } = await import("./csv-import-part.server.ts");
parentPort.postMessage(await importPart(workerData));
