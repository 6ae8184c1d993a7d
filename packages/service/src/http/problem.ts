/**
 * Errors as RFC 9457 "Problem Details" (application/problem+json), always carrying the request
 * id so a user's report can be matched to the server log, and never a stack trace.
 * https://www.rfc-editor.org/rfc/rfc9457
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-deps.js";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  requestId: string;
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemResponse<E extends AppEnv>(
  c: Context<E>,
  status: ContentfulStatusCode,
  options: {
    title?: string;
    detail?: string;
    /** Extension members (RFC 9457 §3.2), e.g. the invalid fields of a request. */
    extensions?: Record<string, unknown>;
  } = {},
): Response {
  const problem: Problem = {
    ...options.extensions,
    type: "about:blank",
    title: options.title ?? titles[status] ?? "Error",
    status,
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    instance: c.req.path,
    requestId: c.get("requestId"),
  };
  return c.body(JSON.stringify(problem), status, { "Content-Type": "application/problem+json" });
}
