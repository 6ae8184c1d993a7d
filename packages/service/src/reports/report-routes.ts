/**
 * The admin's view of the report sync: `GET /reports/sync-status` answers the sync status as
 * JSON (admins only; others get the 403 page, visitors the login redirect). The report views
 * and their UI build on the use cases in this folder.
 */
import { Hono } from "hono";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { getReportSyncStatus } from "./sync-status.js";

export function createReportRoutes(deps: ReportSyncDeps): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  routes.get("/reports/sync-status", requireRole("admin"), async (c) => {
    const status = await getReportSyncStatus(deps, { actor: webActorOf(c) });
    c.header("cache-control", "no-store");
    return c.json(status);
  });
  return routes;
}
