/**
 * The background write-back job (issue 22), started by startService next to the webhook
 * dispatcher. Every tick it leases due writes (the oldest pending write of each ticket; see
 * claimDueHelpdeskWrites) and carries out their plans (write-back/plan-helpdesk-write.ts).
 *
 * Exactly once on the helpdesk's side: every note and public reply carries its write's marker,
 * and before adding one the writer asks the helpdesk whether it is there already. A crash between the helpdesk
 * taking a note and us recording it leaves the lease to run out; the next attempt finds the note
 * and only records it. Setting a field twice changes nothing.
 *
 * Failures: the helpdesk down, slow, refusing the token, rate limiting or answering 5xx/409 is
 * retried on the webhook schedule (about three days); a ticket the helpdesk does not have stops
 * that write with the reason; any other refusal fails it. Both can be re-sent from the page or
 * the API. Nothing here blocks a supporter: sessions and reports are stored before any of this.
 */
import { findHelpdeskConnection, recordHelpdeskCheck } from "../db/repositories/helpdesk-connections.js";
import {
  claimDueHelpdeskWrites,
  findHelpdeskReportWrite,
  finishHelpdeskWrite,
  type HelpdeskWriteOutcome,
  type HelpdeskWriteRecord,
} from "../db/repositories/helpdesk-writes.js";
import { findInvitationHelpdeskJoinUrl } from "../db/repositories/session-invitations.js";
import { findUserById } from "../db/repositories/users.js";
import { createTranslator, isSupportedLocale, type Locale } from "../i18n/index.js";
import { openJoinUrlForHelpdesk } from "../invitations/helpdesk-join-url.js";
import { type IntervalTimers, systemIntervalTimers } from "../jobs/interval-timers.js";
import { createPeriodicJob, type PeriodicJob } from "../jobs/periodic-job.js";
import { isCurrentJoinUrl } from "../join/join-links.js";
import type { Logger } from "../logging/logger.js";
import { getBillingRules } from "../reports/organisation-billing-rules.js";
import { maxWebhookAttempts, nextRetryAt } from "../webhooks/retry-schedule.js";
import { connectorFor } from "./connectors.js";
import type { HelpdeskDeps } from "./helpdesk-connection-settings.js";
import { HelpdeskError } from "./helpdesk-error.js";
import { resolveHelpdeskTemplates } from "./templates/helpdesk-templates.js";
import {
  type InvitationJoinAddress,
  planHelpdeskWrite,
  type WritePlan,
} from "./write-back/plan-helpdesk-write.js";

export interface HelpdeskWriterOptions {
  /** How often to look for work (default 2 s). */
  tickMs: number;
  /** Writes carried out at once per tick (default 5: helpdesks are slower than webhook receivers). */
  batchSize: number;
}

export const defaultHelpdeskWriterOptions: HelpdeskWriterOptions = { tickMs: 2_000, batchSize: 5 };

/** A write is a few helpdesk calls of at most 15 s each (rt-rest-client.ts), with room to spare. */
const leaseMs = 5 * 60_000;

export type HelpdeskWriteResult = "done" | "retrying" | "failed" | "stopped" | "lease-lost";

export type HelpdeskWriter = PeriodicJob<Record<HelpdeskWriteResult, number>>;

