/**
 * TeamViewer-style error answers (docs/teamviewer-api.md §6):
 * `{"error":"invalid_request","error_description":"…","error_code":400}`. `error_code` is the HTTP
 * status, as in the vendor's own module's test payloads [likely].
 */

export type ApiErrorCategory =
  | "invalid_request"
  | "invalid_token"
  | "token_expired"
  | "invalid_permission"
  | "not_found"
  | "rate_limit_reached"
  | "internal_error"
  | "invalid_client"
  | "wrong_credentials"
  | "too_many_retries";

export interface ApiErrorBody {
  error: ApiErrorCategory;
  error_description: string;
  error_code: number;
}

export function createApiErrorBody(
  status: number,
  category: ApiErrorCategory,
  description: string,
): ApiErrorBody {
  return { error: category, error_description: description, error_code: status };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonBytesResponse(JSON.stringify(body), status, headers);
}

/** For bodies already written as JSON (text, or UTF-8 bytes as report pages are). */
export function jsonBytesResponse(
  body: string | Uint8Array<ArrayBuffer>,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function apiErrorResponse(
  status: number,
  category: ApiErrorCategory,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(createApiErrorBody(status, category, description), status, headers);
}

/** Thrown by validation helpers deep in a handler; the catch-all turns it into the error answer. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly category: ApiErrorCategory,
    description: string,
  ) {
    super(description);
    this.name = "ApiFailure";
  }

  toResponse(): Response {
    return apiErrorResponse(this.status, this.category, this.message);
  }
}

export function badRequest(description: string): ApiFailure {
  return new ApiFailure(400, "invalid_request", description);
}

export function notFound(description: string): ApiFailure {
  return new ApiFailure(404, "not_found", description);
}
