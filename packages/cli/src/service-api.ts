/**
 * A small client for a running Attendant's REST API (`/api/v1`), used by the commands that work
 * against a service (`sessions …`, `reports export`). Problem+json answers become a CliError
 * whose message says what the service said (detail, each invalid field, the request id to quote)
 * and whose exit code tells scripts what kind of failure it was (src/exit-codes.ts).
 */
import { CliError } from "./cli-error.js";
import { countNoun } from "./count-noun.js";
import { type ExitCode, exitCodes } from "./exit-codes.js";

export interface ServiceApiOptions {
  /** The service's address, e.g. https://support.example.com (a path prefix is kept). */
  url: string;
  apiKey: string;
  fetch?: typeof fetch;
}

export interface ServiceRequest {
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  headers?: Record<string, string>;
}

interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  retryAfterSeconds?: number;
  errors?: { in?: string; field?: string; message?: string }[];
}

export class ServiceApiError extends CliError {
  constructor(
    message: string,
    exitCode: ExitCode,
    readonly status: number | undefined,
    readonly problem: Problem | undefined,
  ) {
    super(message, exitCode);
    this.name = "ServiceApiError";
  }
}

export interface ServiceApi {
  /** Sends the request and returns the parsed JSON body of a 2xx answer. */
  json<T>(method: string, path: string, request?: ServiceRequest): Promise<T>;
  /** Sends the request and returns the 2xx response itself, its body unread (downloads). */
  raw(method: string, path: string, request?: ServiceRequest): Promise<Response>;
}

export function createServiceApi(options: ServiceApiOptions): ServiceApi {
  const base = new URL(options.url.endsWith("/") ? options.url : `${options.url}/`);
  const doFetch = options.fetch ?? fetch;

  const raw = async (method: string, path: string, request: ServiceRequest = {}) => {
    const url = new URL(`api/v1/${path.replace(/^\//, "")}`, base);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: "application/json",
          "user-agent": "attendant-cli",
          ...(request.json === undefined ? {} : { "content-type": "application/json" }),
          ...request.headers,
        },
        ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
        redirect: "error",
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      throw new ServiceApiError(
        `Could not reach Attendant at ${base.origin}${cause}. Check --url (or ATTENDANT_URL) and that the service is running.`,
        exitCodes.unavailable,
        undefined,
        undefined,
      );
    }
    if (response.ok) return response;
    throw await errorFrom(response);
  };

  return {
    raw,
    async json<T>(method: string, path: string, request?: ServiceRequest): Promise<T> {
      const response = await raw(method, path, request);
      return (await response.json()) as T;
    },
  };
}

/** Exit codes by HTTP status: what kind of failure a script should react to. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return exitCodes.unauthorized;
  if (status === 404) return exitCodes.notFound;
  if (status === 429) return exitCodes.rateLimited;
  if (status >= 500) return exitCodes.unavailable;
  if (status >= 400) return exitCodes.rejected;
  return exitCodes.failure;
}

async function errorFrom(response: Response): Promise<ServiceApiError> {
  const text = await response.text();
  let problem: Problem | undefined;
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = undefined;
  }
  const status = response.status;
  const lines = [
    `The service answered ${status}${problem?.title ? ` ${problem.title}` : ""}: ${
      problem?.detail ?? (text.slice(0, 200) || "no details")
    }`,
  ];
  for (const error of problem?.errors ?? []) {
    lines.push(`  - ${error.field || error.in || "request"}: ${error.message ?? "invalid"}`);
  }
  if (status === 401) lines.push("Check --api-key (or ATTENDANT_API_KEY): it must be a live key, atd_…");
  if (status === 429) {
    const retryAfter = response.headers.get("retry-after") ?? problem?.retryAfterSeconds;
    if (retryAfter !== undefined && retryAfter !== null)
      lines.push(`Retry after ${describeRetryAfter(retryAfter)}.`);
  }
  if (problem?.requestId) lines.push(`Request id: ${problem.requestId}`);
  return new ServiceApiError(lines.join("\n"), exitCodeForStatus(status), status, problem);
}

/** Retry-After is a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
function describeRetryAfter(value: string | number): string {
  const seconds = Number(value);
  return Number.isInteger(seconds) ? countNoun(seconds, "second", "seconds") : String(value);
}