export function createHelpdeskWriter(config: {
  deps: HelpdeskDeps & { logger: Logger };
  instanceId: string;
  options?: Partial<HelpdeskWriterOptions>;
  timers?: IntervalTimers;
}): HelpdeskWriter {
  const { deps, instanceId } = config;
  const options = { ...defaultHelpdeskWriterOptions, ...config.options };

  async function runTick(): Promise<Record<HelpdeskWriteResult, number>> {
    const summary: Record<HelpdeskWriteResult, number> = {
      done: 0,
      retrying: 0,
      failed: 0,
      stopped: 0,
      "lease-lost": 0,
    };
    const now = deps.clock.now();
    const claimed = await claimDueHelpdeskWrites(deps.database.db, {
      holder: instanceId,
      now,
      lockedUntil: new Date(now.getTime() + leaseMs),
      limit: options.batchSize,
    });
    const results = await Promise.all(
      claimed.map((write) =>
        carryOut(deps, write, instanceId).catch((error: unknown) => {
          deps.logger.error({ err: error, writeId: write.id }, "helpdesk write failed unexpectedly");
          return "lease-lost" as const;
        }),
      ),
    );
    for (const result of results) summary[result] += 1;
    return summary;
  }

  return createPeriodicJob({
    name: "helpdesk writer",
    tickMs: options.tickMs,
    timers: config.timers ?? systemIntervalTimers,
    logger: deps.logger,
    runTick,
  });
}

async function carryOut(
  deps: HelpdeskDeps,
  write: HelpdeskWriteRecord,
  holder: string,
): Promise<HelpdeskWriteResult> {
  const finish = async (outcome: HelpdeskWriteOutcome, plan?: WritePlan) => {
    const isFinal = outcome.state === "done" || outcome.state === "stopped";
    const isRecorded = await finishHelpdeskWrite(deps.database.db, {
      writeId: write.id,
      holder,
      outcome,
      reportWrite: outcome.state === "done" ? plan?.reportWrite : undefined,
      // Once the reply is on the ticket, or can never be, the join address need not be kept.
      repliedInvitationId:
        write.eventType === "invitation.sent" && isFinal ? String(write.payload.id) : undefined,
      now: deps.clock.now(),
    });
    if (!isRecorded) return "lease-lost" as const;
    return outcome.state === "pending" ? ("retrying" as const) : outcome.state;
  };
  const now = deps.clock.now();
  const connection = await findHelpdeskConnection(deps.database.db, deps.vault, write.organisationId);
  if (connection === undefined) {
    return finish({
      state: "stopped",
      nextAttemptAt: now,
      outcome: "No helpdesk is connected any more.",
      lastError: null,
    });
  }
  const isInvitation = write.eventType === "invitation.sent";
  // The reply goes to the customer, in the invitation's language; notes are for the agents.
  const locale = isInvitation ? invitationLocaleOf(write) : connection.noteLocale;
  const plan = planHelpdeskWrite({
    write,
    switches: connection,
    sessionField: connection.sessionField,
    templates: await resolveHelpdeskTemplates(deps, write.organisationId, locale),
    t: createTranslator(locale),
    supporterName: await supporterNameOf(deps, write),
    billingRules: await getBillingRules(deps.database.db, write.organisationId),
    previous: write.eventType.startsWith("connection.")
      ? await findHelpdeskReportWrite(deps.database.db, write.organisationId, String(write.payload.id))
      : undefined,
    joinAddress:
      isInvitation && connection.writesInvitationReplies ? await joinAddressOf(deps, write) : undefined,
  });
  const connector = connectorFor(connection);
  const written: string[] = [];
  try {
    for (const step of plan.steps) {
      if (step.kind === "field") {
        await connector.setTicketField(write.ticketExternalId, step.field, step.value);
        written.push(`field "${step.field}" set to ${step.value}`);
      } else if (step.kind === "reply") {
        if (await connector.hasReply(write.ticketExternalId, step.reply.marker)) {
          written.push(`reply "${step.reply.subject}" found from an earlier attempt`);
        } else {
          await connector.addReply(write.ticketExternalId, step.reply);
          written.push(`public reply "${step.reply.subject}" with the join page's address`);
        }
      } else if (step.kind === "reply-unavailable") {
        if (!(await connector.hasReply(write.ticketExternalId, step.marker))) {
          return finish({
            state: "stopped",
            nextAttemptAt: now,
            outcome: `Stopped: ${step.reason}`,
            lastError: null,
          });
        }
        written.push("public reply found from an earlier attempt");
      } else {
        const ticket = step.ticketExternalId ?? write.ticketExternalId;
        const onTicket = ticket === write.ticketExternalId ? "" : ` on ticket ${ticket}`;
        if (await connector.hasNote(ticket, step.note.marker)) {
          written.push(`note "${step.note.subject}"${onTicket} found from an earlier attempt`);
        } else {
          await connector.addNote(ticket, step.note);
          const minutes = step.note.workedMinutes ?? 0;
          written.push(
            `note "${step.note.subject}"${onTicket}${minutes === 0 ? "" : ` with ${minutes} min worked time`}`,
          );
        }
      }
    }
  } catch (error) {
    if (!(error instanceof HelpdeskError)) throw error;
    if (error.reason === "bad-credentials") {
      await recordHelpdeskCheck(deps.database.db, {
        id: connection.id,
        problems: [{ kind: "bad-credentials" }],
        checkedAt: deps.clock.now(),
      });
    }
    return finish(failureOutcome(error, write, written, deps.clock.now()));
  }
  const outcome =
    written.length === 0
      ? "Nothing to write: switched off on the helpdesk connection."
      : `Ticket ${write.ticketExternalId}: ${written.join("; ")}.`;
  return finish({ state: "done", nextAttemptAt: now, outcome, lastError: null }, plan);
}

