/** The database in use: DATABASE_URL, or the embedded SQLite default. */
export function databaseUrl() {
  return process.env.DATABASE_URL ?? "file:./data/kindred.db";
}

/** PostgreSQL (postgres:// or postgresql://) or the embedded SQLite file (file:…). */
export function isPostgresUrl(url = databaseUrl()) {
  return /^postgres(ql)?:\/\//.test(url);
}
