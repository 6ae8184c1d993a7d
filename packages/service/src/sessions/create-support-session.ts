/**
 * Opens an attended TeamViewer session for a ticket (issue 5, "Creating and managing sessions").
 *
 * Order matters, so that nothing half-created is left behind:
 * 1. Check who may do this and get the supporter's own TeamViewer client (no call yet).
 * 2. `POST /sessions` with `custom_api: "attendant:<correlation id>"`. The client never retries
 *    it (a repeat could open a second session). On an ambiguous failure (timeout, dropped
 *    connection, 5xx, unreadable 2xx) the session may exist: look it up by the correlation id
 *    and adopt it; only when it is not there report a clean failure.
 * 3. Only then, atomically (one statement), upsert the ticket, store the session, its webhook
 *    event and its audit entry. Should that fail, the TeamViewer session is closed again, so it
 *    cannot linger unseen.
 *
 * A repeat of a create whose first attempt may have got further (its process was killed, or it
 * failed ambiguously; the Idempotency-Key claim says so, src/api/idempotency.ts) reuses that
 * attempt's correlation id and first looks for its session: stored here, it is returned; open at
 * TeamViewer, it is adopted; only when neither exists is one created (ADR 0020).
 *
 * An ambiguous failure that no look-up settles (the look-up failed too, or TeamViewer may still
 * carry the request out) leaves the attempt recorded as unsettled, and the failure names it: the
 * supporter's repeat of that attempt adopts a session TeamViewer did make rather than opening a
 * second, and the orphan sweep closes it when nobody repeats (ADR 0033).
 *
 * A create is on a supporter's critical path: before the call it reads only the app and the
 * supporter's token (together, or not at all when the API key look-up brought them along), and
 * after it one prepared statement stores everything, the webhook event only when an endpoint
 * wants it (docs/performance.md, "Session creation"; ADR 0009).
 */
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import {
  parseTeamViewerDate,
  RateLimitError,
  type Session,
  type SessionCreateParams,
  type TeamViewerClient,
} from "@attendant/teamviewer";
import { toAuditLogRow } from "../audit/audit-events.js";
import {
  findSupportSessionByCorrelation,
  insertSupportSession,
  type NewSupportSession,
  readSupporterLinks,
  type SupportSessionRecord,
} from "../db/repositories/support-sessions.js";
import type { SealedTeamViewerCredentials } from "../db/repositories/teamviewer-credentials.js";
import { findTicketByExternalId } from "../db/repositories/tickets.js";
import { isUnsettledCreateOf, recordUnsettledCreate } from "../db/repositories/unsettled-session-creates.js";
import { findUserById } from "../db/repositories/users.js";
import { toWebhookEventRow } from "../events/record-event.js";
import { sessionCreatedEvent } from "../events/session-events.js";
import { brandDemoQuickSupport } from "../teamviewer/demo-quicksupport-module.js";
import { customApiFor, findSessionByCorrelation } from "./find-session-by-correlation.js";
import { findGroupName } from "./group-name.js";
import { canCreateSessions, type SessionActor } from "./session-actor.js";
import { sessionAuditEvent } from "./session-audit.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";
import { type SupporterLinks, type SupportSession, toSupportSession } from "./support-session-view.js";
import { isAmbiguousCreateFailure, toSupportSessionError } from "./teamviewer-failures.js";

/** TeamViewer's default validity when `valid_until` is not sent (docs/teamviewer-api.md §3). */
const defaultValidityMs = 24 * 3600 * 1000;

/**
 * A rate-limited create was refused before anything was made (docs/teamviewer-api.md §6), so sending
 * it again is safe — unlike a 5xx. A supporter waiting at the form is better served by a short
 * wait than by an error; a longer limit is reported with its seconds instead.
 */
const longestRateLimitWaitMs = 10_000;

export interface TicketReference {
  /** The helpdesk's own ticket id; unique within the organisation. */
  externalId: string;
  title: string;
  url?: string | undefined;
  requesterName?: string | undefined;
  requesterEmail?: string | undefined;
}

