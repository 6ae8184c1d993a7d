import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { recordAuditEvent } from "../../src/audit/audit-events.js";
import { createFakeClock } from "../../src/clock.js";
import { migrate } from "../../src/db/migrate.js";
import { type Db, openDatabase } from "../../src/db/open-database.js";
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

describeEachEngine("migrations", (engine) => {
  it("create every table, and running them again changes nothing", async () => {
    const { database } = await engine.openDatabase();
    await migrate(database);
    await migrate(database);
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      "audit_log",
      "oauth_states",
      "organisation_script_tokens",
      "organisations",
      "teamviewer_apps",
      "teamviewer_connections",
      "users",
      "web_sessions",
    ]);
    expect(await countAppliedMigrations(database.db)).toBe(2);
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
      const config = await engine.createConfig();
      const instances = await Promise.all([1, 2, 3].map(() => openDatabase(config)));
      try {
        await Promise.all(instances.map((instance) => migrate(instance)));
        for (const instance of instances) expect(await countAppliedMigrations(instance.db)).toBe(2);
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
      }
    });
  }
});
