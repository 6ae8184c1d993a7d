/**
 * One screenshot of a connection, fetched from TeamViewer when someone looks at it: images are not
 * stored, and a browser never gets a TeamViewer address (it would need our token). Only ids from
 * the stored list are asked for, so the route cannot be used to probe TeamViewer.
 */
import { NotFoundError, PermissionDeniedError } from "@attendant/teamviewer";
import { findStoredScreenshots } from "../db/repositories/connection-report-extras.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { ConnectionReportError, toConnectionReportError } from "./connection-report-error.js";
import { loadReportToView } from "./report-access.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { createClientThatSees } from "./update-connection-report.js";

/** Image types a browser may show inline; anything else is sent as a download. */
const inlineImageTypes = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export interface ConnectionScreenshot {
  bytes: Uint8Array;
  /** One of the inline image types, or `application/octet-stream`. */
  contentType: string;
  isInline: boolean;
}

/** @throws ConnectionReportError report-not-found, screenshot-not-available, or a TeamViewer failure's reason */
export async function loadConnectionScreenshot(
  deps: ReportSyncDeps,
  options: { actor: SessionActor; reportId: string; screenshotId: string },
): Promise<ConnectionScreenshot> {
  const report = await loadReportToView(deps, options.actor, options.reportId);
  const listed = await findStoredScreenshots(deps.database.db, report.id);
  const isListed =
    Array.isArray(listed) &&
    listed.some((shot: { screenshotId?: unknown }) => shot.screenshotId === options.screenshotId);
  if (!isListed) throw new ConnectionReportError("screenshot-not-available");
  try {
    const client = await createClientThatSees(deps, options.actor, report);
    const image = await client.reports.connectionExtras.screenshot(
      report.teamViewerReportId,
      options.screenshotId,
    );
    const type = image.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
    const isInline = inlineImageTypes.has(type);
    return { bytes: image.bytes, contentType: isInline ? type : "application/octet-stream", isInline };
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof PermissionDeniedError) {
      throw new ConnectionReportError("screenshot-not-available", { cause: error });
    }
    throw toConnectionReportError(error);
  }
}
