/**
 * Calls to Request Tracker's REST2 API (`<base>/REST/2.0/…`) with an auth token
 * (`Authorization: token …`), answers parsed as JSON, and every failure turned into a
 * `HelpdeskError`. Redirects are not followed: RT answers its API without them, so a redirect
 * means the address is wrong (http instead of https, a missing web path), which the admin
 * should see rather than have us guess.
 */
import { HelpdeskError } from "../helpdesk-error.js";

/** RT took 0.6–1.2 s per call on a loaded two-core machine; a minute would hide an outage. */
const timeoutMs = 15_000;

export interface RtRestClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

export function createRtRestClient(settings: { baseUrl: string; token: string }): RtRestClient {
  const apiBase = `${settings.baseUrl.replace(/\/+$/, "")}/REST/2.0`;
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${apiBase}${path}`, {
        method,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          authorization: `token ${settings.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new HelpdeskError("unreachable", describeNetworkFailure(error));
    }
    const text = await response.text().catch(() => "");
    if (response.ok) {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new HelpdeskError(
          "unexpected-answer",
          `Request Tracker answered ${method} ${path} with something that is not JSON: is ${settings.baseUrl} RT's address?`,
          response.status,
        );
      }
    }
    throw failureOf(response, method, path, rtMessage(text));
  }
  return {
    get: (path) => send("GET", path),
    post: (path, body) => send("POST", path, body),
    put: (path, body) => send("PUT", path, body),
  };
}

function failureOf(response: Response, method: string, path: string, said: string): HelpdeskError {
  const status = response.status;
  const what = `Request Tracker answered ${method} ${path} with ${status}${said === "" ? "" : `: ${said}`}`;
  if (status >= 300 && status < 400) {
    const location = response.headers.get("location") ?? "another address";
    return new HelpdeskError(
      "unexpected-answer",
      `Request Tracker redirected ${method} ${path} to ${location}: check the address (https, web path).`,
      status,
    );
  }
  if (status === 401) return new HelpdeskError("bad-credentials", what, status);
  if (status === 403) return new HelpdeskError("forbidden", what, status);
  if (status === 404) return new HelpdeskError("not-found", what, status);
  if (status === 409 || status === 412) return new HelpdeskError("conflict", what, status);
  if (status === 429) return new HelpdeskError("rate-limited", what, status, retryAfterSeconds(response));
  if (status >= 500) return new HelpdeskError("unavailable", what, status, retryAfterSeconds(response));
  return new HelpdeskError("unexpected-answer", what, status);
}

/** RT's error bodies are `{"message": "…"}`; anything else is cut short, never echoed whole. */
function rtMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === "string") return parsed.message.slice(0, 300);
  } catch {
    // Not JSON: fall through.
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 120);
}

function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function describeNetworkFailure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  // fetch refuses the ports of other protocols (SMTP, IRC, …) before connecting.
  if (cause?.message === "bad port") return "fetch refuses this port: it belongs to another protocol";
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
