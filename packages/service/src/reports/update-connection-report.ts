/**
 * Write-back (issue 6): notes and billing state are TeamViewer's fields, so an edit is sent as
 * `PUT /reports/connections/{id}` (docs/teamviewer-api.md §4) with an account that can see the
 * report, and the local copy changes only after TeamViewer accepted it. A sync that read the
 * record just before the PUT may briefly restore the old values; the next pass heals that,
 * because TeamViewer holds the new ones.
 *
 * Across a crash (issue 20, docs/adr/0030-report-write-back-across-a-crash.md) the report is
 * marked "write-back pending" before the PUT and the mark goes with the local update. A mark the
 * request cannot clear — the process died, or TeamViewer's answer never came — is settled from
 * TeamViewer's values (settle-report-write-back.ts), never by sending the change again.
 */
import { NotFoundError, type TeamViewerClient, TeamViewerError } from "@attendant/teamviewer";
import {
  claimWriteBack,
  completeWriteBack,
  dropWriteBack,
  releaseWriteBackLease,
  type WriteBackMarker,
} from "../db/repositories/connection-report-write-backs.js";
import {
  billedState,
  type StoredConnectionReport,
  updateConnectionReportFields,
} from "../db/repositories/connection-reports.js";
import { findSyncAccount } from "../db/repositories/report-sync-accounts.js";
import type { WriteBackChange } from "../db/schema.js";
import { transaction } from "../db/transaction.js";
import { recordConnectionUpdated } from "../events/connection-events.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import { isAmbiguousCreateFailure } from "../sessions/teamviewer-failures.js";
import {
  TeamViewerNotConfiguredError,
  TeamViewerNotConnectedError,
  TeamViewerReconnectRequiredError,
} from "../teamviewer/teamviewer-errors.js";
import { billableMinutesOf } from "./billable-minutes.js";
import { ConnectionReportError, toConnectionReportError } from "./connection-report-error.js";
import { type ConnectionReportView, toConnectionReportView } from "./connection-report-view.js";
import { getBillingRules } from "./organisation-billing-rules.js";
import { loadReportToChange } from "./report-access.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { settleReportWriteBack } from "./settle-report-write-back.js";
import { createSyncClient } from "./sync-sources.js";

export const billingStates = ["Bill", "Billed", "DoNotBill"] as const;
export type BillingStateValue = (typeof billingStates)[number];

/** TeamViewer publishes no limit; this keeps a note a note. */
const maxNotesLength = 4000;

/**
 * The request that marked a report holds it this long. The PUT, retries included, is cut off
 * well before (`putDeadlineMs`), so a mark whose lease ended belongs to no live request.
 */
export const writeBackLeaseMs = 2 * 60_000;
const putDeadlineMs = 90_000;

/**
 * @throws ConnectionReportError invalid-change, report-not-found, forbidden; write-back-pending
 *   while another request is writing this report back; write-back-unconfirmed when TeamViewer
 *   may or may not have applied the change (the report stays marked as being saved); other
 *   TeamViewer failures (needs-reconnect, rate-limited, rejected, …) with nothing changed
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
  const change: WriteBackChange = {
    ...(notes === undefined ? {} : { notes }),
    ...(billingState === undefined ? {} : { billingState }),
  };
  let report = await loadReportToChange(deps, actor, options.reportId);
  let client: TeamViewerClient;
  try {
    client = await createClientThatSees(deps, actor, report);
    if (report.writeBackPending !== null) report = await settleEarlierWriteBack(deps, client, report);
  } catch (error) {
    throw toConnectionReportError(error);
  }
  const now = deps.clock.now();
  const isClaimed = await claimWriteBack(deps.database.db, {
    id: report.id,
    change,
    now,
    leaseMs: writeBackLeaseMs,
  });
  if (!isClaimed) throw new ConnectionReportError("write-back-pending");
  const marker: WriteBackMarker = { id: report.id, startedAt: now };
  try {
    await client.reports.connections.update(
      report.teamViewerReportId,
      {
        ...(notes === undefined ? {} : { notes }),
        ...(billingState === undefined ? {} : { billing_state: billingState }),
      },
      { signal: AbortSignal.timeout(putDeadlineMs) },
    );
  } catch (error) {
    await settleFailedPut(deps, marker, error);
  }
  const billing =
    billingState === undefined
      ? {}
      : { billingState, billedMinutes: await billedMinutesAfter(deps, report, billingState) };
  // The local change, the cleared mark and the `connection.updated` webhook event commit together.
  const updated = await transaction(deps.database.db, async (tx) => {
    const fields = {
      ...(notes === undefined ? {} : { notes }),
      ...billing,
      raw: {
        ...report.raw,
        ...(notes === undefined ? {} : { notes }),
        ...(billingState === undefined ? {} : { billing_state: billingState }),
      },
    };
    // TeamViewer holds this change: had this request outlived its lease and the mark been
    // settled meanwhile, the local copy still takes the change.
    const row =
      (await completeWriteBack(tx, marker, fields)) ??
      (await updateConnectionReportFields(tx, report.id, fields));
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
 * An earlier edit's mark: while its request is alive, this edit waits its turn (409); once no
 * live request holds it, TeamViewer's values are taken first, so this edit starts from them.
 */
async function settleEarlierWriteBack(
  deps: ReportSyncDeps,
  client: TeamViewerClient,
  report: StoredConnectionReport,
): Promise<StoredConnectionReport> {
  const lease = report.writeBackLeaseExpiresAt;
  if (lease !== null && lease > deps.clock.now()) throw new ConnectionReportError("write-back-pending");
  const settled = await settleReportWriteBack(deps, client, report);
  if (settled === undefined) throw new ConnectionReportError("write-back-pending");
  return settled;
}

/**
 * A refusal (4xx, or no usable token) changed nothing at TeamViewer: the mark goes. Anything
 * else — a timeout, a dropped connection, a 5xx, a failure of ours — may have come after
 * TeamViewer applied the change: the mark stays, without a lease, for the sync to settle.
 * @throws ConnectionReportError always
 */
async function settleFailedPut(
  deps: ReportSyncDeps,
  marker: WriteBackMarker,
  error: unknown,
): Promise<never> {
  const refusal = asRefusal(error);
  if (refusal !== undefined) {
    await dropWriteBack(deps.database.db, marker);
    throw refusal;
  }
  await releaseWriteBackLease(deps.database.db, marker);
  throw new ConnectionReportError("write-back-unconfirmed", { cause: error });
}

/** The error as a definite refusal; undefined when TeamViewer may have applied the change. */
function asRefusal(error: unknown): ConnectionReportError | undefined {
  const isAmbiguous =
    error instanceof TeamViewerError
      ? // As for a create, plus 404: there is no report to change, so nothing changed.
        isAmbiguousCreateFailure(error) && !(error instanceof NotFoundError)
      : !(
          error instanceof TeamViewerNotConfiguredError ||
          error instanceof TeamViewerNotConnectedError ||
          error instanceof TeamViewerReconnectRequiredError
        );
  return isAmbiguous ? undefined : toConnectionReportError(error);
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
