/**
 * How the client reaches TeamViewer when no `fetch` is passed: `node:http` / `node:https` with
 * keep-alive sockets, answering with the status, headers and whole body text.
 *
 * Why not the global `fetch`: for every call it builds a `Request`, a `Response` and web streams
 * for both bodies. On loopback that measured ~0.45 ms more per call than `node:http` (0.66 vs
 * 0.17 ms at p50; docs/performance.md, "Session creation"), paid by every session a supporter
 * opens and every report page a sync reads. The deadline and the caller's abort stay in
 * send-request.ts; here the signal also tears down the socket, so nothing keeps reading.
 */
import * as http from "node:http";
import * as https from "node:https";
import { pipeline, type Readable } from "node:stream";
import * as zlib from "node:zlib";
import { completedWithBytes } from "./completed-with-bytes.js";
import type { CompletedExchange, OutgoingRequest } from "./send-request.js";

/**
 * Idle sockets are closed after this, before the 5 s a server keeps them by default, so a reused
 * socket is rarely one the server is just closing. A shorter `Keep-Alive: timeout=…` from the
 * server lowers it further: Node's agent honours the hint.
 */
const idleSocketMs = 4_000;

/** A report page is ~1 MB of JSON; compressed it crosses the internet in a fraction of that. */
const decoders: Readonly<Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress>> = {
  gzip: () => zlib.createGunzip(),
  "x-gzip": () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};
const acceptEncoding = "gzip, deflate, br";

const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: idleSocketMs }),
  "https:": new https.Agent({ keepAlive: true, timeout: idleSocketMs }),
};

/**
 * Sends `request` and reads the answer to its end, decompressed. Rejects with the socket's own
 * error (refused, reset, TLS), when the connection closes before the body is complete, or on a
 * body in an encoding it did not offer; `signal` aborts it. Redirects are answers like any other:
 * nothing is followed.
 */
export function exchangeOverNodeHttp(
  url: string,
  request: OutgoingRequest,
  signal: AbortSignal,
): Promise<CompletedExchange> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      reject(new Error(`unsupported protocol ${target.protocol}`));
      return;
    }
    const send = target.protocol === "https:" ? https.request : http.request;
    const outgoing = send(
      target,
      {
        method: request.method,
        headers: { "accept-encoding": acceptEncoding, ...request.headers },
        agent: agents[target.protocol],
        signal,
      },
      (incoming) => {
        incoming.on("close", () => {
          if (!incoming.complete) reject(new Error("the connection closed before the answer was complete"));
        });
        const hasBody =
          request.method !== "HEAD" && incoming.statusCode !== 204 && incoming.statusCode !== 304;
        const encoding = hasBody
          ? (incoming.headers["content-encoding"] ?? "identity").trim().toLowerCase()
          : "identity";
        const decoder = encoding === "identity" ? undefined : decoders[encoding];
        if (encoding !== "identity" && decoder === undefined) {
          incoming.destroy();
          reject(new Error(`the answer came in content-encoding "${encoding}", which was not offered`));
          return;
        }
        const body: Readable = decoder === undefined ? incoming : pipeline(incoming, decoder(), () => {});
        if (request.expectsBytes) {
          const chunks: Buffer[] = [];
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => {
            const headers = headersOf(incoming.rawHeaders);
            resolve(completedWithBytes(incoming.statusCode ?? 0, headers, Buffer.concat(chunks)));
          });
          body.on("error", reject);
          return;
        }
        // Decoding as a stream keeps a multi-byte character that spans two chunks whole.
        body.setEncoding("utf8");
        let bodyText = "";
        body.on("data", (chunk: string) => {
          bodyText += chunk;
        });
        body.on("end", () => {
          resolve({ status: incoming.statusCode ?? 0, headers: headersOf(incoming.rawHeaders), bodyText });
        });
        body.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

function headersOf(rawHeaders: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    headers.append(rawHeaders[index] as string, rawHeaders[index + 1] as string);
  }
  return headers;
}
