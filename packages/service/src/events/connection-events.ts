/**
 * Webhook events of connection reports and TeamViewer connections, recorded in the transaction
 * of the change (see record-event.ts). `connection.reported` is recorded by the sync
 * itself (recordReportedConnections), as it knows which records are new.
 */

import type { Db } from "../db/open-database.js";
import type { StoredConnectionReport } from "../db/repositories/connection-reports.js";
import { findTicketById } from "../db/repositories/tickets.js";
import { connectionEventData, connectionLostEventData } from "./event-data.js";
import { recordWebhookEvent } from "./record-event.js";

/** `connection.updated` after notes or the billing state of a report changed. */
export async function recordConnectionUpdated(
  tx: Db,
  report: StoredConnectionReport,
  now: Date,
): Promise<void> {
  const ticket = report.ticketId === null ? undefined : await findTicketById(tx, report.ticketId);
  await recordWebhookEvent(tx, {
    organisationId: report.organisationId,
    type: "connection.updated",
    data: connectionEventData(report, ticket),
    now,
  });
}

/**
 * `teamviewer.connection_lost` when a user's TeamViewer grant stopped working: the refresh token
 * was refused (`refresh_refused`) or TeamViewer refused the access token itself
 * (`access_refused`). The user must reconnect before sessions can be created for them again.
 */
export async function recordConnectionLost(
  tx: Db,
  values: {
    organisationId: string;
    user: { id: string; email: string };
    reason: "refresh_refused" | "access_refused";
    now: Date;
  },
): Promise<void> {
  await recordWebhookEvent(tx, {
    organisationId: values.organisationId,
    type: "teamviewer.connection_lost",
    data: connectionLostEventData({
      userId: values.user.id,
      email: values.user.email,
      reason: values.reason,
    }),
    now: values.now,
  });
}
