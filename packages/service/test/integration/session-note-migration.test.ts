import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "../../src/db/migrate.js";
import { usePgliteEngine } from "../support/engines.js";
import { migrationsBefore } from "../support/migrations-before.js";
import { queryRows } from "../support/query-rows.js";

describe("the session note migration", () => {
  const engine = usePgliteEngine();
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("copies the session_note of reports synced before it from their raw record", async () => {
    const { database } = await engine.openDatabase({}, { migrated: false });
    const before = migrationsBefore("0013_connection-report-note-and-extras");
    folders.push(before);
    await database.withDedicatedConnection(({ applyMigrations }) =>
      applyMigrations({ migrationsFolder: before }),
    );
    await database.db.execute(sql`
      with org as (insert into organisations (name) values ('Contoso') returning id)
      insert into connection_reports (organisation_id, teamviewer_report_id, raw, first_seen_at, last_seen_at)
      select org.id, report.id, report.raw::jsonb, now(), now() from org, (values
        ('with-note', '{"session_note":"Reinstalled the mail profile"}'),
        ('empty-note', '{"session_note":""}'),
        ('number-note', '{"session_note":7}'),
        ('no-note', '{}')) as report(id, raw)`);

    await migrate(database);

    const rows = await queryRows<{ teamviewer_report_id: string; session_note: string | null }>(
      database.db,
      sql`select teamviewer_report_id, session_note from connection_reports order by teamviewer_report_id`,
    );
    expect(rows).toEqual([
      { teamviewer_report_id: "empty-note", session_note: null },
      { teamviewer_report_id: "no-note", session_note: null },
      { teamviewer_report_id: "number-note", session_note: null },
      { teamviewer_report_id: "with-note", session_note: "Reinstalled the mail profile" },
    ]);
  });
});
