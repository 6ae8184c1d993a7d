/**
 * Write-back (issue 6): notes and billing state are TeamViewer's fields, so an edit is sent as
 * `PUT /reports/connections/{id}` (docs/teamviewer-api.md §4) with an account that can see the
 * report, and the local copy changes only after TeamViewer accepted it. A sync that read the
 * record just before the PUT may briefly restore the old values; the next pass heals that,
 * because TeamViewer holds the new ones.
 */
import type { TeamViewerClient } from "@attendant/teamviewer";
import type { StoredConnectionReport } from "../db/repositories/connection-reports.js";
import { billedState, updateConnectionReportFields } from "../db/repositories/connection-reports.js";
import { findSyncAccount } from "../db/repositories/report-sync-accounts.js";
import { transaction } from "../db/transaction.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { recordConnectionUpdated } from "../webhooks/connection-events.js";
import { billableMinutesOf } from "./billable-minutes.js";
import { ConnectionReportError, toConnectionReportError } from "./connection-report-error.js";
import { type ConnectionReportView, toConnectionReportView } from "./connection-report-view.js";
import { getBillingRules } from "./organisation-billing-rules.js";
import { loadReportToChange } from "./report-access.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { createSyncClient } from "./sync-sources.js";

export const billingStates = ["Bill", "Billed", "DoNotBill"] as const;
export type BillingStateValue = (typeof billingStates)[number];

/** TeamViewer publishes no limit; this keeps a note a note. */
const maxNotesLength = 4000;

/**
 * @throws ConnectionReportError invalid-change, report-not-found, forbidden, and TeamViewer
 *   failures (needs-reconnect, rate-limited, unreachable, …) with nothing changed locally
 */
export async function updateConnectionReport(
  deps: ReportSyncDeps,
  options: { actor: SessionActor; reportId: string; notes?: string; billingState?: BillingStateValue },
): Promise<ConnectionReportView> {
  const { actor, notes, billingState } = options;
  const isValid =
    (notes !== undefined || billingState !== undefined) &&
    (notes === undefined || notes.length <= maxNotesLength) &&
    (billingState === undefined || (billingStates as readonly string[]).includes(billingState));
  if (!isValid) throw new ConnectionReportError("invalid-change");
  const report = await loadReportToChange(deps, actor, options.reportId);
  try {
    const client = await createClientThatSees(deps, actor, report);
    await client.reports.connections.update(report.teamViewerReportId, {
      ...(notes === undefined ? {} : { notes }),
      ...(billingState === undefined ? {} : { billing_state: billingState }),
    });
  } catch (error) {
    throw toConnectionReportError(error);
  }
  const billing =
    billingState === undefined
      ? {}
      : { billingState, billedMinutes: await billedMinutesAfter(deps, report, billingState) };
  // The local change and its `connection.updated` webhook event commit together.
  const updated = await transaction(deps.database.db, async (tx) => {
    const row = await updateConnectionReportFields(tx, report.id, {
      ...(notes === undefined ? {} : { notes }),
      ...billing,
      raw: {
        ...report.raw,
        ...(notes === undefined ? {} : { notes }),
        ...(billingState === undefined ? {} : { billing_state: billingState }),
      },
    });
    if (row !== undefined) await recordConnectionUpdated(tx, row, deps.clock.now());
    return row;
  });
  if (updated === undefined) throw new ConnectionReportError("report-not-found");
  await auditSessionAction(deps, actor, {
    action: "connection_report.updated",
    target: { type: "connection_report", id: report.id },
    details: {
      teamViewerReportId: report.teamViewerReportId,
      fields: [
        ...(notes === undefined ? [] : ["notes"]),
        ...(billingState === undefined ? [] : ["billingState"]),
      ],
    },
  });
  return toConnectionReportView(updated);
}

/**
 * Marking a record `Billed` fixes its billable minutes under the rules in force; one billed
 * already keeps them, and any other state lets it follow the rules again.
 */
async function billedMinutesAfter(
  deps: ReportSyncDeps,
  report: StoredConnectionReport,
  billingState: BillingStateValue,
): Promise<number | null> {
  if (billingState !== billedState) return null;
  const rules = await getBillingRules(deps.database.db, report.organisationId);
  return billableMinutesOf(report, rules);
}

/**
 * The account that synced the report sees it; if that account is gone, the organisation's
 * script token (a company token sees everything), else the supporter's own grant.
 */
export async function createClientThatSees(
  deps: ReportSyncDeps,
  actor: SessionActor,
  report: StoredConnectionReport,
): Promise<TeamViewerClient> {
  const account =
    report.syncAccountId === null ? undefined : await findSyncAccount(deps.database.db, report.syncAccountId);
  if (account !== undefined && account.status !== "inactive") return createSyncClient(deps, account);
  const company = await deps.teamViewer.forOrganisation(report.organisationId);
  if (company !== undefined) return company;
  if (actor.userId === null) throw new ConnectionReportError("not-connected");
  return deps.teamViewer.createTeamViewerClientFor({
    userId: actor.userId,
    organisationId: actor.organisationId,
  });
}
