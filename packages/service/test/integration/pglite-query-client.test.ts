import { PGlite, types } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteQueryClient } from "../../src/db/pglite-query-client.js";

/** Every type drizzle's PGlite driver parses itself, and a few it leaves to PGlite. */
const probe = sql`select
  timestamp '2030-01-02 03:04:05.678' as "timestamp",
  timestamptz '2030-01-02 03:04:05.678+00' as "timestamptz",
  interval '1 day 02:03:04' as "interval",
  date '2030-01-02' as "date",
  array[1.5, 2.25]::numeric[] as "numerics",
  array[timestamp '2030-01-02 03:04:05']::timestamp[] as "timestamps",
  array[timestamptz '2030-01-02 03:04:05+00']::timestamptz[] as "timestamptzs",
  array[interval '1 hour']::interval[] as "intervals",
  array[date '2030-01-02']::date[] as "dates",
  '{"a": [1, "b"]}'::jsonb as "jsonb",
  9007199254740993::int8 as "int8",
  true as "bool",
  array['x', 'y']::text[] as "texts"`;

describe("the PGlite client drizzle is given", () => {
  let plain: PGlite;
  let wrapped: PGlite;

  beforeAll(async () => {
    [plain, wrapped] = await Promise.all([PGlite.create(), PGlite.create()]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), wrapped.close()]);
  });

  it("returns the same rows as drizzle on the plain client, in and outside a transaction", async () => {
    const plainDb = drizzle({ client: plain });
    const wrappedDb = drizzle({ client: pgliteQueryClient(wrapped) as PGlite });
    const expected = await plainDb.execute(probe);

    expect((await wrappedDb.execute(probe)).rows).toEqual(expected.rows);
    expect((await wrappedDb.transaction((tx) => tx.execute(probe))).rows).toEqual(expected.rows);
    // drizzle's array mode (every select with fields) goes through the same parsers.
    const fields = sql<string>`${sql.raw("timestamptz '2030-01-02 03:04:05.678+00'")}`;
    expect(await wrappedDb.select({ at: fields }).from(sql`(select 1) as one`)).toEqual(
      await plainDb.select({ at: fields }).from(sql`(select 1) as one`),
    );
  });

  it("still applies parsers a caller asks for beyond drizzle's own", async () => {
    const client = pgliteQueryClient(wrapped);
    const result = await client.query<{ n: string }>("select 41 + 1 as n", [], {
      parsers: { [types.INT4]: (value: string) => `int:${value}` },
    });

    expect(result.rows).toEqual([{ n: "int:42" }]);
  });

  it("rolls a failed transaction back like PGlite does", async () => {
    const client = pgliteQueryClient(wrapped);
    await client.query("create table kept (id int)");
    await expect(
      client.transaction(async (tx) => {
        await tx.query("insert into kept values (1)");
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");

    expect((await client.query("select count(*)::int as n from kept")).rows).toEqual([{ n: 0 }]);
  });
});
