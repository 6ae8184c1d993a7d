import type { Hono } from "hono";
import { createAdminApp } from "./admin/admin-routes.js";
import { seedHistoricalReports } from "./admin/seed-reports.js";
import { createSimulatorAdmin, type SimulatorAdmin } from "./admin/simulator-admin.js";
import { createFakeClock, type SimulatorClock } from "./clock.js";
import { DEMO, seedDemoData } from "./demo-data.js";
import { FaultPlanner } from "./http/fault-planner.js";
import { type DispatchResult, dispatchRequest } from "./http/front-door.js";
import { readBearerToken } from "./http/principal.js";
import { RateLimiter } from "./http/rate-limiter.js";
import { RequestJournal } from "./http/request-journal.js";
import { StalledBodies } from "./http/stalled-bodies.js";
import { isSameSecret } from "./oauth/client-credentials.js";
import { createSettings, type SimulatorOptions } from "./options.js";
import { createApiApp } from "./routes/api-app.js";
import type { SimulatorSnapshot } from "./state/simulator-snapshot.js";
import { createState, type SimulatorState } from "./state/simulator-state.js";
import { restoreState, snapshotState } from "./state/state-snapshot.js";
import { jsonResponse } from "./wire/errors.js";

export interface DemoCredentials {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scriptToken: string;
  accounts: { userid: string; name: string; email: string }[];
  authorizeUrl: string;
  apiBaseUrl: string;
}

export interface Simulator {
  /** A web-standard `fetch`: pass it to an HTTP client. A connection-reset fault rejects like undici. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** For transports (the port server): a response, or an instruction to reset the connection. */
  dispatch(request: Request): Promise<DispatchResult>;
  admin: SimulatorAdmin;
  readonly publicOrigin: string;
  /** The seeded demo credentials (empty strings when `demoData` is false). */
  demo(): DemoCredentials;
  /** Everything the simulated TeamViewer knows, as JSON; `snapshot` in the options resumes it. */
  snapshot(): SimulatorSnapshot;
  /** Releases stalled bodies; the simulator itself holds no other resources. */
  close(): void;
}

const DEFAULT_JOURNAL_LIMIT = 10_000;

/**
 * A TeamViewer stand-in, in-process.
 *
 * @example
 * const sim = createSimulator({ clock: "2026-03-02T09:00:00Z", autoApprove: true });
 * const answer = await sim.fetch("http://localhost:4010/api/v1/ping", {
 *   headers: { authorization: `Bearer ${sim.demo().scriptToken}` },
 * });
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const clock = toClock(options.clock);
  const seed = options.seed ?? 1;
  const faults = new FaultPlanner();
  const rateLimiter = new RateLimiter();
  const journal = new RequestJournal(options.journalLimit ?? DEFAULT_JOURNAL_LIMIT);
  const stalls = new StalledBodies();
  let current = options.snapshot
    ? resumeSimulation(options, clock, options.snapshot)
    : buildSimulation(options, clock, seed);

  const admin = createSimulatorAdmin({
    current: () => current.state,
    faults,
    rateLimiter,
    journal,
    reset: () => {
      stalls.releaseAll();
      faults.clear();
      rateLimiter.clear();
      journal.clear();
      current = buildSimulation(options, clock, seed);
    },
  });
  const demo = () => describeDemo(current.state, options);
  const adminApp = createAdminApp(admin, demo);
  const handleAdmin = async (request: Request) => {
    const token = readBearerToken(request);
    if (
      options.adminToken !== undefined &&
      (token === undefined || !isSameSecret(token, options.adminToken))
    ) {
      return jsonResponse(
        { error: "invalid_token", error_description: "The admin token is missing or wrong." },
        401,
      );
    }
    return adminApp.fetch(request);
  };
  const parts = { current: () => current, admin: handleAdmin, faults, rateLimiter, journal, stalls };
  const dispatch = async (request: Request) => {
    try {
      return await dispatchRequest(parts, request);
    } finally {
      options.afterRequest?.();
    }
  };

  return {
    fetch: async (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      if (request.signal.aborted) throw request.signal.reason;
      const result = await dispatch(request);
      if (result.kind === "reset") throw createConnectionResetError();
      return result.response;
    },
    dispatch,
    admin,
    get publicOrigin() {
      return current.state.settings.publicOrigin;
    },
    demo,
    snapshot: () => snapshotState(current.state),
    close: () => stalls.releaseAll(),
  };
}

function buildSimulation(
  options: SimulatorOptions,
  clock: SimulatorClock,
  seed: number,
): { state: SimulatorState; app: Hono } {
  const settings = createSettings(options);
  const state = createState(clock, settings, seed);
  if (options.demoData ?? true) {
    seedDemoData(state, options.demoRedirectUri ?? `${settings.publicOrigin}/demo/callback`);
    if (options.historicalReports) seedHistoricalReports(state, { count: options.historicalReports });
  }
  return { state, app: createApiApp(state) };
}

function resumeSimulation(
  options: SimulatorOptions,
  clock: SimulatorClock,
  snapshot: SimulatorSnapshot,
): { state: SimulatorState; app: Hono } {
  const state = createState(clock, createSettings(options), snapshot.seed);
  restoreState(state, snapshot);
  const demoApp = state.oauth.apps.get(DEMO.app.clientId);
  // The service's address may have changed since the snapshot; the redirect URI follows it.
  if (demoApp && options.demoRedirectUri !== undefined) demoApp.redirectUri = options.demoRedirectUri;
  return { state, app: createApiApp(state) };
}

function describeDemo(state: SimulatorState, options: SimulatorOptions): DemoCredentials {
  const app = state.oauth.apps.get(DEMO.app.clientId);
  const origin = state.settings.publicOrigin;
  const isSeeded = (options.demoData ?? true) && app !== undefined;
  return {
    clientId: isSeeded ? DEMO.app.clientId : "",
    clientSecret: isSeeded ? DEMO.app.clientSecret : "",
    redirectUri: app?.redirectUri ?? "",
    scriptToken: isSeeded ? DEMO.scriptToken : "",
    accounts: isSeeded ? DEMO.accounts.map((account) => ({ ...account })) : [],
    authorizeUrl: `${origin}/oauth2/authorize`,
    apiBaseUrl: `${origin}/api/v1`,
  };
}

function toClock(clock: SimulatorOptions["clock"]): SimulatorClock {
  if (clock !== undefined && typeof clock === "object" && !(clock instanceof Date)) return clock;
  return createFakeClock(clock);
}

/** What undici's fetch throws when the peer resets the connection. */
function createConnectionResetError(): TypeError {
  const cause = Object.assign(new Error("read ECONNRESET"), {
    code: "ECONNRESET",
    errno: -104,
    syscall: "read",
  });
  return new TypeError("fetch failed", { cause });
}
