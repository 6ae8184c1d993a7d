import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { createFakeClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load-config.js";
import type { Database, Db } from "../../src/db/open-database.js";
import { createApp, maxRequestBodyBytes } from "../../src/http/create-app.js";
import { parseKeyring } from "../../src/vault/keyring.js";
import { SecretBox } from "../../src/vault/secret-box.js";
import { captureLogs } from "../support/capture-logs.js";
import { generateKeyEntry } from "../support/keys.js";

/** The HTTP layer only needs ping() from the database here; anything else fails loudly. */
function fakeDatabase(ping: () => Promise<void>): Database {
  const unused = () => {
    throw new Error("not used by these tests");
  };
  return {
    engine: "pglite",
    db: new Proxy({}, { get: unused }) as Db,
    withDedicatedConnection: unused,
    ping,
    close: async () => {},
  };
}

function setUp(options: { publicUrl?: string; ping?: () => Promise<void> } = {}) {
  const logs = captureLogs();
  const config = loadConfig({
    env: {
      ATTENDANT_PUBLIC_URL: options.publicUrl ?? "http://localhost:3000",
      ATTENDANT_KEYS: generateKeyEntry("k"),
    },
  });
  const app = createApp({
    database: fakeDatabase(options.ping ?? (async () => {})),
    config,
    clock: createFakeClock(),
    vault: new SecretBox(parseKeyring({ keys: generateKeyEntry("k") })),
    logger: logs.logger,
  });
  return { app, logs };
}

describe("createApp", () => {
  it("sends the security headers on every response", async () => {
    const { app } = setUp();
    const response = await app.request("/healthz");
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("sends HSTS only when the public URL is https", async () => {
    const plain = await setUp().app.request("/healthz");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = await setUp({ publicUrl: "https://support.example.com" }).app.request("/healthz");
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("gives every response a request id, and keeps a sane one the caller sent", async () => {
    const { app } = setUp();
    const generated = await app.request("/healthz");
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app.request("/healthz", { headers: { "X-Request-Id": "from-proxy-1" } });
    expect(echoed.headers.get("x-request-id")).toBe("from-proxy-1");
  });

  it("answers an unexpected error with problem+json, the request id and no stack trace", async () => {
    const { app, logs } = setUp();
    app.get("/api/boom", () => {
      throw new Error("kaboom: internal detail");
    });
    const response = await app.request("/api/boom");
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      instance: "/api/boom",
    });
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    expect(text).not.toContain("kaboom");
    expect(text).not.toMatch(/at .*\.ts/);
    // The details go to the log, under the same request id.
    expect(logs.text()).toContain("kaboom: internal detail");
    expect(logs.text()).toContain(body.requestId);
  });

  it("passes a deliberate 4xx through as problem+json with its message", async () => {
    const { app } = setUp();
    app.post("/api/things", () => {
      throw new HTTPException(422, { message: "name must not be empty" });
    });
    const response = await app.request("/api/things", { method: "POST" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      title: "Unprocessable Content",
      detail: "name must not be empty",
    });
  });

  it("answers unknown /api paths with a problem+json 404", async () => {
    const { app } = setUp();
    const response = await app.request("/api/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, instance: "/api/nope" });
  });

  it("reports ready while the database answers, and 503 when it does not", async () => {
    const ready = await setUp().app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });

    const down = await setUp({ ping: () => Promise.reject(new Error("connection refused")) }).app.request(
      "/readyz",
    );
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toBe("application/problem+json");
    expect(await down.json()).toMatchObject({ status: 503, detail: "The database is not reachable." });
  });

  it("refuses a body declared over 1 MiB with 413 before any route or API key check: problem+json on the API, a page elsewhere", async () => {
    const { app } = setUp();
    let routeRan = false;
    app.post("/api/things", (c) => {
      routeRan = true;
      return c.body(null, 204);
    });
    const tooLarge = "x".repeat(maxRequestBodyBytes + 1);
    const api = await app.request("/api/things", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(tooLarge.length) },
      body: tooLarge,
    });
    expect(api.status).toBe(413);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(await api.json()).toMatchObject({
      code: "body-too-large",
      detail: expect.stringContaining("1 MiB"),
    });
    // No API key was sent: the size is checked before anyone is authenticated.
    const unauthenticated = await app.request("/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(tooLarge.length) },
      body: tooLarge,
    });
    expect(unauthenticated.status).toBe(413);

    const page = await app.request("/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(tooLarge.length + 6),
        "accept-language": "de",
      },
      body: `email=${tooLarge}`,
    });
    expect(page.status).toBe(413);
    expect(await page.text()).toContain("Zu viel auf einmal");
    expect(routeRan).toBe(false);
  });

  it("counts a body sent without Content-Length as it streams in, and takes one of exactly 1 MiB", async () => {
    const { app } = setUp();
    app.post("/api/things", async (c) => c.json({ length: (await c.req.text()).length }));
    const streamed = (size: number) =>
      app.request("/api/things", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: new ReadableStream({
          start(controller) {
            const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
            for (let sent = 0; sent < size; sent += chunk.length)
              controller.enqueue(chunk.subarray(0, Math.min(chunk.length, size - sent)));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    const atLimit = await streamed(maxRequestBodyBytes);
    expect(atLimit.status).toBe(200);
    expect(await atLimit.json()).toEqual({ length: maxRequestBodyBytes });
    expect((await streamed(maxRequestBodyBytes + 1)).status).toBe(413);
  });

  it("logs the path of a request but never its query string", async () => {
    const { app, logs } = setUp();
    await app.request("/api/oauth/callback?code=AUTH-CODE-123&state=S");
    expect(logs.text()).toContain('"path":"/api/oauth/callback"');
    expect(logs.text()).not.toContain("AUTH-CODE-123");
  });
});
