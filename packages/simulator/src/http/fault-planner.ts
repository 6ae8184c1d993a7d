/**
 * Planned failures per route (docs/teamviewer-api.md §7): a status with a body and `Retry-After`, a delay,
 * a stalled body (headers sent, body never finishes) or a connection reset — once, N times or
 * always; a status or reset either instead of handling the request or after it.
 */

export type FaultKind = "status" | "delay" | "stall" | "reset";

interface FaultPlanBase {
  /** HTTP method, or `*` (default) for any. */
  method?: string;
  /** Path pattern; `*` matches any run of characters. Matched case-insensitively against the path. */
  path: string;
  /** How many matching requests fail: a count (default 1) or "always". */
  times?: number | "always";
  /** Wait this long (real milliseconds) before acting; keep it short in tests. */
  delayMs?: number;
  /**
   * `"after"`: the request is handled first (a session really gets created), then the status or
   * reset replaces the answer, or a delay holds it back — the ambiguous failure a client must
   * reconcile, or the moment a client can be killed in after its change took effect. Default
   * `"before"`.
   */
  when?: "before" | "after";
}

export type FaultPlan = FaultPlanBase &
  (
    | {
        kind: "status";
        status: number;
        /** JSON body (objects) or text; default a TeamViewer-style error for the status. */
        body?: unknown;
        retryAfterSeconds?: number;
        headers?: Record<string, string>;
      }
    | { kind: "delay"; delayMs: number }
    | { kind: "stall" }
    | { kind: "reset" }
  );

export type PlannedFault = FaultPlan & { id: number; remaining: number | "always" };

export class FaultPlanner {
  #faults: (PlannedFault & { pattern: RegExp })[] = [];
  #nextId = 1;

  plan(plan: FaultPlan): PlannedFault {
    validatePlan(plan);
    const planned = { ...plan, id: this.#nextId++, remaining: plan.times ?? 1 };
    this.#faults.push({ ...planned, pattern: toPattern(plan.path) });
    return planned;
  }

  /** The first fault matching the request, counted down; spent faults disappear. */
  take(method: string, path: string): PlannedFault | undefined {
    const fault = this.#faults.find(
      (candidate) =>
        (candidate.method === undefined ||
          candidate.method === "*" ||
          candidate.method.toUpperCase() === method) &&
        candidate.pattern.test(path),
    );
    if (!fault) return undefined;
    if (fault.remaining !== "always") {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.#faults = this.#faults.filter((candidate) => candidate !== fault);
    }
    const { pattern: _pattern, ...planned } = fault;
    return planned;
  }

  list(): PlannedFault[] {
    return this.#faults.map(({ pattern: _pattern, ...planned }) => planned);
  }

  clear(): void {
    this.#faults = [];
  }
}

function validatePlan(plan: FaultPlan): void {
  if (typeof plan.path !== "string" || !plan.path.startsWith("/"))
    throw new Error("A fault needs a path starting with /.");
  if (!["status", "delay", "stall", "reset"].includes(plan.kind))
    throw new Error(`Unknown fault kind ${plan.kind}.`);
  if (
    plan.kind === "status" &&
    !(Number.isInteger(plan.status) && plan.status >= 200 && plan.status <= 599)
  ) {
    throw new Error("A status fault needs a status from 200 to 599.");
  }
  if (plan.kind === "delay" && !(typeof plan.delayMs === "number" && plan.delayMs >= 0)) {
    throw new Error("A delay fault needs delayMs.");
  }
  if (plan.when !== undefined && plan.when !== "before" && plan.when !== "after") {
    throw new Error('when must be "before" or "after".');
  }
  if (plan.when === "after" && plan.kind === "stall") {
    throw new Error('Only status, reset and delay faults can apply "after" handling.');
  }
  const times = plan.times;
  if (times !== undefined && times !== "always" && !(Number.isInteger(times) && times > 0)) {
    throw new Error('times must be a positive whole number or "always".');
  }
}

function toPattern(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`, "i");
}
