// Runs every test: unit and integration (vitest), then the browser journeys (Playwright) against a fresh
// production build. Prints one closing line "N passed, N failed" summed over both runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("tmp/reports", { recursive: true });
for (const f of ["tmp/reports/unit.json", "tmp/reports/e2e.json"]) rmSync(f, { force: true });
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const bin = (name) => `node_modules/.bin/${name}`;

const unitExit = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=tmp/reports/unit.json"]);
const buildExit = run("npm", ["run", "build", "--silent"], { NODE_ENV: "production" });
const e2eExit = buildExit === 0 ? run(bin("playwright"), ["test"]) : 1;

let passed = 0;
let failed = 0;
if (existsSync("tmp/reports/unit.json")) {
  const unit = JSON.parse(readFileSync("tmp/reports/unit.json", "utf8"));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (existsSync("tmp/reports/e2e.json")) {
  const e2e = JSON.parse(readFileSync("tmp/reports/e2e.json", "utf8"));
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
}
const problems = [unitExit && "unit/integration", buildExit && "build", e2eExit && "browser"].filter(Boolean);
if (problems.length && failed === 0) failed = problems.length; // a runner that crashed counts as a failure
if (problems.length) console.error(`Failing: ${problems.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length ? 1 : 0);
