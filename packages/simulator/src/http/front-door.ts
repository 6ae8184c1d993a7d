import type { Hono } from "hono";
import type { SimulatorState } from "../state/simulator-state.js";
import { formatWireDate } from "../wire/dates.js";
import { type ApiErrorCategory, apiErrorResponse, createApiErrorBody, jsonResponse } from "../wire/errors.js";
import type { FaultPlanner, PlannedFault } from "./fault-planner.js";
import { readBearerToken } from "./principal.js";
import type { RateLimiter } from "./rate-limiter.js";
import { fingerprintCredential, type RequestJournal, redactUrl } from "./request-journal.js";
import type { StalledBodies } from "./stalled-bodies.js";

/** What a request turned into: a response, or a connection the transport must reset. */
export type DispatchResult = { kind: "response"; response: Response } | { kind: "reset" };

export interface FrontDoorParts {
  current: () => { state: SimulatorState; app: Hono };
  admin: (request: Request) => Promise<Response>;
  faults: FaultPlanner;
  rateLimiter: RateLimiter;
  journal: RequestJournal;
  stalls: StalledBodies;
}

const ADMIN_PREFIX = /^\/__sim(\/|$)/;
const RATE_LIMITED_PATH = /^\/api\/v1\//i;
const TOKEN_PATH = /^\/api\/v1\/oauth2\/token$/i;

/**
 * Every request passes here: admin requests go to the admin surface; everything else is
 * journaled, may meet a planned fault or the rate limit, then reaches the TeamViewer routes.
 */
export async function dispatchRequest(parts: FrontDoorParts, request: Request): Promise<DispatchResult> {
  const url = new URL(request.url);
  if (ADMIN_PREFIX.test(url.pathname)) return { kind: "response", response: await parts.admin(request) };
  const { state, app } = parts.current();
  const fault = parts.faults.take(request.method, url.pathname);
  const journal = (status: number | null) =>
    parts.journal.record({
      at: formatWireDate(state.clock.now()),
      method: request.method,
      ...redactUrl(url),
      status,
      authorization: fingerprintCredential(request.headers.get("authorization")),
      fault: fault?.kind ?? null,
    });
  // A delay planned for after holds the answer of a request that already took effect.
  const isHeldAfterEffect = fault?.kind === "delay" && fault.when === "after";
  if (fault?.delayMs !== undefined && !isHeldAfterEffect) await waitFor(fault.delayMs, request.signal);
  // The request takes effect; only its answer is lost or replaced.
  if (fault?.when === "after" && !isHeldAfterEffect) await handle(parts, state, app, request, url);
  if (fault?.kind === "reset") {
    journal(null);
    return { kind: "reset" };
  }
  let response: Response;
  if (fault?.kind === "status") response = answerFault(fault);
  else response = await handle(parts, state, app, request, url);
  if (fault?.kind === "stall") response = await parts.stalls.stall(response, request.signal);
  if (isHeldAfterEffect) {
    // A caller that gives up (or dies) meanwhile gets no answer; the request still counts.
    await waitFor(fault.delayMs, request.signal).catch((error: unknown) => {
      journal(null);
      throw error;
    });
  }
  journal(response.status);
  return { kind: "response", response };
}

async function handle(parts: FrontDoorParts, state: SimulatorState, app: Hono, request: Request, url: URL) {
  return rejectOverLimit(parts, state, request, url) ?? (await app.fetch(request));
}

/** Tokens over their limit get 429 `rate_limit_reached` with `Retry-After` (docs/teamviewer-api.md §6). */
function rejectOverLimit(parts: FrontDoorParts, state: SimulatorState, request: Request, url: URL) {
  if (!RATE_LIMITED_PATH.test(url.pathname) || TOKEN_PATH.test(url.pathname)) return undefined;
  const token = readBearerToken(request);
  if (token === undefined) return undefined;
  const verdict = parts.rateLimiter.check(token, state.clock.now());
  if (verdict.isAllowed) return undefined;
  return apiErrorResponse(state.settings.quirks.rateLimitStatus, "rate_limit_reached", "Too many requests.", {
    "retry-after": String(verdict.retryAfterSeconds),
  });
}

function answerFault(fault: Extract<PlannedFault, { kind: "status" }>): Response {
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
  if (fault.body === undefined) {
    if (fault.status === 204 || fault.status < 300)
      return new Response(null, { status: fault.status, headers });
    const category = categoryOf(fault.status);
    return jsonResponse(
      createApiErrorBody(fault.status, category, `Simulated ${fault.status}.`),
      fault.status,
      headers,
    );
  }
  if (typeof fault.body === "string") {
    return new Response(fault.body, {
      status: fault.status,
      headers: { "content-type": "text/plain", ...headers },
    });
  }
  return jsonResponse(fault.body, fault.status, headers);
}

function categoryOf(status: number): ApiErrorCategory {
  if (status === 401) return "invalid_token";
  if (status === 403) return "invalid_permission";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limit_reached";
  return status >= 500 ? "internal_error" : "invalid_request";
}

function waitFor(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
