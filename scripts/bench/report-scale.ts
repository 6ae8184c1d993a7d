/**
 * Pages over many stored reports (issue #26): `reports` synthetic reports (1M by default) are
 * written straight into the table (insertSeededConnectionReports; the sync's speed is the
 * `backfill` group's), the statistics refreshed, and the service started as `serve` starts it.
 * Then each page a person opens is read one at a time, signed in as an admin: p50/p95 of the
 * dashboard (30 and 366 days), the report list (recent, a 30-day range 18 months back, with
 * filters), unmatched reports, the sync status, and a session page with its ticket's history.
 *
 * Usage: report-scale.ts '<json of ReportScaleCaseInput>'; prints one JSON object.
 */
import { createLogger, limitHeapGrowth, startService, systemClock } from "@attendant/service";
import { sql } from "drizzle-orm";
import { insertSeededConnectionReports } from "../../packages/service/src/db/repositories/seeded-connection-reports.js";
import { analyzeTable } from "../../packages/service/src/db/repositories/table-statistics.js";
import { createUser } from "../../packages/service/src/db/repositories/users.js";
import { cookieName, cookiePolicyFor } from "../../packages/service/src/identity/session-cookie.js";
import { sessionCookie } from "../../packages/service/src/identity/web-context.js";
import { startWebSession } from "../../packages/service/src/identity/web-sessions.js";
import { percentile } from "./support/bench-context.js";
import { type BenchEngine, openBenchService } from "./support/bench-service.js";
import type { BenchSimulator } from "./support/bench-simulator.js";

export interface ReportScaleCaseInput {
  engine: BenchEngine;
  reports: number;
  samples: number;
  simulator: BenchSimulator;
  databaseUrl?: string;
}

/** Three years of history, as the MSP keeps. */
const spanDays = 1095;
const dayMs = 24 * 3600 * 1000;
/** Reports on the benchmark's ticket: its session page shows them all. */
const ticketHistoryLength = 200;

limitHeapGrowth();
const input = JSON.parse(process.argv[2] ?? "null") as ReportScaleCaseInput | null;
if (input === null) throw new Error("usage: report-scale.ts '<json case>'");

const prepared = await openBenchService(input);
const { deps, organisationId } = prepared;
const { db } = deps.database;
const admin = await createUser(db, { organisationId, email: "admin@contoso.example", role: "admin" });
const now = new Date();
const seedStarted = performance.now();
await insertSeededConnectionReports(db, {
  organisationId,
  syncAccountId: null,
  count: input.reports,
  newest: now,
  spanDays,
  supporters: 50,
  customers: 20_000,
});
const seedMs = performance.now() - seedStarted;

// One ticket with a session, and the last days' reports on it: the session page's history.
await db.execute(sql`
  insert into tickets (organisation_id, external_id, title, created_at, updated_at)
  values (${organisationId}::uuid, 'bench-4711', 'Outlook', now(), now())`);
const [session] = (
  (await db.execute(sql`
    insert into support_sessions (id, organisation_id, ticket_id, created_by_user_id, assigned_user_id,
      code, end_customer_link, state, online, valid_until, correlation_id, created_at, updated_at, closed_at)
    select gen_random_uuid(), ${organisationId}::uuid, t.id, ${admin.id}::uuid, ${admin.id}::uuid, 's000004711',
      'https://get.teamviewer.com/s4711', 'closed', false, now() + interval '1 day', gen_random_uuid(),
      now(), now(), now()
    from tickets t where t.organisation_id = ${organisationId}::uuid and t.external_id = 'bench-4711'
    returning id, ticket_id`)) as { rows: { id: string; ticket_id: string }[] }
).rows;
if (session === undefined) throw new Error("no session");
await db.execute(sql`
  update connection_reports set ticket_id = ${session.ticket_id}::uuid, support_session_id = ${session.id}::uuid,
    matched_by = 'manual', matched_at = now()
  where organisation_id = ${organisationId}::uuid
    and teamviewer_report_id = any(select 'seeded-' || n from generate_series(1, ${ticketHistoryLength}) as n)`);
const analyzeStarted = performance.now();
for (const table of ["connection_reports", "tickets", "support_sessions"]) {
  await analyzeTable(db, table);
}
const analyzeMs = performance.now() - analyzeStarted;
const { token } = await startWebSession({ db, clock: systemClock }, { userId: admin.id });
await prepared.closeDatabase();

const service = await startService(prepared.config, {
  port: 0,
  handleSignals: false,
  logger: createLogger("silent"),
});

const cookie = cookieName(cookiePolicyFor(prepared.config.publicUrl), sessionCookie);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const oldRangeStart = now.getTime() - 548 * dayMs;
const pages = {
  "dashboard 30 days": "/reports/dashboard",
  "dashboard 366 days": `/reports/dashboard?from=${isoDay(now.getTime() - 365 * dayMs)}&to=${isoDay(now.getTime())}`,
  "reports recent": "/reports",
  "reports 30 days 18 months back": `/reports?from=${isoDay(oldRangeStart)}&to=${isoDay(oldRangeStart + 29 * dayMs)}`,
  "reports by group and billing state": "/reports?group=Group%207&billingState=Bill",
  "reports by group, 18 months back": `/reports?group=Group%203&from=${isoDay(oldRangeStart)}&to=${isoDay(oldRangeStart + 29 * dayMs)}`,
  "reports unmatched filter": "/reports?matched=false",
  "unmatched reports": "/reports/unmatched",
  "sync status": "/reports/sync-status",
  "session page with ticket history": `/sessions/${session.id}`,
} as const;

async function timedRead(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${service.url}${path}`, {
    headers: { cookie: `${cookie}=${token}` },
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 500)}`);
  return performance.now() - started;
}

const latencies: Record<string, { p50Ms: number; p95Ms: number }> = {};
for (const [name, path] of Object.entries(pages)) {
  for (let i = 0; i < 3; i++) await timedRead(path);
  const sample: number[] = [];
  for (let i = 0; i < input.samples; i++) sample.push(await timedRead(path));
  latencies[name] = { p50Ms: percentile(sample, 0.5), p95Ms: percentile(sample, 0.95) };
  process.stderr.write(`progress ${name}: p50 ${latencies[name].p50Ms.toFixed(1)} ms\n`);
}
await service.close();
await prepared.removeDataDir();

process.stdout.write(
  `${JSON.stringify({
    benchmark: "reports.scale",
    engine: input.engine,
    reports: input.reports,
    spanDays,
    seedMs,
    analyzeMs,
    latencies,
  })}\n`,
);
