/**
 * The session status watch in-process, on the report harness (simulator and service on one fake
 * clock): watches whose timers the test drives, a webhook endpoint so events reach the outbox,
 * and readings of the simulator's journal per supporter grant.
 */
import { sql } from "drizzle-orm";
import { createSessionStatusWatch, type SessionStatusWatch } from "../../../src/jobs/session-status-watch.js";
import type { SessionDeps } from "../../../src/sessions/session-deps.js";
import {
  defaultSessionWatchOptions,
  type SessionWatchOptions,
} from "../../../src/sessions/session-watch-options.js";
import { createEndpoint } from "../../../src/webhooks/manage-webhook-endpoints.js";
import { queryRows } from "../../support/query-rows.js";
import type { ReportHarness } from "../reports/report-harness.js";

export const noTimers = { setInterval: () => undefined, clearInterval: () => undefined };

export const tickMs = defaultSessionWatchOptions.tickMs;

export function createWatch(
  deps: SessionDeps,
  instanceId: string,
  options: Partial<SessionWatchOptions> = {},
): SessionStatusWatch {
  return createSessionStatusWatch({ deps, instanceId, options, timers: noTimers });
}

/** An endpoint for every event type, so the events are written to the outbox. */
export async function subscribeToEverything(h: ReportHarness): Promise<void> {
  const admin = await h.addUser("admin");
  await createEndpoint(
    { ...h.deps, config: h.config },
    {
      actor: h.actorOf(admin),
      input: { url: "https://hooks.example.com/in", description: "", eventTypes: [] },
    },
  );
}

export interface OutboxEvent {
  type: string;
  payload: { id: string; status: string; isOnline: boolean };
  created_at: Date;
}

export function outboxEvents(h: ReportHarness, type?: string): Promise<OutboxEvent[]> {
  return queryRows<OutboxEvent>(
    h.database.db,
    type === undefined
      ? sql`select type, payload, created_at from webhook_events order by created_at, id`
      : sql`select type, payload, created_at from webhook_events where type = ${type} order by created_at, id`,
  );
}

/** `GET /sessions` requests the simulator answered, with when and for which grant (a token hash). */
export function sessionListCalls(h: ReportHarness): { atMs: number; grant: string; status: number | null }[] {
  return h.simulator.admin
    .journal()
    .filter((entry) => entry.method === "GET" && /\/api\/v1\/sessions$/i.test(entry.path))
    .map((entry) => ({ atMs: Date.parse(entry.at), grant: entry.authorization ?? "", status: entry.status }));
}

/** The most calls of one grant inside any window of 60 s. */
export function busiestMinute(calls: readonly { atMs: number }[]): number {
  let most = 0;
  for (const first of calls) {
    const inWindow = calls.filter((call) => call.atMs >= first.atMs && call.atMs < first.atMs + 60_000);
    most = Math.max(most, inWindow.length);
  }
  return most;
}
