// After the browser tests: any error the server logged fails the run, even when every assertion passed.
import { existsSync, readFileSync } from "node:fs";

export default function teardown() {
  const file = "tmp/e2e/server-errors.log";
  const log = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (log) throw new Error(`The server logged errors during the browser tests:\n${log.slice(0, 4000)}`);
}
