// The PostgreSQL side of the test databases: TEST_POSTGRES_URL names a server and a role that may create
// databases (e.g. postgresql://kindred:kindred@127.0.0.1:5432/postgres); every test database is made on it.
import pg from "pg";

/** The migrated database every test database is cloned from. */
export const PG_TEMPLATE = "kindred_t_template";

export function testPostgresUrl() {
  return process.env.TEST_POSTGRES_URL || null;
}

/** The URL of another database on the test server. */
export function pgDatabaseUrl(database: string) {
  const url = new URL(testPostgresUrl()!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs work on a connection to the server's maintenance database. */
export async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl()! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the template, for one test file or one test server. */
export async function createTestDatabase(name: string) {
  await pgAdmin(async (admin) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE}"`);
        return;
      } catch (error) {
        // Two clones starting at the same moment: "source database is being accessed by other users".
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  return pgDatabaseUrl(name);
}

export async function dropTestDatabase(name: string) {
  await pgAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** An empty database (dropped first if it exists) on the server of serverUrl, for benchmarks and multi-instance tests. */
export async function emptyPostgresDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
