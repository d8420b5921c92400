// Runs every test: unit and integration (vitest) on SQLite and again on PostgreSQL, then the browser journeys
// (Playwright) against a fresh production build on SQLite, and the journeys tagged @postgres on PostgreSQL.
// Prints one closing line "N passed, N failed" summed over every run.
// PostgreSQL: TEST_POSTGRES_URL (a role that may create databases), or a local server that
// scripts/test-postgres.sh starts and prepares.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

mkdirSync("tmp/reports", { recursive: true });
const reports = { unit: "tmp/reports/unit.json", unitPg: "tmp/reports/unit-postgres.json", e2e: "tmp/reports/e2e.json", e2ePg: "tmp/reports/e2e-postgres.json" };
for (const f of Object.values(reports)) rmSync(f, { force: true });
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const bin = (name) => `node_modules/.bin/${name}`;
const vitest = (report, env) => run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);

let postgresUrl = process.env.TEST_POSTGRES_URL;
let postgresProblem = null;
if (!postgresUrl) {
  try {
    postgresUrl = execFileSync("bash", ["scripts/test-postgres.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  } catch {
    postgresProblem = "no PostgreSQL server for the tests (set TEST_POSTGRES_URL, or run as root where PostgreSQL 15 is installed)";
  }
}

const exits = {};
exits["unit/integration (SQLite)"] = vitest(reports.unit, { TEST_POSTGRES_URL: "" });
if (postgresUrl) {
  console.log("\n── The same suite on PostgreSQL ──\n");
  exits["unit/integration (PostgreSQL)"] = vitest(reports.unitPg, { TEST_POSTGRES_URL: postgresUrl });
}
exits.build = run("npm", ["run", "build", "--silent"], { NODE_ENV: "production" });
if (exits.build === 0) {
  exits["browser (SQLite)"] = run(bin("playwright"), ["test"], { E2E_DATABASE_URL: "" });
  if (postgresUrl) {
    console.log("\n── Browser journeys on PostgreSQL ──\n");
    const e2eUrl = await freshDatabase(postgresUrl, "kindred_e2e");
    exits["browser (PostgreSQL)"] = run(bin("playwright"), ["test", "--grep", "@postgres", "--project", "desktop"], {
      E2E_DATABASE_URL: e2eUrl,
      PLAYWRIGHT_JSON_OUTPUT: reports.e2ePg,
    });
  }
}

/** Drops and creates a database on the test server; returns its URL. */
async function freshDatabase(serverUrl, name) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let passed = 0;
let failed = 0;
for (const file of [reports.unit, reports.unitPg]) {
  if (!existsSync(file)) continue;
  const unit = JSON.parse(readFileSync(file, "utf8"));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
for (const file of [reports.e2e, reports.e2ePg]) {
  if (!existsSync(file)) continue;
  const e2e = JSON.parse(readFileSync(file, "utf8"));
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
}
const problems = Object.entries(exits).filter(([, code]) => code !== 0).map(([name]) => name);
if (postgresProblem) problems.push(postgresProblem);
if (problems.length && failed === 0) failed = problems.length; // a runner that crashed counts as a failure
if (problems.length) console.error(`Failing: ${problems.join("; ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length ? 1 : 0);
