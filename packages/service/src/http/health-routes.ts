/**
 * Probes for orchestrators: /healthz says the process serves HTTP (liveness, restart if not);
 * /readyz says it can do useful work, i.e. the database answers (readiness, route traffic).
 */
import { Hono } from "hono";
import type { Database } from "../db/open-database.js";
import type { AppEnv } from "./app-deps.js";
import { problemResponse } from "./problem.js";

/** A hung database must make /readyz fail, not hang the probe. */
const readinessTimeoutMs = 2_000;

export function createHealthRoutes(database: Database): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get("/healthz", (c) => c.json({ status: "ok" }));
  routes.get("/readyz", async (c) => {
    try {
      await pingWithin(database, readinessTimeoutMs);
      return c.json({ status: "ready" });
    } catch (error) {
      c.get("logger").warn({ err: error }, "readiness check failed: database unreachable");
      return problemResponse(c, 503, { detail: "The database is not reachable." });
    }
  });
  return routes;
}

function pingWithin(database: Database, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([database.ping(), timeout]).finally(() => clearTimeout(timer));
}
