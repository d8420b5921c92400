/** The SQLite database in use: DATABASE_URL, or the embedded default. */
export function databaseUrl() {
  return process.env.DATABASE_URL ?? "file:./data/kindred.db";
}
