/**
 * An in-process stand-in for the TeamViewer Web API, small enough to read in one go: each test says
 * which answers a route gives, in order, and reads back the requests that arrived. Not the simulator
 * (packages/simulator): these tests pin the client's own rules, one answer at a time.
 */

export const FAKE_BASE_URL = "http://teamviewer.test/api/v1";

/** Produces the answer to one request. */
export type Responder = (request: Request) => Response | Promise<Response>;

/** A request as the fake server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Below `/api/v1`, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly bodyText: string;
}

export class FakeTeamViewer {
  readonly requests: RecordedRequest[] = [];
  readonly #routes = new Map<string, Responder[]>();

  /** Answers `method path` with `responders` in turn; the last one answers every later request too. */
  on(method: string, path: string, ...responders: Responder[]): this {
    this.#routes.set(`${method} ${path}`, responders);
    return this;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1/, "");
    this.requests.push({
      method: request.method,
      path,
      query: url.searchParams,
      headers: request.headers,
      bodyText: await request.clone().text(),
    });
    const responders = this.#routes.get(`${request.method} ${path}`);
    const responder = responders && responders.length > 1 ? responders.shift() : responders?.[0];
    if (responder === undefined)
      return json({ error: "not_found", error_description: "No fake route." }, 404);
    return responder(request);
  };

  /** The requests that went to `method path`. */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.path === path);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain", ...headers } });
}

export function empty(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/** Headers and the first bytes of a JSON body arrive, then nothing more, ever. */
export function stalledBody(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"sessions":['));
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
}

/** A server that never answers and ignores the request's signal. */
export function neverAnswers(): Promise<Response> {
  return new Promise<Response>(() => {});
}

/** A connection refused before any answer. */
export function connectionRefused(): Promise<Response> {
  return Promise.reject(
    new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:443") }),
  );
}
