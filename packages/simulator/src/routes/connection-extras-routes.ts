import type { Hono } from "hono";
import { authorize, type Principal } from "../http/principal.js";
import { type ConnectionExtras, SCREENSHOT_PNG } from "../reports/connection-extras.js";
import {
  presentAiSummary,
  presentAugmentedSessionSummary,
  presentChatTranscript,
  presentScreenshots,
} from "../reports/connection-extras-presenter.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { ApiFailure, jsonResponse, notFound } from "../wire/errors.js";
import { findReport } from "./report-routes.js";

/**
 * What a connection's report carries beyond the record (docs/teamviewer-api.md §4): answers other than 200
 * are undocumented, so the simulator uses the two the spec names: 403 when the account's licence
 * does not provide them, 404 for a connection that has none.
 */
export function registerConnectionExtrasRoutes(app: Hono, state: SimulatorState): void {
  const base = "/api/v1/reports/connections/:id";

  app.get(`${base}/chat-transcript`, (c) => {
    const extras = requireExtras(state, c.req.raw, c.req.param("id"), "a chat transcript");
    if (extras.chat.length === 0) throw notFound("This connection has no chat transcript.");
    return jsonResponse(presentChatTranscript(extras));
  });

  app.get(`${base}/ai-summary`, (c) => {
    const extras = requireExtras(state, c.req.raw, c.req.param("id"), "an AI summary");
    if (extras.chat.length === 0) throw notFound("This connection has no AI summary.");
    return jsonResponse(presentAiSummary(extras));
  });

  app.get(`${base}/augmented-session-summary`, (c) => {
    const extras = requireExtras(state, c.req.raw, c.req.param("id"), "an augmented session summary");
    if (extras.chat.length === 0) throw notFound("This connection has no augmented session summary.");
    return jsonResponse(presentAugmentedSessionSummary(extras));
  });

  app.get(`${base}/screenshots`, (c) => {
    const extras = requireExtras(state, c.req.raw, c.req.param("id"), "screenshots");
    if (extras.screenshots.length === 0) throw notFound("This connection has no screenshots.");
    return jsonResponse(presentScreenshots(extras));
  });

  app.get(`${base}/:screenshotId/screenshot`, (c) => {
    const extras = requireExtras(state, c.req.raw, c.req.param("id"), "screenshots");
    const screenshotId = c.req.param("screenshotId").toLowerCase();
    const screenshot = extras.screenshots.find((shot) => shot.screenshotId === screenshotId);
    if (!screenshot) throw notFound(`Screenshot ${c.req.param("screenshotId")} was not found.`);
    return new Response(SCREENSHOT_PNG.slice(), { headers: { "content-type": screenshot.mimeType } });
  });
}

function requireExtras(state: SimulatorState, request: Request, id: string, what: string): ConnectionExtras {
  const principal: Principal = authorize(state, request, "connection_reporting");
  const report = findReport(state, principal, id);
  if (!state.world.requireAccount(principal.userid).license.connectionExtras) {
    throw new ApiFailure(
      403,
      "invalid_permission",
      `The licence of this account provides no access to ${what}.`,
    );
  }
  const extras = state.connectionExtras.get(report.id);
  if (!extras) throw notFound(`This connection has no ${what}.`);
  return extras;
}
