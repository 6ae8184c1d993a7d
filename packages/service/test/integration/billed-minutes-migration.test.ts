import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.js";
import { usePgliteEngine } from "../support/engines.js";
import { migrationsBefore } from "../support/migrations-before.js";
import { queryRows } from "../support/query-rows.js";

describe("the billed minutes migration", () => {
  const engine = usePgliteEngine();
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("fixes the billable minutes of records billed before it under each organisation's rules in force", async () => {
    const { database } = await engine.openDatabase({}, { migrated: false });
    const before = migrationsBefore("0020_billed-minutes");
    folders.push(before);
    await database.withDedicatedConnection(({ applyMigrations }) =>
      applyMigrations({ migrationsFolder: before }),
    );
    await database.db.execute(sql`
      with quarters as (insert into organisations (name) values ('Quarters') returning id),
        rules as (insert into billing_rules (organisation_id, rounding_increment_minutes, minimum_billable_minutes)
          select id, 15, 30 from quarters)
      insert into connection_reports (organisation_id, teamviewer_report_id, duration_seconds, billing_state, raw, first_seen_at, last_seen_at)
      select quarters.id, report.id, report.seconds, report.state, '{}'::jsonb, now(), now() from quarters, (values
        ('q-billed-long', 2000, 'Billed'),
        ('q-billed-short', 61, 'Billed'),
        ('q-open', 2000, 'Bill'),
        ('q-billed-untimed', null, 'Billed')) as report(id, seconds, state)`);
    await database.db.execute(sql`
      with minutes as (insert into organisations (name) values ('Minutes') returning id)
      insert into connection_reports (organisation_id, teamviewer_report_id, duration_seconds, billing_state, raw, first_seen_at, last_seen_at)
      select minutes.id, 'm-billed', 61, 'Billed', '{}'::jsonb, now(), now() from minutes`);

    await migrate(database);

    const rows = await queryRows<{ teamviewer_report_id: string; billed_minutes: number | null }>(
      database.db,
      sql`select teamviewer_report_id, billed_minutes from connection_reports order by teamviewer_report_id`,
    );
    expect(rows).toEqual([
      { teamviewer_report_id: "m-billed", billed_minutes: 2 },
      { teamviewer_report_id: "q-billed-long", billed_minutes: 45 },
      { teamviewer_report_id: "q-billed-short", billed_minutes: 30 },
      { teamviewer_report_id: "q-billed-untimed", billed_minutes: null },
      { teamviewer_report_id: "q-open", billed_minutes: null },
    ]);
  });
});
