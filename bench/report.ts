// Every benchmark reports its measurements here: printed as it goes, and (when BENCH_RESULTS names a file, as
// `npm run bench` does) appended for the summary table.
import { appendFileSync } from "node:fs";

export type Measurement = { measurement: string; result: string; target: string; met: boolean | null };

export function report(m: Measurement) {
  console.log(`${m.measurement}: ${m.result} (target ${m.target}${m.met === null ? "" : m.met ? ", met" : ", NOT met"})`);
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify(m)}\n`);
}
