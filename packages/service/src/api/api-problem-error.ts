/**
 * A problem a route handler reports by throwing, for answers its typed responses cannot
 * express (problem+json is not the documented JSON body): the API's error handler turns it
 * into `application/problem+json` with the request id, `code` and `detail`.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class ApiProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ApiProblemError";
  }
}
