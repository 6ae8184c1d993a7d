/**
 * Stored connection reports for the view tests, written through the sync's own upsert (so they
 * look exactly like synced ones) with only the fields a test cares about given.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../../src/db/open-database.js";
import {
  type ConnectionReportValues,
  upsertConnectionReports,
} from "../../../src/db/repositories/connection-reports.js";
import { connectionReports } from "../../../src/db/schema.js";

export type ReportSeed = Partial<ConnectionReportValues> & { ticketId?: string | null };

const day0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Reports `seeds[i]` with defaults: report i started i hours after 2026-03-02 09:00 UTC, 10 min long. */
export async function seedReports(
  db: Db,
  organisationId: string,
  seeds: readonly ReportSeed[],
  now = new Date("2026-03-10T00:00:00Z"),
): Promise<string[]> {
  const values = seeds.map((seed, index): ConnectionReportValues => {
    const start = seed.startDate ?? new Date(day0 + index * 3600_000);
    const durationSeconds = seed.durationSeconds === undefined ? 600 : seed.durationSeconds;
    const { ticketId: _ticket, ...rest } = seed;
    return {
      organisationId,
      teamViewerReportId: randomUUID(),
      syncAccountId: null,
      teamViewerUserId: "u100",
      userName: "Kenji Sato",
      startDate: start,
      endDate: durationSeconds === null ? null : new Date(start.getTime() + durationSeconds * 1000),
      durationSeconds,
      raw: {},
      ...rest,
    };
  });
  for (let offset = 0; offset < values.length; offset += 2000) {
    await upsertConnectionReports(db, values.slice(offset, offset + 2000), now);
  }
  const ids: string[] = [];
  for (const [index, value] of values.entries()) {
    const [row] = await db
      .select({ id: connectionReports.id })
      .from(connectionReports)
      .where(sql`${connectionReports.teamViewerReportId} = ${value.teamViewerReportId}`);
    if (row === undefined) throw new Error("seeded report missing");
    ids.push(row.id);
    const ticketId = seeds[index]?.ticketId;
    if (ticketId) {
      await db.execute(
        sql`update ${connectionReports} set ticket_id = ${ticketId}, matched_by = 'manual', matched_at = ${now} where id = ${row.id}`,
      );
    }
  }
  return ids;
}

/** Many reports at once, generated in SQL: for export sizes a test should not build in JS. */
export async function seedManyReports(db: Db, organisationId: string, count: number): Promise<void> {
  await db.execute(sql`
    insert into ${connectionReports} (organisation_id, teamviewer_report_id, teamviewer_user_id, user_name,
      device_name, start_date, end_date, duration_seconds, billing_state, notes, end_customer_name, raw,
      first_seen_at, last_seen_at)
    select ${organisationId}::uuid, 'bulk-' || n, 'u100', 'Kenji Sato', 'PC-' || n,
      timestamptz '2026-01-01T00:00:00Z' + n * interval '1 minute',
      timestamptz '2026-01-01T00:00:00Z' + n * interval '1 minute' + interval '61 seconds',
      61, 'Bill', 'Notiz für Kunde ' || n, 'Müller 株式会社', '{}'::jsonb, now(), now()
    from generate_series(1, ${count}) as n`);
}
