import { ConnectionError, TimeoutError } from "../errors.js";
import { redactSecrets } from "../redact.js";
import { raceWithSignal, startDeadline } from "./abort.js";
import { completedWithBytes } from "./completed-with-bytes.js";
import { exchangeOverNodeHttp } from "./node-http-exchange.js";

/**
 * A `fetch` the client can use instead of Node's own HTTP: an in-process handler such as the
 * simulator's (`(request) => app.fetch(request)`), or the global `fetch` on a runtime without
 * `node:http`.
 *
 * @example
 * ```ts
 * const client = new TeamViewerClient({ accessToken, fetch: (request) => simulator.fetch(request) });
 * ```
 */
export type FetchLike = (request: Request) => Promise<Response>;

/** One request as the client sends it: TeamViewer's bodies are small JSON or form texts. */
export interface OutgoingRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** The success answer is bytes (a screenshot), not text: it is kept in `bodyBytes`. */
  readonly expectsBytes?: boolean | undefined;
}

/** An answer read to its end. */
export interface CompletedExchange {
  readonly status: number;
  readonly headers: Headers;
  /** The body as text; empty for a success answer to a request that `expectsBytes`. */
  readonly bodyText: string;
  /** The body of a success answer to a request that `expectsBytes`. */
  readonly bodyBytes?: Uint8Array | undefined;
}

/** How one attempt is sent. */
export interface SendOptions {
  /** Undefined: Node's own HTTP (node-http-exchange.ts). */
  readonly fetch: FetchLike | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** `GET /sessions`: names the request in error messages, never with its query or headers. */
  readonly label: string;
}

/**
 * Sends one request and reads its whole body under one deadline, so a server that answers headers and
 * then stalls mid-body still ends in a {@link TimeoutError}. A caller's abort rejects with the
 * signal's reason (an `AbortError` by default) straight away, even if `fetch` ignores signals.
 * Network failures become {@link ConnectionError}. Redirects are not followed, so the bearer token is
 * never replayed to another location.
 *
 * @example
 * ```ts
 * const { status, bodyText } = await sendRequest(url, { method: "GET", headers }, { fetch, timeoutMs: 30_000, signal, label: "GET /ping" });
 * ```
 */
export async function sendRequest(
  url: string,
  request: OutgoingRequest,
  options: SendOptions,
): Promise<CompletedExchange> {
  options.signal?.throwIfAborted();
  const deadline = startDeadline(
    options.signal,
    options.timeoutMs,
    () =>
      new TimeoutError(
        `TeamViewer did not answer ${options.label} within ${options.timeoutMs} ms. ` +
          "Try again later; if it keeps happening, check the network or raise timeoutMs.",
      ),
  );
  try {
    const exchange =
      options.fetch === undefined
        ? exchangeOverNodeHttp(url, request, deadline.signal)
        : exchangeOverFetch(options.fetch, url, request, deadline.signal);
    return await raceWithSignal(exchange, deadline.signal);
  } catch (error) {
    if (deadline.signal.aborted) throw deadline.signal.reason;
    throw new ConnectionError(
      `Could not reach TeamViewer for ${options.label} (${redactSecrets(describeCause(error))}). ` +
        "Check the network connection and the base URL.",
      { cause: error },
    );
  } finally {
    deadline.dispose();
  }
}

async function exchangeOverFetch(
  fetch: FetchLike,
  url: string,
  request: OutgoingRequest,
  signal: AbortSignal,
): Promise<CompletedExchange> {
  const { method, headers, body = null } = request;
  const response = await fetch(new Request(url, { method, headers, body, redirect: "manual", signal }));
  if (request.expectsBytes) {
    return completedWithBytes(response.status, response.headers, await readBodyBytes(response, signal));
  }
  const bodyText = await readBodyText(response, signal);
  return { status: response.status, headers: response.headers, bodyText };
}

/** Like {@link readBodyText}, for a body kept as bytes. */
async function readBodyBytes(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const chunk = await raceWithSignal(reader.read(), signal);
      if (chunk.done) return Buffer.concat(chunks);
      chunks.push(chunk.value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
}

/** Reads the body chunk by chunk so that every chunk, not just the headers, is bound by `signal`. */
async function readBodyText(response: Response, signal: AbortSignal): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const chunk = await raceWithSignal(reader.read(), signal);
      if (chunk.done) return text + decoder.decode();
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici puts the useful part (ECONNREFUSED, ENOTFOUND) in `cause`, behind a generic "fetch failed".
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
