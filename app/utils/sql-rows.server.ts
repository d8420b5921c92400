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

/** An INSERT of `rows` rows with ? placeholders (SQLite runs it as a prepared statement). */
export function insertSql(table: string, columns: readonly string[], rows = 1) {
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: rows }, () => tuple).join(", ")}`;
}

/**
 * SQLite: runs the rows through prepared multi-row INSERTs, up to 64 rows a statement (one call into SQLite per 64
 * rows instead of per row; SQLite binds at most 32,766 values a statement).
 */
export function sqliteInsert(prepare: (sql: string) => { run(...params: unknown[]): unknown }, table: string, rows: readonly SqlRow[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const per = Math.max(1, Math.min(64, Math.floor(32_766 / columns.length)));
  for (let from = 0; from < rows.length; from += per) {
    const part = rows.slice(from, from + per);
    const values: unknown[] = [];
    for (const row of part) for (const c of columns) values.push(sqliteValue(row[c] ?? null));
    prepare(insertSql(table, columns, part.length)).run(...values);
  }
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
