/**
 * Statements on a request's critical path, rendered once instead of on every call.
 *
 * Drizzle renders a query builder into SQL text each time it runs; for a join or a wide row that
 * is 0.2–1 ms of CPU (docs/performance.md, "Session creation"), paid by every API request that
 * needs the statement. A prepared query is rendered once per database handle, with
 * `sql.placeholder(...)` where the values go, and each execution only binds the values. On
 * PostgreSQL it is also a named server-side statement, parsed once per pooled connection.
 *
 * Each statement is prepared on the handle it is first run with and kept as long as that handle
 * lives (a `WeakMap`, so a closed database takes its statements with it). Run inside a
 * transaction, it is prepared for that transaction alone, which costs what an unprepared query
 * costs — use these for statements that run outside transactions.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./open-database.js";

/**
 * `name` becomes the PostgreSQL statement name: unique per statement text, so use one name per
 * call of this function.
 */
export function preparedStatement<Query>(
  name: string,
  prepare: (db: Db, name: string) => Query,
): (db: Db) => Query {
  const prepared = new WeakMap<Db, Query>();
  return (db) => {
    let query = prepared.get(db);
    if (query === undefined) {
      query = prepare(db, name);
      prepared.set(db, query);
    }
    return query;
  };
}

/**
 * A placeholder for each of `keys`, named `<prefix>.<key>`, to prepare an insert of a whole row;
 * {@link bindRow} gives the values to execute it with. They reach the driver as `bindRow` encodes
 * them: drizzle's column encoders would run on a placeholder's value too, and fail on a null.
 */
export function rowPlaceholders<Key extends string>(prefix: string, keys: readonly Key[]): Record<Key, SQL> {
  return Object.fromEntries(keys.map((key) => [key, valuePlaceholder(`${prefix}.${key}`)])) as Record<
    Key,
    SQL
  >;
}

/** A placeholder whose value {@link encodeValue} has encoded (see {@link rowPlaceholders}). */
export function valuePlaceholder(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

/** The values for {@link rowPlaceholders} of the same prefix. */
export function bindRow(prefix: string, row: object): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) bound[`${prefix}.${key}`] = encodeValue(value);
  return bound;
}

/** As drizzle's encoders would: dates as ISO 8601 (timestamptz), objects and arrays as JSON (jsonb). */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" && value !== null ? JSON.stringify(value) : value;
}
