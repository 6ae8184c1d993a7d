/** Pieces every API route file shares: the error responses it documents, headers, and list filters. */
import { z } from "@hono/zod-openapi";
import type { ListSupportSessionsOptions } from "../sessions/list-support-sessions.js";
import { problemSchema, type ticketSessionsQuerySchema } from "./session-schemas.js";

/** An error answer as documented: problem+json, with what it means for this route. */
export const problem = (description: string) => ({
  content: { "application/problem+json": { schema: problemSchema } },
  description,
});

/** Documented on every route (RFC 9457 problem details with the request id). */
export const problemResponses = {
  400: problem("Invalid input; `errors` lists each bad field"),
  401: problem("Missing, unknown or revoked API key"),
  403: problem(
    "The key lacks the scope, the role does not allow this, or the key's organisation is disabled (`organisation-disabled`)",
  ),
  404: problem("No such session or ticket"),
  409: problem("Conflicting state (TeamViewer connection, licence limit, Idempotency-Key in flight)"),
  413: problem("The request body is larger than 1 MiB"),
  422: problem("TeamViewer refused the request, or the Idempotency-Key was used for another request"),
  429: problem("This API key's rate limit, or TeamViewer's; see Retry-After"),
  503: problem("TeamViewer could not be reached; nothing was created"),
} as const;

/** A JSON answer as documented. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const idempotencyHeader = z.object({
  "idempotency-key": z.string().optional().openapi({
    description: "Replays return the first answer; reuse with another body is 422, while in flight 409",
  }),
});

export function listFiltersOf(
  query: z.infer<typeof ticketSessionsQuerySchema>,
): Omit<ListSupportSessionsOptions, "actor" | "scope"> {
  return {
    ...(query.state === undefined ? {} : { state: query.state }),
    ...(query.from === undefined ? {} : { from: new Date(query.from) }),
    ...(query.to === undefined ? {} : { to: new Date(query.to) }),
    paging: {
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    },
  };
}
