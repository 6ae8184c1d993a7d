/** Descriptions are shown to people; a runaway body should not flood a message or log line. */
const MAX_EXPLANATION_LENGTH = 300;

/** The parts of a failed answer worth repeating in a message. */
export interface FailureReason {
  readonly status: number;
  readonly error: string | null;
  readonly errorDescription: string | null;
  /** Already masked; used as the explanation when the body carried no `error`. */
  readonly rawBody: string;
}

/**
 * Summarises a failed answer for an error message: `404 not_found: Session not found`, or the
 * status and the plain-text body when there is no JSON.
 *
 * @example
 * ```ts
 * describeReason({ status: 400, error: null, errorDescription: null, rawBody: "license limitations" }); // "400 license limitations"
 * ```
 */
export function describeReason(reason: FailureReason): string {
  const explanation = reason.errorDescription ?? (reason.error === null ? reason.rawBody.trim() : "");
  const short =
    explanation.length > MAX_EXPLANATION_LENGTH
      ? `${explanation.slice(0, MAX_EXPLANATION_LENGTH)}…`
      : explanation;
  const head = reason.error === null ? String(reason.status) : `${reason.status} ${reason.error}`;
  if (short === "") return head;
  return reason.error === null ? `${head} ${short}` : `${head}: ${short}`;
}