export interface CreateSupportSessionOptions {
  actor: SessionActor;
  /**
   * The supporter whose TeamViewer account opens (and is assigned) the session. Defaults to the
   * actor; only admins and organisation-wide API keys may name someone else.
   */
  supporterUserId?: string | undefined;
  ticket: TicketReference;
  description?: string | undefined;
  /** Shown to the end customer while they wait. */
  waitingMessage?: string | undefined;
  /** Defaults to TeamViewer's 24 hours. */
  validUntil?: Date | undefined;
  /** An existing group by id (`g123`), or a group by name (TeamViewer creates a missing one). */
  group: { id: string } | { name: string };
  /** Defaults to the ticket's requester. */
  endCustomer?: { name?: string | undefined; email?: string | undefined } | undefined;
  /**
   * An E.164 phone number (`+4930123456`, see sms-invitation.ts): TeamViewer texts the
   * end-customer link to it. No SMS language is sent; sms-invitation.ts says why.
   */
  smsInviteNumber?: string | undefined;
  /**
   * The actor's TeamViewer app and connection, when the request has read them already (an API key
   * acting for a supporter does, src/api-keys/authenticate-api-key.ts). Used only when the session
   * is the actor's own; for anyone else their own credentials are read.
   */
  actorTeamViewer?: SealedTeamViewerCredentials | undefined;
  /** Sent to TeamViewer as `custom_api`; a fresh one by default. */
  correlationId?: string | undefined;
  /**
   * An earlier attempt with `correlationId` may have made the session already: return or adopt
   * it rather than create a second.
   */
  mayExistAlready?: boolean | undefined;
  /**
   * The `attemptId` of an "outcome-unknown" failure this create repeats. Honoured only when it
   * is an unsettled attempt of the same supporter; otherwise the create starts afresh.
   */
  repeatOfAttempt?: string | undefined;
}

export interface CreatedSupportSession {
  session: SupportSession;
  /** Credentials for the supporter: never show them to the end customer or log them. */
  supporterLinks: SupporterLinks;
  /** True when an ambiguous failure was reconciled by finding the session TeamViewer had made. */
  wasReconciled: boolean;
}

/**
 * @throws SupportSessionError — forbidden, supporter-required, assignee-unavailable, not-configured, not-connected,
 *   needs-reconnect, licence-limit, permission-missing, rate-limited, rejected, unreachable, outcome-unknown.
 */
export async function createSupportSession(
  deps: SessionDeps,
  options: CreateSupportSessionOptions,
): Promise<CreatedSupportSession> {
  const { actor } = options;
  if (!canCreateSessions(actor)) throw new SupportSessionError("forbidden");
  const supporterUserId = await resolveSupporter(deps, options);
  const { correlationId, mayExistAlready } = await chooseAttempt(deps, options, supporterUserId);
  if (mayExistAlready) {
    const stored = await findStoredCreate(deps, actor.organisationId, correlationId);
    if (stored !== undefined) return stored;
  }
  const alreadyRead = supporterUserId === actor.userId ? options.actorTeamViewer : undefined;
  const client = await deps.teamViewer
    .createTeamViewerClientFor(
      { userId: supporterUserId, organisationId: actor.organisationId },
      { alreadyRead },
    )
    .catch((error: unknown) => {
      throw toSupportSessionError(error);
    });

  const groupName = findGroupName(deps, client, options.group);
  const attempt = { correlationId, organisationId: actor.organisationId, supporterUserId };
  const { created, wasReconciled } = mayExistAlready
    ? await adoptOrCreateAtTeamViewer(deps, client, options, attempt)
    : await createAtTeamViewer(deps, client, options, attempt);
  let record: SupportSessionRecord;
  try {
    record = await storeSession(deps, {
      ...options,
      id: randomUUID(),
      supporterUserId,
      correlationId,
      created,
      wasReconciled,
      groupName: await groupName,
    });
  } catch (error) {
    // The attempt that made it may be alive after all and have stored it meanwhile.
    const stored = wasReconciled
      ? await findStoredCreate(deps, actor.organisationId, correlationId)
      : undefined;
    if (stored !== undefined) return stored;
    await closeOrphan(deps, client, created.code);
    throw error;
  }
  await brandDemoQuickSupport(deps, client, { organisationId: actor.organisationId, code: created.code });
  return {
    session: toSupportSession(record, deps.clock.now()),
    supporterLinks: {
      supporterLink: created.supporter_link ?? null,
      webClientSupporterLink: created.webclient_supporter_link ?? null,
    },
    wasReconciled,
  };
}

async function resolveSupporter(deps: SessionDeps, options: CreateSupportSessionOptions): Promise<string> {
  const { actor } = options;
  const supporterUserId = options.supporterUserId ?? actor.userId;
  if (supporterUserId === null) throw new SupportSessionError("supporter-required");
  // The actor was authenticated for this request (enabled, of this organisation) and may create
  // sessions, so opening one for themselves needs no second look at their user.
  if (supporterUserId === actor.userId) return supporterUserId;
  if (actor.role !== "admin") throw new SupportSessionError("forbidden");
  const supporter = await findUserById(deps.database.db, supporterUserId);
  if (
    supporter === undefined ||
    supporter.organisationId !== actor.organisationId ||
    supporter.isDisabled ||
    supporter.role === "auditor"
  ) {
    throw new SupportSessionError("assignee-unavailable");
  }
  return supporterUserId;
}

