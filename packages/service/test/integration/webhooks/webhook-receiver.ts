/**
 * A real HTTP receiver on loopback for webhook tests. Each request gets the next planned answer
 * (then the default), and is kept with its headers and raw body so tests can verify it with
 * `verifyWebhook` exactly as a customer's receiver would.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type PlannedAnswer =
  | { kind: "status"; status: number; body?: string }
  | { kind: "redirect"; status: 301 | 302 | 307 | 308; location: string }
  /** Accepts the request and never answers (until the receiver closes). */
  | { kind: "hang" };

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered (or, for `hang`, never did). */
  answer: PlannedAnswer;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks` */
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Answers for the next requests, in order; afterwards `fallback` (204 by default). */
  plan(...answers: PlannedAnswer[]): void;
  /** Drops the answers planned and not used yet. */
  clearPlan(): void;
  setFallback(answer: PlannedAnswer): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const planned: PlannedAnswer[] = [];
  let fallback: PlannedAnswer = { kind: "status", status: 204 };
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const chosen = planned.shift() ?? fallback;
    received.push({
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      body: Buffer.concat(chunks).toString("utf8"),
      answer: chosen,
    });
    answer(response, chosen);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    plan: (...answers) => void planned.push(...answers),
    clearPlan: () => void planned.splice(0),
    setFallback(answerToUse) {
      fallback = answerToUse;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(response: ServerResponse, planned: PlannedAnswer): void {
  if (planned.kind === "hang") return;
  if (planned.kind === "redirect") {
    response.writeHead(planned.status, { location: planned.location }).end();
    return;
  }
  response.writeHead(planned.status, { "content-type": "text/plain" }).end(planned.body ?? "");
}

/** A loopback port nobody listens on: a receiver that is down. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
