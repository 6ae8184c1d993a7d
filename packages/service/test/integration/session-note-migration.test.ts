import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, migrationsFolder } from "../../src/db/migrate.js";
import { usePgliteEngine } from "../support/engines.js";
import { queryRows } from "../support/query-rows.js";

/** The migrations as they were before `0013_connection-report-note-and-extras` was added. */
function migrationsBeforeSessionNote(): string {
  const folder = mkdtempSync(join(tmpdir(), "attendant-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === "0013_connection-report-note-and-extras");
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

describe("the session note migration", () => {
  const engine = usePgliteEngine();
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("copies the session_note of reports synced before it from their raw record", async () => {
    const { database } = await engine.openDatabase({}, { migrated: false });
    const before = migrationsBeforeSessionNote();
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
