/**
 * Session lists at scale (issue #26): with `sessions` stored (100,000 by default) for 50
 * supporters, the REST API's session reads answer one at a time (p50/p95 of each: a supporter's
 * own sessions, the organisation's, one ticket's, the open ones) and under load (a supporter's own
 * list, the default, at `connections` parallel keep-alive connections from a process of its own).
 * The service is started as `serve` starts it, on a database seeded in bulk beforehand. The same
 * load then runs against a bare Hono server (support/reference-server.ts), answering a word and
 * the same page from memory: the ceiling this machine and load generator allow.
 *
 * Usage: session-list.ts '<json of SessionListCaseInput>'; prints one JSON object.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createLogger, limitHeapGrowth, startService } from "@attendant/service";
import { sql } from "drizzle-orm";
import { createApiKey } from "../../packages/service/src/api-keys/api-keys.js";
import { createUser } from "../../packages/service/src/db/repositories/users.js";
import { percentile } from "./support/bench-context.js";
import { type BenchEngine, openBenchService } from "./support/bench-service.js";
import type { BenchSimulator } from "./support/bench-simulator.js";
import type { HttpLoadInput } from "./support/http-load.js";
import { startReferenceServer } from "./support/reference-server.js";

export interface SessionListCaseInput {
  engine: BenchEngine;
  sessions: number;
  samples: number;
  connections: number;
  loadMs: number;
  simulator: BenchSimulator;
  databaseUrl?: string;
}

const supporterCount = 50;
const sessionsPerTicket = 2;

limitHeapGrowth();
const input = JSON.parse(process.argv[2] ?? "null") as SessionListCaseInput | null;
if (input === null) throw new Error("usage: session-list.ts '<json case>'");

const prepared = await openBenchService({
  ...input,
  extraEnv: { ATTENDANT_API_RATE_LIMIT_PER_MINUTE: "1000000" },
});
const { deps, organisationId } = prepared;
const { db } = deps.database;
const supporters = [];
for (let index = 0; index < supporterCount; index++) {
  supporters.push(
    await createUser(db, { organisationId, email: `supporter${index}@contoso.example`, role: "supporter" }),
  );
}
const [kenji] = supporters;
if (kenji === undefined) throw new Error("no supporter");
const admin = await createUser(db, { organisationId, email: "admin@contoso.example", role: "admin" });
const actor = {
  organisationId,
  userId: admin.id,
  role: "admin" as const,
  label: admin.email,
  ip: null,
  userAgent: null,
};
const kenjisKey = (
  await createApiKey(deps, { actor, name: "kenji", scopes: ["sessions:read"], actingUserId: kenji.id })
).token;
const organisationKey = (
  await createApiKey(deps, { actor, name: "org", scopes: ["sessions:read"], actingUserId: null })
).token;

// Bulk seed: tickets, then sessions spread over two years and the supporters, a tenth open.
const seedStarted = performance.now();
const ticketCount = Math.ceil(input.sessions / sessionsPerTicket);
await db.execute(sql`
  insert into tickets (organisation_id, external_id, title, created_at, updated_at)
  select ${organisationId}::uuid, 'bench-' || n, 'Bench ticket ' || n,
         now() - (n * interval '10 minutes'), now()
  from generate_series(1, ${ticketCount}) as n`);
const supporterIds = `{${supporters.map((user) => user.id).join(",")}}`;
await db.execute(sql`
  insert into support_sessions (id, organisation_id, ticket_id, created_by_user_id, assigned_user_id,
    code, end_customer_link, state, online, valid_until, correlation_id, created_at, updated_at, closed_at)
  select gen_random_uuid(), ${organisationId}::uuid, t.id, s.user_id, s.user_id,
         's' || lpad(n::text, 9, '0'), 'https://get.teamviewer.com/s' || n,
         case when n % 10 = 0 then 'open' else 'closed' end, false,
         now() + interval '1 day' - (n * interval '5 minutes'), gen_random_uuid(),
         now() - (n * interval '5 minutes'), now(),
         case when n % 10 = 0 then null else now() - (n * interval '5 minutes') + interval '20 minutes' end
  from generate_series(1, ${input.sessions}) as n
  join tickets t on t.organisation_id = ${organisationId}::uuid
    and t.external_id = 'bench-' || ((n - 1) / ${sessionsPerTicket} + 1)
  cross join lateral (select (${supporterIds}::uuid[])[1 + (n % ${supporterCount})] as user_id) s`);
await db.execute(sql`analyze`);
const seedMs = performance.now() - seedStarted;
await prepared.closeDatabase();

const service = await startService(prepared.config, {
  port: 0,
  handleSignals: false,
  logger: createLogger("silent"),
});

const reads = {
  mine: { path: "/api/v1/sessions", key: kenjisKey },
  organisation: { path: "/api/v1/sessions?scope=organisation", key: organisationKey },
  ticket: { path: "/api/v1/tickets/bench-4711/sessions", key: organisationKey },
  open: { path: "/api/v1/sessions?scope=organisation&state=open", key: organisationKey },
} as const;

async function timedRead(read: { path: string; key: string }): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${service.url}${read.path}`, {
    headers: { authorization: `Bearer ${read.key}` },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${read.path} answered ${response.status}: ${body}`);
  return performance.now() - started;
}

const latencies: Record<string, { p50Ms: number; p95Ms: number }> = {};
for (const [name, read] of Object.entries(reads)) {
  for (let i = 0; i < 10; i++) await timedRead(read);
  const sample: number[] = [];
  for (let i = 0; i < input.samples; i++) sample.push(await timedRead(read));
  latencies[name] = { p50Ms: percentile(sample, 0.5), p95Ms: percentile(sample, 0.95) };
}

const loadInput: HttpLoadInput = {
  url: `${service.url}${reads.mine.path}`,
  headers: { authorization: `Bearer ${kenjisKey}` },
  connections: input.connections,
  durationMs: input.loadMs,
};
const load = await runLoad(loadInput);
const page: unknown = await (await fetch(loadInput.url, { headers: loadInput.headers })).json();
await service.close();
await prepared.removeDataDir();

const reference = await startReferenceServer(page);
const referenceLoad = {
  hello: await runLoad({ ...loadInput, url: `${reference.url}/hello`, headers: {} }),
  samePageFromMemory: await runLoad({ ...loadInput, url: `${reference.url}/page`, headers: {} }),
};
await reference.close();

process.stdout.write(
  `${JSON.stringify({
    benchmark: "sessions.list",
    engine: input.engine,
    sessions: input.sessions,
    supporters: supporterCount,
    seedMs,
    latencies,
    loadMine: { connections: input.connections, ...load },
    referenceLoad,
  })}\n`,
);

/**
 * The load, and the CPU this process (the service or reference server and, on PGlite, its
 * database thread) spent per request meanwhile: unlike requests/s, not lowered by whatever else
 * the machine runs at the time.
 */
async function runLoad(loadCase: HttpLoadInput): Promise<Record<string, unknown>> {
  const cpuBefore = process.cpuUsage();
  const result = await runLoadProcess(loadCase);
  const cpu = process.cpuUsage(cpuBefore);
  const answered = Math.max(1, Number(result.requests) + Number(result.failures));
  return { ...result, serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / answered };
}

function runLoadProcess(loadCase: HttpLoadInput): Promise<Record<string, unknown>> {
  const script = fileURLToPath(new URL("support/http-load.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(loadCase)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output) as Record<string, unknown>)
        : reject(new Error(`load exited ${code}`)),
    );
  });
}
