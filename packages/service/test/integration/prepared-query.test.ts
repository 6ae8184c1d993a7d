import { eq, sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import type { Db } from "../../src/db/open-database.js";
import { bindRow, preparedStatement, rowPlaceholders } from "../../src/db/prepared-query.js";
import { describeEachEngine, type TestEngine } from "../support/engines.js";

/** A table of every kind of value the prepared statements bind; created and dropped here. */
const probes = pgTable("prepared_query_probes", {
  id: integer("id").primaryKey(),
  label: text("label"),
  at: timestamp("at", { withTimezone: true, mode: "date" }),
  isOn: boolean("is_on").notNull(),
  details: jsonb("details").$type<unknown>(),
});

const insertProbe = preparedStatement("insert_prepared_query_probe", (db, name) =>
  db
    .insert(probes)
    .values(rowPlaceholders("probe", ["id", "label", "at", "isOn", "details"] as const))
    .returning()
    .prepare(name),
);
const findProbe = preparedStatement("find_prepared_query_probe", (db, name) =>
  db
    .select()
    .from(probes)
    .where(eq(probes.id, sql.placeholder("id")))
    .prepare(name),
);

async function setUp(engine: TestEngine): Promise<Db> {
  const { database } = await engine.openDatabase();
  const { db } = database;
  await db.execute(sql`drop table if exists prepared_query_probes`);
  await db.execute(
    sql`create table prepared_query_probes (id integer primary key, label text, at timestamptz, is_on boolean not null, details jsonb)`,
  );
  return db;
}

describeEachEngine("prepared statements", (engine) => {
  it("bind nulls, dates, booleans and JSON as drizzle's own encoders would, and read them back", async () => {
    const db = await setUp(engine);
    const rows = [
      { id: 1, label: null, at: null, isOn: false, details: null },
      {
        id: 2,
        label: "Café ☕ 日本",
        at: new Date("2030-01-02T03:04:05.678Z"),
        isOn: true,
        details: { a: [1, "b"] },
      },
      { id: 3, label: "", at: new Date(0), isOn: true, details: ["x", { y: null }] },
    ];
    for (const row of rows) {
      expect(await insertProbe(db).execute(bindRow("probe", row))).toEqual([row]);
      expect(await findProbe(db).execute({ id: row.id })).toEqual([row]);
    }
    // The same rows written by drizzle's query builder read back identically.
    await db.execute(sql`delete from prepared_query_probes`);
    await db.insert(probes).values(rows);
    for (const row of rows) expect(await findProbe(db).execute({ id: row.id })).toEqual([row]);
    await db.execute(sql`drop table prepared_query_probes`);
  });

  it("are prepared once per database handle, and separately for a transaction that commits or rolls back with it", async () => {
    const db = await setUp(engine);
    expect(findProbe(db)).toBe(findProbe(db));
    const row = { id: 7, label: "in a transaction", at: null, isOn: true, details: null };
    await expect(
      db.transaction(async (tx) => {
        expect(findProbe(tx)).not.toBe(findProbe(db));
        await insertProbe(tx).execute(bindRow("probe", row));
        expect(await findProbe(tx).execute({ id: 7 })).toEqual([row]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await findProbe(db).execute({ id: 7 })).toEqual([]);
    await db.transaction((tx) => insertProbe(tx).execute(bindRow("probe", row)));
    expect(await findProbe(db).execute({ id: 7 })).toEqual([row]);
    await db.execute(sql`drop table prepared_query_probes`);
  });
});
