/**
 * Every way a connection-report use case can fail that a person can act on. `reason` is stable
 * (routes map it to a status), the message says what to do.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { MessageKey } from "../i18n/index.js";
import type { SupportSessionErrorReason } from "../sessions/support-session-error.js";
import { toSupportSessionError } from "../sessions/teamviewer-failures.js";

const messages = {
  "report-not-found": "No such connection report.",
  "ticket-not-found": "No such ticket.",
  forbidden: "Only admins, and supporters for their own connections, may change connection reports.",
  "invalid-cursor": "The paging cursor is not valid; start again from the first page.",
  "invalid-change": "Give notes and/or a billing state of Bill, Billed or DoNotBill.",
  "needs-reconnect":
    "TeamViewer no longer accepts the token that can see this report; reconnect TeamViewer or save a new script token.",
  "not-connected":
    "No TeamViewer account of this organisation can see this report; connect TeamViewer or save a script token.",
  "not-configured":
    "No TeamViewer app is configured for this organisation; an admin must enter it under Settings.",
  "permission-missing":
    "The TeamViewer app or token lacks the connection reporting permission; tick it in the Management Console.",
  "rate-limited": "TeamViewer is rate-limiting us; try again later.",
  "report-gone": "TeamViewer no longer has this connection report.",
  "screenshot-not-available": "TeamViewer has no such screenshot of this connection (any more).",
  rejected: "TeamViewer refused the change.",
  unreachable: "TeamViewer could not be reached. Try again.",
  "write-back-pending":
    "An earlier change to this report is still being saved to TeamViewer; try again once the report no longer shows it as being saved.",
  "write-back-unconfirmed":
    "TeamViewer did not confirm the change, so it may or may not have been saved there. The report shows it as being saved until Attendant has read TeamViewer's values back (at the next sync, or before your next change).",
  "admins-only": "Only admins may do this.",
  "invalid-billing-rules":
    "The rounding increment must be 1 to 1440 minutes and the minimum 0 to 1440 minutes.",
} as const;

export type ConnectionReportErrorReason = keyof typeof messages;

/** The same status on the pages and in the REST API. */
export const connectionReportErrorStatus: Record<ConnectionReportErrorReason, ContentfulStatusCode> = {
  "report-not-found": 404,
  "ticket-not-found": 404,
  forbidden: 403,
  "invalid-cursor": 400,
  "invalid-change": 400,
  "needs-reconnect": 409,
  "not-connected": 409,
  "not-configured": 409,
  "permission-missing": 403,
  "rate-limited": 429,
  "report-gone": 409,
  "screenshot-not-available": 404,
  rejected: 422,
  unreachable: 503,
  "write-back-pending": 409,
  "write-back-unconfirmed": 503,
  "admins-only": 403,
  "invalid-billing-rules": 400,
};

export class ConnectionReportError extends Error {
  override name = "ConnectionReportError";

  constructor(
    readonly reason: ConnectionReportErrorReason,
    options: { detail?: string; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(options.detail ?? messages[reason], options.cause === undefined ? {} : { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** For "rate-limited": whole seconds until a retry may succeed, when TeamViewer said. */
  readonly retryAfterSeconds: number | undefined;

  /** What to show a person, in their language (src/i18n/messages/reports.ts). */
  get messageKey(): MessageKey {
    return `reports.error.${this.reason}`;
  }
}

/** The session feature already reads TeamViewer's failures; reports name a few differently. */
const reasonsBySessionReason: Partial<Record<SupportSessionErrorReason, ConnectionReportErrorReason>> = {
  "permission-missing": "permission-missing",
  "needs-reconnect": "needs-reconnect",
  "not-connected": "not-connected",
  "not-configured": "not-configured",
  "rate-limited": "rate-limited",
  "session-not-found": "report-gone",
  rejected: "rejected",
  "licence-limit": "rejected",
};

/** The ConnectionReportError for a TeamViewer or token failure; anything else is thrown on. */
export function toConnectionReportError(error: unknown): ConnectionReportError {
  if (error instanceof ConnectionReportError) return error;
  const failure = toSupportSessionError(error);
  return new ConnectionReportError(reasonsBySessionReason[failure.reason] ?? "unreachable", {
    cause: error,
    ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
  });
}
