/**
 * Errors of our REST API as problem+json (RFC 9457) with the request id: invalid input lists
 * every bad field; a SupportSessionError carries its reason as `code`, its message key and a
 * localised `detail` that says what to do.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import type { AppEnv } from "../http/app-deps.js";
import { problemResponse } from "../http/problem.js";
import type { InvitationError, InvitationErrorReason } from "../invitations/invitation-error.js";
import type { SupportSessionError, SupportSessionErrorReason } from "../sessions/support-session-error.js";
import type { ApiEnv } from "./api-env.js";

/** Also used by the supporter pages, so a failure answers the same status on both surfaces. */
export const supportSessionErrorStatus: Record<SupportSessionErrorReason, ContentfulStatusCode> = {
  "licence-limit": 409,
  "permission-missing": 403,
  "needs-reconnect": 409,
  "not-connected": 409,
  "not-configured": 409,
  "rate-limited": 429,
  unreachable: 503,
  "outcome-unknown": 503,
  rejected: 422,
  "session-not-found": 404,
  "ticket-not-found": 404,
  forbidden: 403,
  "session-closed": 409,
  "assignee-unavailable": 422,
  "supporter-required": 400,
  "changed-concurrently": 409,
};

/** Also used by the supporter pages, like the statuses above. */
export const invitationErrorStatus: Record<InvitationErrorReason, ContentfulStatusCode> = {
  "session-ended": 409,
  "mail-off": 409,
  "delivery-failed": 502,
  "invitation-not-found": 404,
  "form-outdated": 422,
};

/** Where a bad value was, in the words of the OpenAPI document. */
const locations: Record<string, string> = { json: "body", query: "query", param: "path", header: "header" };

export interface InvalidField {
  in: string;
  /** Dotted path of the field, e.g. `ticket.externalId`. */
  field: string;
  message: string;
}

export function invalidRequestResponse<E extends AppEnv>(
  c: Context<E>,
  target: string,
  error: ZodError,
): Response {
  const where = locations[target] ?? target;
  const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join(".");
  // An unknown property is reported once per property, so the caller sees which one to drop.
  const errors: InvalidField[] = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          in: where,
          field: fieldOf([...issue.path, key]),
          message: "unknown field",
        }))
      : [{ in: where, field: fieldOf(issue.path), message: issue.message }],
  );
  const fields = [...new Set(errors.map((e) => e.field || e.in))].join(", ");
  return problemResponse(c, 400, {
    detail: `The request has invalid values: ${fields}.`,
    extensions: { code: "invalid-request", errors },
  });
}

/** `defaultHook` of the APIs' OpenAPIHono (also the operator's): validation failures become 400 problems. */
export function validationHook<E extends AppEnv>(
  result: { target: string; success: true } | { target: string; success: false; error: ZodError },
  c: Context<E>,
): Response | undefined {
  return result.success ? undefined : invalidRequestResponse(c, result.target, result.error);
}

export function supportSessionErrorResponse(c: Context<ApiEnv>, error: SupportSessionError): Response {
  const status = supportSessionErrorStatus[error.reason];
  const params = { seconds: error.retryAfterSeconds ?? 0, detail: error.message };
  if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
  return problemResponse(c, status, {
    detail: c.get("t").t(error.messageKey, params),
    extensions: {
      code: error.reason,
      messageKey: error.messageKey,
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    },
  });
}

/** An invitation that could not be sent: its reason as `code` and a localised `detail` saying what to do. */
export function invitationErrorResponse(c: Context<ApiEnv>, error: InvitationError): Response {
  return problemResponse(c, invitationErrorStatus[error.reason], {
    detail: c.get("t").t(error.messageKey),
    extensions: { code: error.reason, messageKey: error.messageKey },
  });
}
