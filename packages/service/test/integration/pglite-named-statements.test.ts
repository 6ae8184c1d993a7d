import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteQueryClient } from "../../src/db/pglite-query-client.js";

/** A statement with a parameter of each kind the application binds, and rows of each kind it reads. */
// Dates are read back as text: the wrapped client keeps them as text for drizzle (ADR 0008).
const probe = `select
  $1::timestamptz::text as "at",
  $2::jsonb as "details",
  $3::int8 as "big",
  $4::boolean as "flag",
  $5::text[] as "texts",
  $6::uuid as "id",
  $7::text as "nothing",
  $8::int + 1 as "next"`;
const probeParams = [
  new Date("2030-01-02T03:04:05.678Z"),
  { a: [1, "b"], c: null },
  9007199254740993n,
  true,
  ["x", "y,z"],
  "6f1c8b9e-2f4a-4c1e-9d7a-0b1c2d3e4f50",
  null,
  41,
];

describe("named statements on PGlite", () => {
  let plain: PGlite;
  let wrapped: PGlite;

  beforeAll(async () => {
    [plain, wrapped] = await Promise.all([PGlite.create(), PGlite.create()]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), wrapped.close()]);
  });

  it("return what PGlite's own query returns, in object and array row mode, the first time and after", async () => {
    const client = pgliteQueryClient(wrapped);
    for (const rowMode of ["object", "array"] as const) {
      const expected = await plain.query(probe, probeParams, { rowMode });
      for (let run = 0; run < 3; run++) {
        const result = await client.query(probe, probeParams, { rowMode });
        expect(result.rows).toEqual(expected.rows);
        expect(result.fields).toEqual(expected.fields);
      }
    }
  });

  it("report writes and database errors as PGlite does, and keep working after an error", async () => {
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

  it("run inside a transaction: see its writes, roll back with it, and refuse a closed one", async () => {
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

  it("keep working past the number of statements kept, and after a table is dropped and created again", async () => {
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