/** The attempt this create is: a fresh one, or one whose session may exist already. */
async function chooseAttempt(
  deps: SessionDeps,
  options: CreateSupportSessionOptions,
  supporterUserId: string,
): Promise<{ correlationId: string; mayExistAlready: boolean }> {
  const repeated = options.repeatOfAttempt;
  if (
    repeated !== undefined &&
    (await isUnsettledCreateOf(deps.database.db, {
      correlationId: repeated,
      organisationId: options.actor.organisationId,
      supporterUserId,
    }))
  ) {
    return { correlationId: repeated, mayExistAlready: true };
  }
  return {
    correlationId: options.correlationId ?? randomUUID(),
    mayExistAlready: options.mayExistAlready === true,
  };
}

/** One create's identity at TeamViewer (`custom_api`) and whose it is. */
interface CreateAttempt {
  correlationId: string;
  organisationId: string;
  supporterUserId: string;
}

async function createAtTeamViewer(
  deps: SessionDeps,
  client: TeamViewerClient,
  options: CreateSupportSessionOptions,
  attempt: CreateAttempt,
): Promise<{ created: Session; wasReconciled: boolean }> {
  const { correlationId } = attempt;
  const endCustomer = options.endCustomer ?? {
    ...(options.ticket.requesterName === undefined ? {} : { name: options.ticket.requesterName }),
    ...(options.ticket.requesterEmail === undefined ? {} : { email: options.ticket.requesterEmail }),
  };
  try {
    const created = await createWaitingOutShortRateLimit(deps, client, {
      ...("id" in options.group ? { groupid: options.group.id } : { groupname: options.group.name }),
      description: options.description,
      waiting_message: options.waitingMessage,
      valid_until: options.validUntil,
      end_customer: Object.keys(endCustomer).length === 0 ? undefined : endCustomer,
      custom_api: customApiFor(correlationId),
      sms_invite_number: options.smsInviteNumber,
    });
    return { created, wasReconciled: false };
  } catch (error) {
    if (!isAmbiguousCreateFailure(error)) throw toSupportSessionError(error);
    deps.logger.warn({ err: error, correlationId }, "session create failed ambiguously; looking it up");
    const found = await findSessionByCorrelation(client, correlationId).catch(
      async (lookupError: unknown) => {
        deps.logger.warn(
          { err: lookupError, correlationId },
          "could not look up an ambiguously created session; its attempt stays unsettled",
        );
        await recordUnsettledCreate(deps.database.db, attempt, deps.clock.now());
        throw new SupportSessionError("outcome-unknown", { attemptId: correlationId, cause: lookupError });
      },
    );
    if (found !== undefined) return { created: found, wasReconciled: true };
    // Not there now; TeamViewer may still carry out the request it answered badly. Kept as
    // unsettled, a late session is adopted by the repeat or closed by the orphan sweep.
    await recordUnsettledCreate(deps.database.db, attempt, deps.clock.now());
    throw new SupportSessionError("unreachable", { attemptId: correlationId, cause: error });
  }
}

/** The session an earlier attempt stored under the correlation id, as a create answers it. */
async function findStoredCreate(
  deps: SessionDeps,
  organisationId: string,
  correlationId: string,
): Promise<CreatedSupportSession | undefined> {
  const record = await findSupportSessionByCorrelation(deps.database.db, organisationId, correlationId);
  if (record === undefined) return undefined;
  return {
    session: toSupportSession(record, deps.clock.now()),
    supporterLinks: await readSupporterLinks(deps.database.db, deps.vault, record.id),
    wasReconciled: true,
  };
}

/**
 * The earlier attempt's session if TeamViewer holds it, else a new one. When TeamViewer cannot
 * be asked, nothing is created: the session may exist, and a second would be a duplicate.
 */
async function adoptOrCreateAtTeamViewer(
  deps: SessionDeps,
  client: TeamViewerClient,
  options: CreateSupportSessionOptions,
  attempt: CreateAttempt,
): Promise<{ created: Session; wasReconciled: boolean }> {
  const { correlationId } = attempt;
  const found = await findSessionByCorrelation(client, correlationId).catch((error: unknown) => {
    const failure = toSupportSessionError(error);
    // "Nothing was created" would be untrue: the earlier attempt's session may be there.
    throw failure.reason === "unreachable"
      ? new SupportSessionError("outcome-unknown", { attemptId: correlationId, cause: error })
      : failure;
  });
  if (found !== undefined) {
    deps.logger.info({ correlationId, code: found.code }, "adopting the session an earlier attempt created");
    return { created: found, wasReconciled: true };
  }
  return createAtTeamViewer(deps, client, options, attempt);
}

