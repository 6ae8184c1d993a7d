/**
 * A loopback proxy in front of a Request Tracker that passes every call through, except that it
 * keeps RT's answer to the first note (`POST …/ticket/{id}/comment`) from the caller: RT has
 * taken the note, the caller never hears so. That is the moment between the write to RT and
 * Attendant recording it, which the SIGKILL test kills the service in.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface NoteHoldingProxy {
  url: string;
  /** Resolves with RT's status once RT answered the note whose answer is held. */
  noteTaken: Promise<number>;
  close(): Promise<void>;
}

const notePath = /^\/REST\/2\.0\/ticket\/\d+\/comment$/;

export async function startNoteHoldingProxy(target: string): Promise<NoteHoldingProxy> {
  let isHolding = true;
  let resolveTaken: (status: number) => void = () => undefined;
  const noteTaken = new Promise<number>((resolve) => {
    resolveTaken = resolve;
  });
  const server = createServer((request, response) => {
    void forward(target, request).then(
      ({ status, contentType, body }) => {
        if (isHolding && request.method === "POST" && notePath.test(request.url ?? "")) {
          isHolding = false;
          resolveTaken(status);
          return;
        }
        response.writeHead(status, contentType === null ? {} : { "content-type": contentType });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(502, { "content-type": "text/plain" });
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    noteTaken,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function forward(target: string, request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const name of ["authorization", "content-type", "accept"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  const method = request.method ?? "GET";
  const answer = await fetch(`${target}${request.url ?? "/"}`, {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
  return {
    status: answer.status,
    contentType: answer.headers.get("content-type"),
    body: Buffer.from(await answer.arrayBuffer()),
  };
}
