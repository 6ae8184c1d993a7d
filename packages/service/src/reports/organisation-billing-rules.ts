/**
 * Reading and changing an organisation's billing rules. Everyone who sees reports reads them
 * (billable minutes are part of every view); only admins change them, and the change is audited
 * with the old and new values. A change never alters what a `Billed` record bills
 * (billable-minutes.ts).
 */

import type { Db } from "../db/open-database.js";
import { findBillingRules, saveBillingRules } from "../db/repositories/billing-rules.js";
import { fixBilledMinutes, listUnfixedBilledReports } from "../db/repositories/connection-reports.js";
import { transaction } from "../db/transaction.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import {
  type BillingRules,
  billingRuleLimits,
  computeBillableMinutes,
  defaultBillingRules,
} from "./billable-minutes.js";
import { ConnectionReportError } from "./connection-report-error.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

export async function getBillingRules(db: Db, organisationId: string): Promise<BillingRules> {
  const row = await findBillingRules(db, organisationId);
  return row === undefined
    ? defaultBillingRules
    : {
        roundingIncrementMinutes: row.roundingIncrementMinutes,
        minimumBillableMinutes: row.minimumBillableMinutes,
      };
}

export function areValidBillingRules(rules: BillingRules): boolean {
  return (Object.keys(billingRuleLimits) as (keyof BillingRules)[]).every((name) => {
    const value = rules[name];
    const limits = billingRuleLimits[name];
    return Number.isInteger(value) && value >= limits.min && value <= limits.max;
  });
}

/** @throws ConnectionReportError admins-only, invalid-billing-rules */
export async function updateBillingRules(
  deps: Pick<ReportSyncDeps, "database" | "clock">,
  options: { actor: SessionActor; rules: BillingRules },
): Promise<BillingRules> {
  const { actor, rules } = options;
  if (actor.role !== "admin") throw new ConnectionReportError("admins-only");
  if (!areValidBillingRules(rules)) throw new ConnectionReportError("invalid-billing-rules");
  const before = await transaction(deps.database.db, async (tx) => {
    const inForce = await getBillingRules(tx, actor.organisationId);
    // Records billed at TeamViewer since the last change were billed under the rules in force
    // until now: their minutes are fixed before the new rules apply to everything else.
    const unfixed = await listUnfixedBilledReports(tx, actor.organisationId);
    await fixBilledMinutes(
      tx,
      unfixed.map((report) => ({
        id: report.id,
        minutes: computeBillableMinutes(report.durationSeconds, inForce) ?? 0,
      })),
    );
    await saveBillingRules(
      tx,
      { organisationId: actor.organisationId, ...rules, updatedByUserId: actor.userId },
      deps.clock.now(),
    );
    return inForce;
  });
  await auditSessionAction(deps, actor, {
    action: "billing_rules.updated",
    target: { type: "organisation", id: actor.organisationId },
    details: { before, after: rules },
  });
  return rules;
}