async function createWaitingOutShortRateLimit(
  deps: SessionDeps,
  client: TeamViewerClient,
  params: SessionCreateParams,
): Promise<Session> {
  try {
    return await client.sessions.create(params);
  } catch (error) {
    const waitMs = error instanceof RateLimitError ? error.retryAfterMs : null;
    if (waitMs === null || waitMs > longestRateLimitWaitMs) throw error;
    deps.logger.info({ waitMs }, "TeamViewer rate-limited the session create; waiting once before retrying");
    await (deps.sleep ?? delay)(waitMs);
    return client.sessions.create(params);
  }
}

async function storeSession(
  deps: SessionDeps,
  values: CreateSupportSessionOptions & {
    id: string;
    supporterUserId: string;
    correlationId: string;
    created: Session;
    wasReconciled: boolean;
    groupName: string | null;
  },
): Promise<SupportSessionRecord> {
  const { actor, ticket, created } = values;
  const now = deps.clock.now();
  const endCustomerLink = created.end_customer_link;
  if (typeof endCustomerLink !== "string" || endCustomerLink === "") {
    throw new SupportSessionError("unreachable", {
      detail: "TeamViewer answered without an end-customer link.",
    });
  }
  const session: NewSupportSession = {
    id: values.id,
    organisationId: actor.organisationId,
    createdByUserId: values.supporterUserId,
    assignedUserId: values.supporterUserId,
    code: created.code,
    endCustomerLink,
    supporterLink: created.supporter_link ?? null,
    webClientSupporterLink: created.webclient_supporter_link ?? null,
    state: created.state === "Closed" ? "closed" : "open",
    isOnline: created.online === true,
    customerWaitingSince: created.online === true ? now : null,
    validUntil: validUntilOf(created, values.validUntil, now),
    description: created.description ?? values.description ?? null,
    waitingMessage: created.waiting_message ?? values.waitingMessage ?? null,
    groupId: created.groupid ?? ("id" in values.group ? values.group.id : null),
    groupName: values.groupName,
    correlationId: values.correlationId,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    lastRefreshedAt: null,
    version: 1,
  };
  // The upsert keeps an existing ticket's title (tickets.ts); the answer and the event say that
  // title, not the one this request proposed.
  const storedTicket = await findTicketByExternalId(
    deps.database.db,
    actor.organisationId,
    ticket.externalId,
  );
  const ticketValues = {
    organisationId: actor.organisationId,
    externalId: ticket.externalId,
    title: storedTicket?.title ?? ticket.title,
    url: ticket.url ?? storedTicket?.url ?? null,
    requesterName: ticket.requesterName ?? storedTicket?.requesterName ?? null,
    requesterEmail: ticket.requesterEmail ?? storedTicket?.requesterEmail ?? null,
  };
  const auditEvent = sessionAuditEvent(actor, {
    action: values.wasReconciled ? "support_session.adopted" : "support_session.created",
    target: { type: "support_session", id: values.id },
    details: {
      // Not `code`: the audit log redacts that name as an OAuth code (logging/sensitive-keys.ts).
      sessionCode: created.code,
      ticket: ticket.externalId,
      correlationId: values.correlationId,
      supporterUserId: values.supporterUserId,
    },
  });
  const event = sessionCreatedEvent({ ...session, ticket: { ...ticketValues, status: "open" } }, now);
  return insertSupportSession(deps.database.db, deps.vault, {
    session,
    ticket: ticketValues,
    auditEntry: toAuditLogRow(auditEvent, now),
    webhookEvent: toWebhookEventRow(event),
    now,
  });
}

function validUntilOf(created: Session, requested: Date | undefined, now: Date): Date {
  if (typeof created.valid_until === "string") return parseTeamViewerDate(created.valid_until);
  return requested ?? new Date(now.getTime() + defaultValidityMs);
}

/** Best effort: the session exists at TeamViewer but could not be stored, so nobody would see it. */
async function closeOrphan(deps: SessionDeps, client: TeamViewerClient, code: string): Promise<void> {
  try {
    await client.sessions.close(code);
  } catch (error) {
    deps.logger.error({ err: error, code }, "could not close a TeamViewer session that failed to be stored");
  }
}
