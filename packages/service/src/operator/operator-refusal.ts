/**
 * How the operator API and the operator page answer a refusal of the operator's use cases
 * (src/operator/manage-organisations.ts): the same status and code on both, and a sentence that
 * says what to change. Undefined for any other error, which stays a 500.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { CommandInputError, CommandRefusedError } from "../operations/command-database.js";

export interface OperatorRefusal {
  status: ContentfulStatusCode;
  code: string;
  detail: string;
}

const refusalStatus: Record<string, ContentfulStatusCode> = {
  "organisation-not-found": 404,
  "organisation-name-taken": 409,
  "email-taken": 409,
};

export function operatorRefusalOf(
  error: unknown,
  /** The command's "see `attendant orgs list`" does not fit a caller over HTTP. */
  notFoundDetail: string,
): OperatorRefusal | undefined {
  if (error instanceof CommandInputError) {
    return { status: 400, code: "invalid-input", detail: capitalised(error.message) };
  }
  if (!(error instanceof CommandRefusedError)) return undefined;
  const code = error.code ?? "refused";
  return {
    status: refusalStatus[code] ?? 409,
    code,
    detail: code === "organisation-not-found" ? notFoundDetail : error.message,
  };
}

/** The use cases' input errors continue a sentence the command line starts ("error: …"). */
function capitalised(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
