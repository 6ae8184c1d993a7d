import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import { recordAuditEvent } from "../../src/audit/audit-events.js";
import { createFakeClock } from "../../src/clock.js";
import { migrate, migrationsFolder } from "../../src/db/migrate.js";
import { type Db, openDatabase } from "../../src/db/open-database.js";
import * as schema from "../../src/db/schema.js";
import { databaseErrorOf } from "../support/database-errors.js";
import { describeEachEngine } from "../support/engines.js";
import { queryRows } from "../support/query-rows.js";

async function countAppliedMigrations(db: Db): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return rows[0]?.count ?? 0;
}

/** Every table the drizzle schema declares: the migrations must create exactly these. */
const schemaTableNames = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

/** How many migrations drizzle-kit has written (generated and hand-written ones alike). */
const migrationCount = (
  JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }
).entries.length;

describeEachEngine("migrations", (engine) => {
  it("create every table, and running them again changes nothing", async () => {
    const { database } = await engine.openDatabase({}, { migrated: false });
    await migrate(database);
    await migrate(database);
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(schemaTableNames);
    expect(schemaTableNames).toEqual(
      expect.arrayContaining(["audit_log", "users", "teamviewer_connections"]),
    );
    expect(await countAppliedMigrations(database.db)).toBe(migrationCount);
  });

  it("make the audit log append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const { database } = await engine.openDatabase();
    await migrate(database);
    await recordAuditEvent(
      { db: database.db, clock: createFakeClock() },
      { organisationId: null, actor: { label: "system" }, action: "keyring.rewrapped" },
    );
    expect(await databaseErrorOf(database.db.execute(sql`update audit_log set action = 'forged'`))).toBe(
      "audit_log is append-only: UPDATE is not allowed",
    );
    expect(await databaseErrorOf(database.db.execute(sql`delete from audit_log`))).toBe(
      "audit_log is append-only: DELETE is not allowed",
    );
    expect(await databaseErrorOf(database.db.execute(sql`truncate audit_log`))).toBe(
      "audit_log is append-only: TRUNCATE is not allowed",
    );
    expect(await queryRows(database.db, sql`select action from audit_log`)).toEqual([
      { action: "keyring.rewrapped" },
    ]);
  });

  if (engine.name === "postgresql") {
    it("succeed once when three instances migrate the same database at the same moment", async () => {
      const config = await engine.createConfig({}, { migrated: false });
      const instances = await Promise.all([1, 2, 3].map(() => openDatabase(config)));
      try {
        await Promise.all(instances.map((instance) => migrate(instance)));
        for (const instance of instances)
          expect(await countAppliedMigrations(instance.db)).toBe(migrationCount);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    });
  }
});
