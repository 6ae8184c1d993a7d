/**
 * Synthetic connection reports written straight into the table (`generate_series`, one
 * statement per chunk), for the benchmark's `scale` group (scripts/bench/report-scale.ts): it
 * measures pages over a million stored reports, not how fast the sync stores them (the
 * `backfill` group does that), so it fills the table in seconds instead of minutes. The rows
 * look like a large MSP's history: evenly spread over `spanDays` up to `newest`, `supporters`
 * TeamViewer users, `customers` end customers (most known by e-mail, some by name only, a tenth
 * unknown), a few hundred devices and groups, every billing state, durations from 1 to 90
 * minutes.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../open-database.js";

export interface SeededReportsShape {
  organisationId: string;
  syncAccountId: string | null;
  count: number;
  newest: Date;
  spanDays: number;
  supporters: number;
  customers: number;
  /** Rows per statement, so one statement's memory stays bounded whatever the count. */
  chunk?: number;
}

export async function insertSeededConnectionReports(db: Db, shape: SeededReportsShape): Promise<void> {
  const chunk = shape.chunk ?? 50_000;
  const secondsApart = (shape.spanDays * 86_400) / shape.count;
  for (let first = 1; first <= shape.count; first += chunk) {
    const last = Math.min(shape.count, first + chunk - 1);
    await db.execute(sql`
      insert into connection_reports (organisation_id, teamviewer_report_id, sync_account_id,
        teamviewer_user_id, user_name, device_id, device_name, group_id, group_name,
        support_session_type, start_date, end_date, duration_seconds, billing_state,
        end_customer_name, end_customer_email, raw, first_seen_at, last_seen_at)
      select ${shape.organisationId}::uuid, 'seeded-' || n, ${shape.syncAccountId}::uuid,
        'u' || supporter, 'Supporter ' || supporter, 'd' || (n % 500), 'PC-' || (n % 500),
        'g' || (n % 20), 'Group ' || (n % 20), 2, started, started + seconds * interval '1 second',
        seconds, (array['Bill', 'Billed', 'DoNotBill'])[1 + n % 3],
        case when n % 10 < 9 then 'Customer ' || customer end,
        case when n % 10 < 7 then 'customer' || customer || '@example.org' end,
        jsonb_build_object('id', 'seeded-' || n, 'userid', 'u' || supporter, 'devicename', 'PC-' || (n % 500),
          'start_date', started, 'end_date', started + seconds * interval '1 second', 'support_session_type', 2),
        ${shape.newest.toISOString()}::timestamptz, ${shape.newest.toISOString()}::timestamptz
      from generate_series(${first}::int, ${last}::int) as n,
        lateral (select ${shape.newest.toISOString()}::timestamptz - n * ${secondsApart}::float8 * interval '1 second'
          as started, 60 + (n::bigint * 7919) % 5341 as seconds, n % ${shape.supporters} as supporter,
          (n * 31) % ${shape.customers} as customer) as shape`);
  }
}
