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

/** A statement with a parameter of each kind the application binds, and rows of each kind it reads. */
// Dates are read back as text: the wrapped client keeps them as text for drizzle (ADR 0008).
const parameterisedProbe = `select
  $1::timestamptz::text as "at",
  $2::jsonb as "details",
  $3::int8 as "big",
  $4::boolean as "flag",
  $5::text[] as "texts",
  $6::uuid as "id",
  $7::text as "nothing",
  $8::int + 1 as "next"`;
const parameterisedProbeParams = [
  new Date("2030-01-02T03:04:05.678Z"),
  { a: [1, "b"], c: null },
  9007199254740993n,
  true,
  ["x", "y,z"],
  "6f1c8b9e-2f4a-4c1e-9d7a-0b1c2d3e4f50",
  null,
  41,
];

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

  it("runs a statement with parameters as a named statement: the rows and fields PGlite's own query returns, in object and array row mode, the first time and after", async () => {
    const client = pgliteQueryClient(wrapped);
    for (const rowMode of ["object", "array"] as const) {
      const expected = await plain.query(parameterisedProbe, parameterisedProbeParams, { rowMode });
      for (let run = 0; run < 3; run++) {
        const result = await client.query(parameterisedProbe, parameterisedProbeParams, { rowMode });
        expect(result.rows).toEqual(expected.rows);
        expect(result.fields).toEqual(expected.fields);
      }
    }
  });

  it("reports writes and database errors of named statements as PGlite does, and keep working after an error", async () => {
    const client = pgliteQueryClient(wrapped);
    await client.query("create table named_probe (id int primary key, label text)");
    const insert = "insert into named_probe (id, label) values ($1, $2) returning id";
    expect((await client.query(insert, [1, "one"])).affectedRows).toBe(1);
    const duplicate = client.query(insert, [1, "again"]);
    await expect(duplicate).rejects.toMatchObject({ code: "23505" });
    await expect(plain.query("select $1::int / 0", [1])).rejects.toMatchObject({ code: "22012" });
    await expect(client.query("select $1::int / 0", [1])).rejects.toMatchObject({ code: "22012" });
    expect((await client.query("select label from named_probe where id = $1", [1])).rows).toEqual([
      { label: "one" },
    ]);
    await client.query("drop table named_probe");
  });

  it("runs named statements inside a transaction: they see its writes, roll back with it, and a closed one refuses them", async () => {
    const client = pgliteQueryClient(wrapped);
    await client.query("create table named_tx (id int primary key)");
    const count = "select count(*)::int as n from named_tx where id > $1";
    await expect(
      client.transaction(async (tx) => {
        await tx.query("insert into named_tx values ($1)", [1]);
        expect((await tx.query(count, [0])).rows).toEqual([{ n: 1 }]);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect((await client.query(count, [0])).rows).toEqual([{ n: 0 }]);

    let closedTx: Parameters<Parameters<typeof client.transaction>[0]>[0] | undefined;
    await client.transaction(async (tx) => {
      await tx.query("insert into named_tx values ($1)", [2]);
      closedTx = tx;
    });
    expect((await client.query(count, [0])).rows).toEqual([{ n: 1 }]);
    await expect(closedTx?.query(count, [0])).rejects.toThrow("Transaction is closed");
    await client.query("drop table named_tx");
  });

  it("keeps named statements working past the number kept, and after a table is dropped and created again", async () => {
    const client = pgliteQueryClient(wrapped);
    for (let text = 0; text < 520; text++) {
      expect((await client.query(`select $1::int + ${text} as n`, [1])).rows).toEqual([{ n: 1 + text }]);
    }
    expect((await client.query("select $1::int + 0 as n", [5])).rows).toEqual([{ n: 5 }]);

    const select = "select label from named_again where id = $1";
    await client.query("create table named_again (id int, label text)");
    await client.query("insert into named_again values ($1, $2)", [1, "first"]);
    expect((await client.query(select, [1])).rows).toEqual([{ label: "first" }]);
    await client.query("drop table named_again");
    await client.query("create table named_again (id int, label text)");
    await client.query("insert into named_again values ($1, $2)", [1, "second"]);
    expect((await client.query(select, [1])).rows).toEqual([{ label: "second" }]);
    await client.query("drop table named_again");
  });
});
