/**
 * Every way a support-session use case can fail that a person can do something about. Each
 * reason has a message key (src/i18n/messages/sessions.ts) that says what to do; the REST API
 * turns the reason into a status and a problem `code`, the web UI shows the message.
 */
import type { MessageKey } from "../i18n/index.js";

export const supportSessionErrorReasons = [
  /** TeamViewer refused: the licence's concurrent-session cap is reached (docs/teamviewer-api.md §3). */
  "licence-limit",
  /** The TeamViewer app or account lacks "session management" (§6, 403 `invalid_permission`). */
  "permission-missing",
  /** TeamViewer no longer accepts the supporter's grant; they must connect again. */
  "needs-reconnect",
  /** The supporter never connected a TeamViewer account. */
  "not-connected",
  /** The organisation has no TeamViewer app registered. */
  "not-configured",
  /** TeamViewer's rate limit (§6); `retryAfterSeconds` says when to try again. */
  "rate-limited",
  /** TeamViewer could not be reached or failed, and nothing was created. */
  "unreachable",
  /**
   * TeamViewer failed ambiguously and could not be asked afterwards: the session may exist.
   * `attemptId` names the attempt; repeating the create with it adopts that session.
   */
  "outcome-unknown",
  /** TeamViewer refused the request's content (400 `invalid_request`, e.g. an unknown group). */
  "rejected",
  "session-not-found",
  "ticket-not-found",
  /** The caller's role or assignment does not allow this. */
  "forbidden",
  /** The session is closed; it cannot be changed any more. */
  "session-closed",
  /** The colleague to hand over to is not a supporter here or has no TeamViewer connection. */
  "assignee-unavailable",
  /** An organisation-wide API key acts for nobody: the request must name the supporter. */
  "supporter-required",
  /** Someone else changed the session at the same moment; reload and try again. */
  "changed-concurrently",
] as const;
export type SupportSessionErrorReason = (typeof supportSessionErrorReasons)[number];

const messageKeys: Record<SupportSessionErrorReason, MessageKey> = {
  "licence-limit": "sessions.error.licenceLimit",
  "permission-missing": "sessions.error.permissionMissing",
  "needs-reconnect": "sessions.error.needsReconnect",
  "not-connected": "sessions.error.notConnected",
  "not-configured": "sessions.error.notConfigured",
  "rate-limited": "sessions.error.rateLimited",
  unreachable: "sessions.error.unreachable",
  "outcome-unknown": "sessions.error.outcomeUnknown",
  rejected: "sessions.error.rejected",
  "session-not-found": "sessions.error.sessionNotFound",
  "ticket-not-found": "sessions.error.ticketNotFound",
  forbidden: "sessions.error.forbidden",
  "session-closed": "sessions.error.sessionClosed",
  "assignee-unavailable": "sessions.error.assigneeUnavailable",
  "supporter-required": "sessions.error.supporterRequired",
  "changed-concurrently": "sessions.error.changedConcurrently",
};

export class SupportSessionError extends Error {
  override name = "SupportSessionError";
  readonly messageKey: MessageKey;
  /** For "rate-limited": whole seconds until a retry may succeed. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * For "outcome-unknown" and an ambiguous "unreachable": the attempt a repeat names, so that it
   * adopts a session TeamViewer made after all rather than opening a second.
   */
  readonly attemptId: string | undefined;

  constructor(
    readonly reason: SupportSessionErrorReason,
    options: {
      /** For "rate-limited": whole seconds until a retry may succeed. */
      retryAfterSeconds?: number;
      attemptId?: string;
      /** What TeamViewer said (already free of secrets), for logs and the problem detail. */
      detail?: string;
      cause?: unknown;
    } = {},
  ) {
    super(options.detail ?? reason, options.cause === undefined ? {} : { cause: options.cause });
    this.messageKey = messageKeys[reason];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.attemptId = options.attemptId;
  }
}
