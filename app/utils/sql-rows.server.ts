// Rows written with raw SQL, as Prisma would store them: the one place that knows how each engine keeps a value and
// how a multi-row INSERT is spelled. Used by the bulk session (the CSV import) and by insertRows (fan-outs inside a
// Prisma transaction). Raw rows carry every column they set, ids and createdAt included, since the models' defaults
// are Prisma's, not the tables'.

export type SqlValue = string | number | boolean | Date | null;
export type SqlRow = Record<string, SqlValue>;

/** Prisma's SQLite format for DateTime columns (and booleans as 0/1). */
export function sqliteValue(v: SqlValue) {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

/** PostgreSQL DateTime columns are timestamp(3) without zone holding UTC, as Prisma writes them. */
export const pgValue = (v: SqlValue) => (v instanceof Date ? v.toISOString().replace("Z", "") : v);

/** PostgreSQL takes up to 65,535 parameters per statement. */
const MAX_PG_PARAMS = 60_000;

/** One row's INSERT with ? placeholders (SQLite runs it as a prepared statement, once per row). */
export function insertSql(table: string, columns: readonly string[]) {
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
}

/** PostgreSQL: the rows as multi-row INSERT statements ($n placeholders) with their converted values. */
export function pgInserts(table: string, rows: readonly SqlRow[]): { sql: string; params: SqlValue[] }[] {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(MAX_PG_PARAMS / columns.length));
  const statements: { sql: string; params: SqlValue[] }[] = [];
  for (let from = 0; from < rows.length; from += perStatement) {
    const params: SqlValue[] = [];
    const tuples = rows.slice(from, from + perStatement).map((row) => `(${columns.map((c) => (params.push(pgValue(row[c] ?? null)), `$${params.length}`)).join(", ")})`);
    statements.push({ sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, params });
  }
  return statements;
}
