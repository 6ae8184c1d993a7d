/**
 * Session creation, side by side (issue #8): the same `POST /sessions` made directly to the
 * simulator, and made through Attendant's REST API (`POST /api/v1/sessions` with an API key,
 * which validates, checks the key and its rate window, calls the simulator, stores the ticket
 * and session and writes the audit log). Both go over loopback HTTP to the simulator in the
 * parent process; requests alternate so both see the same machine load. The difference of the
 * percentiles is Attendant's overhead.
 *
 * Usage: session-create.ts '<json of SessionCreateCaseInput>'; prints one JSON object.
 */
import { randomUUID } from "node:crypto";
import { createLogger, limitHeapGrowth, startService } from "@attendant/service";
import { createApiKey } from "../../packages/service/src/api-keys/api-keys.js";
import { saveTeamViewerConnection } from "../../packages/service/src/db/repositories/teamviewer-connections.js";
import { createUser } from "../../packages/service/src/db/repositories/users.js";
import { percentile } from "./support/bench-context.js";
import { type BenchEngine, openBenchService } from "./support/bench-service.js";
import type { BenchSimulator } from "./support/bench-simulator.js";

export interface SessionCreateCaseInput {
  engine: BenchEngine;
  samples: number;
  simulator: BenchSimulator;
  /** A supporter account's tokens, issued by the simulator for the demo app. */
  supporter: { userid: string; accessToken: string; refreshToken: string; expiresIn: number };
  databaseUrl?: string;
}

// The process is set up as `attendant serve` sets up its own.
limitHeapGrowth();
const input = JSON.parse(process.argv[2] ?? "null") as SessionCreateCaseInput | null;
if (input === null) throw new Error("usage: session-create.ts '<json case>'");

// The database is prepared first, then closed: the service opens it itself, as `serve` does.
const prepared = await openBenchService({
  ...input,
  extraEnv: { ATTENDANT_API_RATE_LIMIT_PER_MINUTE: "100000" },
});
const { deps, organisationId } = prepared;
const now = deps.clock.now();
const supporter = await createUser(deps.database.db, {
  organisationId,
  email: "kenji@contoso.example",
  role: "supporter",
});
await saveTeamViewerConnection(
  deps.database.db,
  deps.vault,
  {
    userId: supporter.id,
    teamViewerUserId: input.supporter.userid,
    teamViewerName: "Kenji",
    teamViewerEmail: supporter.email,
    accessToken: input.supporter.accessToken,
    refreshToken: input.supporter.refreshToken,
    expiresAt: new Date(now.getTime() + input.supporter.expiresIn * 1000),
  },
  now,
);
const admin = await createUser(deps.database.db, {
  organisationId,
  email: "admin@contoso.example",
  role: "admin",
});
const { token: apiKey } = await createApiKey(deps, {
  actor: { organisationId, userId: admin.id, role: "admin", label: admin.email, ip: null, userAgent: null },
  name: "bench",
  scopes: ["sessions:read", "sessions:write"],
  actingUserId: supporter.id,
});
await prepared.closeDatabase();

const service = await startService(prepared.config, {
  port: 0,
  handleSignals: false,
  logger: createLogger("silent"),
});

/** Times one create, then (untimed) closes what it opened: the licence allows 100 open sessions. */
async function timed(
  send: () => Promise<Response>,
  close: (created: unknown) => Promise<Response>,
): Promise<number> {
  const started = performance.now();
  const response = await send();
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`session create answered ${response.status}: ${body}`);
  const closed = await close(JSON.parse(body));
  if (!closed.ok) throw new Error(`session close answered ${closed.status}: ${await closed.text()}`);
  return elapsed;
}

let ticket = 0;
const throughService = () =>
  fetch(`${service.url}/api/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      ticket: { externalId: `bench-${++ticket}`, title: "Outlook does not start" },
      group: { name: "Bench" },
    }),
  });
const closeThroughService = (created: unknown) =>
  fetch(`${service.url}/api/v1/sessions/${(created as { id: string }).id}/close`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}` },
  });
const direct = () =>
  fetch(`${input.simulator.apiBaseUrl}/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${input.supporter.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ groupname: "Bench", custom_api: `attendant:${randomUUID()}` }),
  });

const closeDirect = (created: unknown) =>
  fetch(`${input.simulator.apiBaseUrl}/sessions/${(created as { code: string }).code}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${input.supporter.accessToken}` },
  });

const warmUp = Math.max(5, Math.floor(input.samples / 10));
for (let i = 0; i < warmUp; i++) {
  await timed(throughService, closeThroughService);
  await timed(direct, closeDirect);
}
const serviceMs: number[] = [];
const directMs: number[] = [];
for (let i = 0; i < input.samples; i++) {
  serviceMs.push(await timed(throughService, closeThroughService));
  directMs.push(await timed(direct, closeDirect));
}
await service.close();
await prepared.removeDataDir();

const summary = (sample: number[]) => ({ p50Ms: percentile(sample, 0.5), p99Ms: percentile(sample, 0.99) });
const viaService = summary(serviceMs);
const viaDirect = summary(directMs);
process.stdout.write(
  `${JSON.stringify({
    benchmark: "sessions.create",
    engine: input.engine,
    samples: input.samples,
    direct: viaDirect,
    service: viaService,
    overheadP50Ms: viaService.p50Ms - viaDirect.p50Ms,
    overheadP99Ms: viaService.p99Ms - viaDirect.p99Ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