function failureOutcome(
  error: HelpdeskError,
  write: HelpdeskWriteRecord,
  written: readonly string[],
  now: Date,
): HelpdeskWriteOutcome {
  const partly = written.length === 0 ? null : `Written before the failure: ${written.join("; ")}.`;
  if (error.reason === "not-found") {
    return {
      state: "stopped",
      nextAttemptAt: now,
      outcome: `Stopped: the helpdesk has no ticket ${write.ticketExternalId}, or the API user may not see it.`,
      lastError: error.message,
    };
  }
  const isWorthRetrying =
    error.isRetryable || error.reason === "bad-credentials" || error.reason === "forbidden";
  const retryAt = isWorthRetrying ? nextRetryAt(write.attemptCount + 1, now) : undefined;
  if (retryAt === undefined) {
    const gaveUp = isWorthRetrying
      ? `Gave up after ${maxWebhookAttempts} attempts.`
      : "Needs a person to fix it.";
    return {
      state: "failed",
      nextAttemptAt: now,
      outcome: [gaveUp, partly].filter(Boolean).join(" "),
      lastError: error.message,
    };
  }
  const waitAtLeast =
    error.retryAfterSeconds === undefined
      ? retryAt
      : new Date(Math.max(retryAt.getTime(), now.getTime() + error.retryAfterSeconds * 1000));
  return { state: "pending", nextAttemptAt: waitAtLeast, outcome: partly, lastError: error.message };
}

async function supporterNameOf(deps: HelpdeskDeps, write: HelpdeskWriteRecord): Promise<string> {
  const userId = write.payload.assignedUserId;
  if (typeof userId !== "string") return "Attendant";
  const user = await findUserById(deps.database.db, userId);
  return user?.displayName || user?.email || "Attendant";
}

function invitationLocaleOf(write: HelpdeskWriteRecord): Locale {
  const locale = write.payload.locale;
  return typeof locale === "string" && isSupportedLocale(locale) ? locale : "en";
}

/** The invitation's join address, if it is still kept and still the session's address. */
async function joinAddressOf(deps: HelpdeskDeps, write: HelpdeskWriteRecord): Promise<InvitationJoinAddress> {
  const invitationId = String(write.payload.id);
  const kept = await findInvitationHelpdeskJoinUrl(deps.database.db, write.organisationId, invitationId);
  if (kept === undefined) return { unavailable: "not-kept" };
  const url = openJoinUrlForHelpdesk(deps.vault, invitationId, kept.sealed);
  return (await isCurrentJoinUrl(deps.database.db, kept.sessionId, url))
    ? { url }
    : { unavailable: "replaced" };
}
