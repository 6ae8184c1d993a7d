/**
 * The PGlite client drizzle is given: the same database, minus a per-query cost.
 *
 * drizzle's PGlite driver passes its own type parsers (dates, intervals and their arrays left as
 * text, which drizzle's columns then map) with every `query`. PGlite merges them into its table
 * of ~320 parsers for each query (`{...all, ...given}`), and reading rows through that merged
 * object is slow: it made a one-row query take twice as long (0.63 ms against 0.28 ms here, see
 * docs/performance.md). Installing the same parsers on the instance once, and dropping the copy
 * drizzle sends, returns the very same rows.
 *
 * A statement with parameters is also run as a named statement, parsed and planned once per
 * text instead of on every call (pglite-named-statements.ts).
 *
 * drizzle's driver uses only `query` and `transaction` (drizzle-orm/pglite/session.js), so that
 * is all this client offers.
 */
import { type PGlite, types } from "@electric-sql/pglite";
import { canRunNamed, namedStatementRunner } from "./pglite-named-statements.js";

type QueryOptions = NonNullable<Parameters<PGlite["query"]>[2]>;
type Transaction = Parameters<Parameters<PGlite["transaction"]>[0]>[0];

/** A parser that returns PostgreSQL's text as it is. */
export const keepAsText = (value: string) => value;

/** The types drizzle's PGlite driver keeps as text (its `queryConfig.parsers`). */
const textTypes: readonly number[] = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];

export interface PgliteQueryClient {
  query: PGlite["query"];
  transaction: PGlite["transaction"];
}

export function pgliteQueryClient(client: PGlite): PgliteQueryClient {
  // After PGlite.create: its start-up installs parsers for every array type, ours included.
  for (const type of textTypes) client.parsers[type] = keepAsText;
  const named = namedStatementRunner(client);
  return {
    async query<Row>(text: string, params?: unknown[], options?: QueryOptions) {
      const queryOptions = withoutTextParsers(options);
      if (!canRunNamed(params, queryOptions)) return client.query<Row>(text, params, queryOptions);
      // What `query` does around a statement: wait for any open transaction, run one statement
      // at a time, and let the file system catch up afterwards.
      await client._checkReady();
      return client._runExclusiveTransaction(async () => {
        const result = await client._runExclusiveQuery(() =>
          named.run<Row>(text, params ?? [], queryOptions),
        );
        await client.syncToFs();
        return result;
      });
    },
    transaction: (callback) =>
      client.transaction((tx) => {
        // Everything else of the transaction (`rollback`, `closed`, …) is the real one's.
        const query = async <Row>(text: string, params?: unknown[], options?: QueryOptions) => {
          const queryOptions = withoutTextParsers(options);
          if (tx.closed) throw new Error("Transaction is closed");
          return canRunNamed(params, queryOptions)
            ? client._runExclusiveQuery(() => named.run<Row>(text, params ?? [], queryOptions))
            : tx.query<Row>(text, params, queryOptions);
        };
        return callback(Object.assign(Object.create(tx) as Transaction, { query }));
      }),
  };
}

/**
 * Drops `parsers` when they only repeat what the instance already does; any other parser a
 * caller passes is kept, so a query asking for something different still gets it.
 */
export function withoutTextParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  const parsers = options?.parsers;
  if (options === undefined || parsers === undefined) return options;
  const isOnlyTextTypes = Object.keys(parsers).every((type) => textTypes.includes(Number(type)));
  if (!isOnlyTextTypes) return options;
  const { parsers: _repeated, ...rest } = options;
  return rest;
}
