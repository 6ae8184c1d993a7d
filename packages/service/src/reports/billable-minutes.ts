/**
 * Billing rules per organisation (issue 6, "Views, billing and exports"): a connection's
 * duration is rounded up to the next whole rounding increment and is never less than the
 * minimum. Pure, so every view, the API and the exports compute the same number. A record marked
 * `Billed` keeps the minutes it was billed with (issue 25): later rules apply to the others only.
 */
import { billedState } from "../db/repositories/connection-reports.js";

export interface BillingRules {
  /** Durations are rounded up to a multiple of this many minutes (1..1440). */
  roundingIncrementMinutes: number;
  /** No connection bills fewer minutes than this (0..1440). */
  minimumBillableMinutes: number;
}

/** What an organisation that never saved rules gets: whole minutes, no minimum. */
export const defaultBillingRules: BillingRules = { roundingIncrementMinutes: 1, minimumBillableMinutes: 0 };

export const billingRuleLimits = {
  roundingIncrementMinutes: { min: 1, max: 1440 },
  minimumBillableMinutes: { min: 0, max: 1440 },
} as const;

/**
 * Billable minutes for a duration in seconds; null when the duration is unknown (a date
 * missing), since billing a guess would be wrong. A negative duration (clocks that disagree)
 * counts as zero. Any started increment counts whole: 61 s at 15-minute increments is 15.
 */
export function computeBillableMinutes(durationSeconds: number | null, rules: BillingRules): number | null {
  if (durationSeconds === null || !Number.isFinite(durationSeconds)) return null;
  const seconds = Math.max(0, Math.ceil(durationSeconds));
  const incrementSeconds = rules.roundingIncrementMinutes * 60;
  const rounded = Math.ceil(seconds / incrementSeconds) * rules.roundingIncrementMinutes;
  return Math.max(rounded, rules.minimumBillableMinutes);
}

/**
 * What a record bills: the minutes fixed when it was marked `Billed`, else its duration under the
 * rules in force.
 */
export function billableMinutesOf(
  report: { durationSeconds: number | null; billingState: string | null; billedMinutes: number | null },
  rules: BillingRules,
): number | null {
  if (report.billingState === billedState && report.billedMinutes !== null) return report.billedMinutes;
  return computeBillableMinutes(report.durationSeconds, rules);
}
