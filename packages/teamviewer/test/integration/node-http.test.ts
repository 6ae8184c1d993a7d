import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, TeamViewerAPIError, TeamViewerClient, TimeoutError } from "../../src/index.js";

/**
 * The client's own HTTP (src/http/node-http-exchange.ts, used when no `fetch` is passed) on real
 * loopback sockets, against small servers that misbehave in the ways a network can.
 */

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function listen(server: Server, scheme: "http" | "https" = "http"): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

function clientFor(baseUrl: string, options: { timeoutMs?: number } = {}): TeamViewerClient {
  return new TeamViewerClient({
    accessToken: "script-token",
    baseUrl,
    allowInsecureRequests: true,
    timeoutMs: options.timeoutMs ?? 2_000,
    maxRetries: 0,
    sleep: async () => {},
  });
}

function answeringJson(body: string, onRequest: (request: IncomingMessage) => void = () => {}): Handler {
  return (request, response) => {
    onRequest(request);
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    });
  };
}

describe("the client's own HTTP on real sockets", () => {
  it("sends the method, path, token, user agent and JSON body, and reads the answer", async () => {
    const seen: { method?: string; url?: string; headers?: IncomingMessage["headers"]; body?: string } = {};
    const baseUrl = await listen(
      createServer((request, response) => {
        let body = "";
        request.setEncoding("utf8").on("data", (chunk: string) => {
          body += chunk;
        });
        request.on("end", () => {
          Object.assign(seen, { method: request.method, url: request.url, headers: request.headers, body });
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ code: "s123-456-789", end_customer_link: "https://example.test/s" }));
        });
      }),
    );

    const created = await clientFor(baseUrl).sessions.create({
      groupname: "Support",
      description: "Drucker",
    });

    expect(created.code).toBe("s123-456-789");
    expect(seen.method).toBe("POST");
    expect(seen.url).toBe("/api/v1/sessions");
    expect(seen.headers?.authorization).toBe("Bearer script-token");
    expect(seen.headers?.["content-type"]).toBe("application/json");
    expect(seen.headers?.["user-agent"]).toBe("attendant-teamviewer");
    expect(seen.headers?.["content-length"]).toBe(String(Buffer.byteLength(seen.body ?? "")));
    expect(seen.headers?.["transfer-encoding"]).toBeUndefined();
    expect(JSON.parse(seen.body ?? "")).toMatchObject({ groupname: "Support", description: "Drucker" });
  });

  it("keeps a multi-byte character whole when it arrives split across two chunks", async () => {
    const answer = Buffer.from(JSON.stringify({ token_valid: true, note: "接続テスト" }), "utf8");
    const split = answer.indexOf(Buffer.from("続", "utf8")) + 1;
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
        response.write(answer.subarray(0, split));
        setTimeout(() => response.end(answer.subarray(split)), 20);
      }),
    );

    const result = await clientFor(baseUrl).ping();

    expect(result).toMatchObject({ token_valid: true, note: "接続テスト" });
  });

  for (const [encoding, compress] of [
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const) {
    it(`offers compression and reads a ${encoding} answer`, async () => {
      let offered: string | undefined;
      const baseUrl = await listen(
        createServer((request, response) => {
          offered = request.headers["accept-encoding"];
          request.resume();
          response.writeHead(200, { "content-type": "application/json", "content-encoding": encoding });
          response.end(compress(JSON.stringify({ token_valid: true, note: "Verbindung geprüft" })));
        }),
      );

      const result = await clientFor(baseUrl).ping();

      expect(offered).toBe("gzip, deflate, br");
      expect(result).toMatchObject({ token_valid: true, note: "Verbindung geprüft" });
    });
  }

  it("reads a 204 as empty even when it names a content-encoding", async () => {
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.writeHead(204, { "content-encoding": "gzip" });
        response.end();
      }),
    );

    await expect(clientFor(baseUrl).sessions.close("s123-456-789")).resolves.toBeUndefined();
  });

  it("refuses an answer in an encoding it did not offer, saying which", async () => {
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.writeHead(200, { "content-type": "application/json", "content-encoding": "zstd" });
        response.end("(zstd bytes)");
      }),
    );

    const failure = await clientFor(baseUrl)
      .ping()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConnectionError);
    expect((failure as Error).message).toMatch(/content-encoding "zstd"/);
  });

  it("reuses one kept-alive connection for calls one after another", async () => {
    let connections = 0;
    const server = createServer(answeringJson(JSON.stringify({ token_valid: true })));
    server.on("connection", () => {
      connections += 1;
    });
    const client = clientFor(await listen(server));

    for (let call = 0; call < 5; call++) await client.ping();

    expect(connections).toBe(1);
  });

  it("returns a redirect as an error instead of following it, so the token goes nowhere else", async () => {
    let elsewhereHits = 0;
    const elsewhere = await listen(
      createServer(
        answeringJson(JSON.stringify({ token_valid: true }), () => {
          elsewhereHits += 1;
        }),
      ),
    );
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.writeHead(302, { location: `${elsewhere}/ping` });
        response.end();
      }),
    );

    const failure = await clientFor(baseUrl)
      .ping()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TeamViewerAPIError);
    expect((failure as TeamViewerAPIError).status).toBe(302);
    expect(elsewhereHits).toBe(0);
  });

  it("reports a refused connection as ConnectionError naming the cause", async () => {
    const server = createServer();
    const baseUrl = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const failure = await clientFor(baseUrl)
      .ping()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConnectionError);
    expect((failure as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("reports an answer cut off mid-body as ConnectionError, not as a short body", async () => {
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.writeHead(200, { "content-type": "application/json", "content-length": 100 });
        response.write('{"token_valid":');
        setTimeout(() => response.socket?.destroy(), 20);
      }),
    );

    await expect(clientFor(baseUrl).ping()).rejects.toBeInstanceOf(ConnectionError);
  });

  it("ends a stalled body at the deadline and closes the socket", async () => {
    let socketClosed = false;
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.socket?.on("close", () => {
          socketClosed = true;
        });
        response.writeHead(200, { "content-type": "application/json" });
        response.write('{"token_valid":');
      }),
    );

    await expect(clientFor(baseUrl, { timeoutMs: 150 }).ping()).rejects.toBeInstanceOf(TimeoutError);
    await expect.poll(() => socketClosed).toBe(true);
  });

  it("stops at once with the caller's AbortError while the body is still arriving", async () => {
    const baseUrl = await listen(
      createServer((request, response) => {
        request.resume();
        response.writeHead(200, { "content-type": "application/json" });
        response.write('{"token_valid":');
      }),
    );
    const controller = new AbortController();
    const pending = clientFor(baseUrl).ping({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);

    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("verifies the server's TLS certificate: a self-signed one is a ConnectionError", async () => {
    // A throwaway certificate for 127.0.0.1 made with openssl for this test; its key guards nothing.
    const server = createTlsServer(
      {
        key: readFileSync(new URL("../fixtures/self-signed-key.pem", import.meta.url)),
        cert: readFileSync(new URL("../fixtures/self-signed-cert.pem", import.meta.url)),
      },
      answeringJson(JSON.stringify({ token_valid: true })),
    );
    const baseUrl = await listen(server, "https");

    const failure = await clientFor(baseUrl)
      .ping()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConnectionError);
    expect((failure as Error).message).toMatch(/self[- ]signed certificate/);
  });
});
