/**
 * Random faults through the simulator's own fault planner: before a request to one of `paths`
 * reaches the simulator, a seeded draw may plan a one-shot fault for exactly that method and
 * path, which the simulator then applies as it would any planned fault (and records in its
 * journal). The mix, per request: 10% 5xx, 4% 429 with Retry-After, 3% stalled body, 3%
 * connection reset. On POST half the 5xx and resets come after the request was handled, the
 * ambiguous case a client must reconcile; a stalled body is always after handling.
 */
import type { FaultPlan, Simulator } from "@attendant/simulator";
import { randomInt } from "../../support/seeded-random.js";

export interface FaultCounts {
  status5xx: number;
  status429: number;
  stall: number;
  reset: number;
}

export interface InjectedFaults {
  /** Use as the service's `teamViewerFetch`. */
  fetch: typeof fetch;
  /** How many faults of each kind were planned so far. */
  planned: FaultCounts;
}

export function injectRandomFaults(
  simulator: Simulator,
  random: () => number,
  options: { paths: readonly string[] },
): InjectedFaults {
  const planned: FaultCounts = { status5xx: 0, status429: 0, stall: 0, reset: 0 };
  const isTarget = (path: string) => options.paths.some((target) => path.toLowerCase() === target);
  const fetchWithFaults = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const { pathname } = new URL(request.url);
    if (isTarget(pathname)) {
      const fault = drawFault(random, request.method);
      if (fault !== undefined) {
        planned[fault.counter] += 1;
        simulator.admin.planFault({ ...fault.plan, method: request.method, path: pathname, times: 1 });
      }
    }
    return simulator.fetch(request);
  };
  return { fetch: fetchWithFaults as typeof fetch, planned };
}

type DrawnFault = { counter: keyof FaultCounts; plan: FaultPlan };

function drawFault(random: () => number, method: string): DrawnFault | undefined {
  const draw = random();
  const when = method === "POST" && random() < 0.5 ? "after" : "before";
  if (draw < 0.1) {
    const status = [500, 502, 503, 504][randomInt(random, 0, 3)] ?? 500;
    return { counter: "status5xx", plan: { path: "", kind: "status", status, when } };
  }
  if (draw < 0.14) {
    const retryAfterSeconds = randomInt(random, 1, 30);
    return { counter: "status429", plan: { path: "", kind: "status", status: 429, retryAfterSeconds } };
  }
  if (draw < 0.17) return { counter: "stall", plan: { path: "", kind: "stall" } };
  if (draw < 0.2) return { counter: "reset", plan: { path: "", kind: "reset", when } };
  return undefined;
}
