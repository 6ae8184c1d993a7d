/**
 * The background webhook job, started by startService next to the report sync. Every tick, on
 * the injected clock and timers:
 * 1. notices sessions that expired (TeamViewer reports no expiry) and records `session.expired`
 *    once per session;
 * 2. fans new outbox events out into one delivery per subscribed endpoint;
 * 3. claims due deliveries with a lease and attempts them, a batch at a time in parallel;
 * 4. now and then deletes events older than the retention (30 days) with their history.
 *
 * Several instances may run a dispatcher on one database: SKIP LOCKED and the lease keep them
 * from attempting the same delivery, and an attempt is recorded only while its lease is held.
 * A crash mid-attempt leaves the lease to expire; the delivery is then attempted again
 * (at-least-once: receivers deduplicate by `webhook-id`).
 */
import { pagesOfSessionsExpiredBetween } from "../db/repositories/support-sessions.js";
import {
  claimDueWebhookDeliveries,
  deleteOldWebhookEvents,
  fanOutWebhookEvents,
} from "../db/repositories/webhooks.js";
import { transaction } from "../db/transaction.js";
import { recordSessionExpired } from "../events/session-events.js";
import { type IntervalTimers, systemIntervalTimers } from "../jobs/interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "../jobs/periodic-job.js";
import { type DeliveryResult, deliverWebhook } from "./deliver-webhook.js";
import { type WebhookDeps, webhookAttemptTimeoutMs } from "./webhook-deps.js";

export interface WebhookDispatcherOptions {
  /** How often to look for work (default 2 s). */
  tickMs: number;
  /** How often to look for expired sessions and old events (default 60 s). */
  expirySweepMs: number;
  /** Deliveries attempted at once per tick (default 10). */
  batchSize: number;
  /** Batches per tick at most, so a backlog does not starve shutdown (default 10). */
  maxBatchesPerTick: number;
  /** Expired sessions read per query of the expiry sweep, which pages through all of them (default 500). */
  expiryBatchSize: number;
}

export const defaultWebhookDispatcherOptions: WebhookDispatcherOptions = {
  tickMs: 2_000,
  expirySweepMs: 60_000,
  batchSize: 10,
  maxBatchesPerTick: 10,
  expiryBatchSize: 500,
};

/** Expiries older than this are not announced (e.g. history from before webhooks existed). */
const expiryLookBackMs = 24 * 3600 * 1000;
/**
 * How long events, their deliveries and attempts are kept for the history and for re-sending.
 * Longer than the retry schedule and the expiry look-back, which rely on old events existing.
 */
export const webhookRetentionMs = 30 * 24 * 3600 * 1000;
/** Added to an attempt's deadline for the lease, so it never runs out while its attempt runs. */
const leaseMarginMs = 50_000;

export interface DispatchSummary {
  expired: number;
  pruned: number;
  fannedOut: number;
  attempts: Record<DeliveryResult, number>;
}

export type WebhookDispatcher = PeriodicJob<DispatchSummary>;

export function createWebhookDispatcher(config: {
  deps: WebhookDeps;
  instanceId: string;
  options?: Partial<WebhookDispatcherOptions>;
  timers?: IntervalTimers;
}): WebhookDispatcher {
  const { deps, instanceId } = config;
  const options = { ...defaultWebhookDispatcherOptions, ...config.options };
  const timers = config.timers ?? systemIntervalTimers;
  let nextSweepAt = Number.NEGATIVE_INFINITY;
  /** Where the last complete expiry sweep ended; the next starts there. */
  let sweptUntil: Date | undefined;
  const leaseMs = (deps.attemptTimeoutMs ?? webhookAttemptTimeoutMs) + leaseMarginMs;

  /**
   * Records `session.expired` for every session that expired since the last sweep (the last 24 h
   * on the first), page by page. The event id is derived from the session, so instances that
   * sweep the same sessions, or a restarted one, record each expiry once.
   */
  async function sweepExpiredSessions(): Promise<number> {
    const now = deps.clock.now();
    let count = 0;
    const pages = pagesOfSessionsExpiredBetween(deps.database.db, {
      from: sweptUntil ?? new Date(now.getTime() - expiryLookBackMs),
      to: now,
      limit: options.expiryBatchSize,
    });
    for await (const expired of pages) {
      for (const session of expired) {
        await transaction(deps.database.db, (tx) => recordSessionExpired(tx, session, now));
      }
      count += expired.length;
    }
    sweptUntil = now;
    return count;
  }

  async function runTick(): Promise<DispatchSummary> {
    const summary: DispatchSummary = {
      expired: 0,
      pruned: 0,
      fannedOut: 0,
      attempts: { succeeded: 0, retrying: 0, failed: 0, "endpoint-gone": 0, cancelled: 0, "lease-lost": 0 },
    };
    if (deps.clock.now().getTime() >= nextSweepAt) {
      summary.expired = await sweepExpiredSessions();
      summary.pruned = await deleteOldWebhookEvents(deps.database.db, {
        before: new Date(deps.clock.now().getTime() - webhookRetentionMs),
        limit: 1000,
      });
      nextSweepAt = deps.clock.now().getTime() + options.expirySweepMs;
    }
    for (let round = 0; round < options.maxBatchesPerTick; round++) {
      const count = await fanOutWebhookEvents(deps.database.db, deps.clock.now(), 100);
      summary.fannedOut += count;
      if (count < 100) break;
    }
    for (let batch = 0; batch < options.maxBatchesPerTick; batch++) {
      const now = deps.clock.now();
      const claimed = await claimDueWebhookDeliveries(deps.database.db, {
        holder: instanceId,
        now,
        lockedUntil: new Date(now.getTime() + leaseMs),
        limit: options.batchSize,
      });
      const results = await Promise.all(
        claimed.map((delivery) =>
          deliverWebhook(deps, delivery, instanceId).catch((error: unknown) => {
            deps.logger.error(
              { err: error, deliveryId: delivery.id },
              "webhook delivery failed unexpectedly",
            );
            return "lease-lost" as const;
          }),
        ),
      );
      for (const result of results) summary.attempts[result] += 1;
      if (claimed.length < options.batchSize) break;
    }
    return summary;
  }

  return createPeriodicJob({
    name: "webhook dispatcher",
    tickMs: options.tickMs,
    timers,
    logger: deps.logger,
    runTick,
  });
}
