/**
 * The service's memory with many open browser event streams (issue 24, the live desk): signed-in
 * users (8 streams each, the per-user bound) hold `GET /live/desk` open against a service started
 * as an operator starts it (`serve`, from source through tsx, by the scale-out tests' helper), in
 * a process of its own, so its resident memory is the service's alone. Reads VmRSS from /proc once
 * the service idles with one stream opened and closed (code paths warm), then with every stream
 * open and a few desk-watch intervals passed, then after all closed again.
 *
 * Usage: live-desk-streams.ts '<json of LiveDeskCaseInput>'; prints one JSON object.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadConfig, migrate, openDatabase, systemClock } from "@attendant/service";
import { createOrganisation } from "../../packages/service/src/db/repositories/organisations.js";
import { createUser } from "../../packages/service/src/db/repositories/users.js";
import { cookieName, cookiePolicyFor } from "../../packages/service/src/identity/session-cookie.js";
import { sessionCookie } from "../../packages/service/src/identity/web-context.js";
import { startWebSession } from "../../packages/service/src/identity/web-sessions.js";
import { defaultStreamsPerUser } from "../../packages/service/src/live/stream-slots.js";
import {
  spawnServiceInstance,
  waitUntilReady,
} from "../../packages/service/test/integration/scale-out/service-instances.js";
import { type BenchEngine, generateBenchKeys } from "./support/bench-service.js";

export interface LiveDeskCaseInput {
  engine: BenchEngine;
  databaseUrl?: string;
  streams: number;
}

const input = JSON.parse(process.argv[2] ?? "null") as LiveDeskCaseInput | null;
if (input === null) throw new Error("usage: live-desk-streams.ts '<json case>'");

const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-bench-live-"));
const env = {
  ATTENDANT_DATA_DIR: dataDir,
  ATTENDANT_KEYS: generateBenchKeys(),
  ATTENDANT_DEMO: "false",
  ...(input.databaseUrl === undefined ? {} : { DATABASE_URL: input.databaseUrl }),
};

// Every loopback public URL gets the `__Host-` cookie prefix, whatever its port.
const sessionCookieName = cookieName(cookiePolicyFor("http://localhost"), sessionCookie);

// Users and their browser sessions first, with the database closed again before the service opens it.
const database = await openDatabase(loadConfig({ env }));
await migrate(database);
const organisation = await createOrganisation(database.db, { name: "Bench Helpdesk" });
const cookies: string[] = [];
for (let index = 0; index * defaultStreamsPerUser < input.streams; index++) {
  const user = await createUser(database.db, {
    organisationId: organisation.id,
    email: `supporter${index}@bench.example`,
    role: "supporter",
  });
  const { token } = await startWebSession({ db: database.db, clock: systemClock }, { userId: user.id });
  cookies.push(`${sessionCookieName}=${token}`);
}
await database.close();

const service = await spawnServiceInstance(env, { dataDir });
const port = Number(new URL(service.url).port);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = () => {
  const status = readFileSync(`/proc/${service.pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN) / 1024;
};

/** Opens one stream and resolves once its first `desk` event arrived; `close` hangs up. */
function openStream(cookie: string): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: "127.0.0.1",
        port,
        path: "/live/desk",
        headers: { host: `localhost:${port}`, cookie, accept: "text/event-stream" },
        agent: false,
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`/live/desk answered ${response.statusCode} ${response.headers.location ?? ""}`));
          response.resume();
          return;
        }
        response.setEncoding("utf8");
        let text = "";
        const onData = (chunk: string) => {
          text += chunk;
          if (!text.includes("event: desk")) return;
          response.off("data", onData);
          response.resume();
          resolve({ close: () => sent.destroy() });
        };
        response.on("data", onData);
      },
    );
    sent.on("error", reject);
    sent.end();
  });
}

try {
  await waitUntilReady(service, 300_000);
  (await openStream(cookies[0] ?? "")).close();
  await sleep(5_000);
  const idleRssMb = rssMb();

  const opening = performance.now();
  const streams: { close(): void }[] = [];
  for (let index = 0; index < input.streams; index += 50) {
    const batch = Array.from({ length: Math.min(50, input.streams - index) }, (_, offset) =>
      openStream(cookies[Math.floor((index + offset) / defaultStreamsPerUser)] ?? ""),
    );
    streams.push(...(await Promise.all(batch)));
  }
  const openMs = performance.now() - opening;
  // A few desk-watch intervals (2 s each) with every stream open.
  await sleep(10_000);
  const openRssMb = rssMb();
  for (const stream of streams) stream.close();
  await sleep(5_000);
  const closedRssMb = rssMb();
  process.stdout.write(
    `${JSON.stringify({
      case: "live-desk.streams",
      engine: input.engine,
      streams: input.streams,
      openMs,
      idleRssMb,
      openRssMb,
      perStreamKb: ((openRssMb - idleRssMb) * 1024) / input.streams,
      closedRssMb,
    })}\n`,
  );
} finally {
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
