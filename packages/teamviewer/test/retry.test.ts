import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../src/http/retry-after.js";
import { DEFAULT_RETRY_POLICY, decideRetry } from "../src/http/retry-policy.js";
import {
  BadRequestError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from "../src/index.js";
import { connectionRefused, empty, FakeTeamViewer, json } from "./support/fake-teamviewer.js";
import { createTestClient, sessionFixture } from "./support/test-client.js";

const unavailable = () => json({ error: "internal_error" }, 503);
const account = () => json({ userid: "u7005", name: "Kenji Sato" });

describe("retries", () => {
  it("retries a GET after a 503 and then succeeds", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unavailable, account);
    const { client, sleeps } = createTestClient(fake);

    const result = await client.account.retrieve();

    expect(result.name).toBe("Kenji Sato");
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it("backs off exponentially with full jitter until maxRetries is used up", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unavailable);
    const { client, sleeps } = createTestClient(fake, { maxRetries: 3 });

    await expect(client.account.retrieve()).rejects.toBeInstanceOf(InternalServerError);

    // random() is 0.5: half of 500, 1000 and 2000 ms.
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(fake.requests).toHaveLength(4);
  });

  it("retries a GET after a connection error", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", connectionRefused, account);
    const { client } = createTestClient(fake);

    await expect(client.account.retrieve()).resolves.toMatchObject({ userid: "u7005" });
    expect(fake.requests).toHaveLength(2);
  });

  it("retries PUT and DELETE on 429 and 408", async () => {
    const fake = new FakeTeamViewer()
      .on(
        "PUT",
        "/sessions/s1",
        () => json({ error: "rate_limit_reached" }, 429),
        () => empty(),
      )
      .on(
        "DELETE",
        "/reports/connections/r1",
        () => empty(408),
        () => empty(),
      );
    const { client } = createTestClient(fake);

    await client.sessions.close("s1");
    await client.reports.connections.delete("r1");

    expect(fake.requests.map((request) => request.method)).toEqual(["PUT", "PUT", "DELETE", "DELETE"]);
  });

  it("retries a GET answered 403 rate_limit_reached", async () => {
    const fake = new FakeTeamViewer().on(
      "GET",
      "/account",
      () => json({ error: "rate_limit_reached" }, 403),
      account,
    );
    const { client } = createTestClient(fake);

    await expect(client.account.retrieve()).resolves.toMatchObject({ userid: "u7005" });
  });

  it("honours Retry-After in delta-seconds", async () => {
    const fake = new FakeTeamViewer().on(
      "GET",
      "/account",
      () => json({}, 429, { "retry-after": "3" }),
      account,
    );
    const { client, sleeps } = createTestClient(fake);

    await client.account.retrieve();

    expect(sleeps).toEqual([3000]);
  });

  it("honours Retry-After as an HTTP-date", async () => {
    const now = Date.UTC(2026, 2, 2, 9, 14, 7);
    const retryAt = new Date(now + 5000).toUTCString();
    const fake = new FakeTeamViewer().on(
      "GET",
      "/account",
      () => json({}, 503, { "retry-after": retryAt }),
      account,
    );
    const { client, sleeps } = createTestClient(fake, { now: () => now });

    await client.account.retrieve();

    expect(sleeps).toEqual([5000]);
  });

  it("does not wait longer than retryAfterCapMs and hands the wait to the caller", async () => {
    const fake = new FakeTeamViewer().on(
      "GET",
      "/account",
      () => json({}, 429, { "retry-after": "120" }),
      account,
    );
    const { client, sleeps } = createTestClient(fake, { retryAfterCapMs: 60_000 });

    const error = await client.account.retrieve().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it("never retries POST /sessions after a 503", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", unavailable, () => json(sessionFixture()));
    const { client } = createTestClient(fake);

    await expect(client.sessions.create({ groupname: "Helpdesk" })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it("never retries POST /sessions after a connection error", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", connectionRefused, () =>
      json(sessionFixture()),
    );
    const { client } = createTestClient(fake);

    await expect(client.sessions.create({ groupname: "Helpdesk" })).rejects.toBeInstanceOf(ConnectionError);
    expect(fake.requests).toHaveLength(1);
  });

  it("never retries POST /sessions on 429, even with a short Retry-After", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => json({}, 429, { "retry-after": "1" }));
    const { client } = createTestClient(fake);

    const error = await client.sessions.create({ groupname: "Helpdesk" }).catch((caught: unknown) => caught);

    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(fake.requests).toHaveLength(1);
  });

  it("never retries POST /groups", async () => {
    const fake = new FakeTeamViewer().on("POST", "/groups", unavailable, () =>
      json({ id: "g1", name: "Helpdesk" }),
    );
    const { client } = createTestClient(fake);

    await expect(client.groups.create({ name: "Helpdesk" })).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.requests).toHaveLength(1);
  });

  it("does not retry answers that will not change (400, 404)", async () => {
    const fake = new FakeTeamViewer()
      .on("GET", "/sessions/s1", () => json({ error: "not_found" }, 404))
      .on("GET", "/sessions", () => json({ error: "invalid_request" }, 400));
    const { client } = createTestClient(fake);

    await expect(client.sessions.retrieve("s1")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.sessions.list({ groupid: "bad" })).rejects.toBeInstanceOf(BadRequestError);
    expect(fake.requests).toHaveLength(2);
  });

  it("lets one call override maxRetries", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unavailable, account);
    const { client } = createTestClient(fake);

    await expect(client.account.retrieve({ maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.requests).toHaveLength(1);
  });

  it("logs each retry without tokens", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unavailable, account);
    const { client, logLines } = createTestClient(fake);

    await client.account.retrieve();

    expect(logLines.find((line) => line.level === "warn")).toMatchObject({
      fields: { method: "GET", path: "/account", error: "InternalServerError", retry: 1, delayMs: 250 },
    });
  });
});

describe("retry policy as data", () => {
  const failure = new InternalServerError("boom", {
    status: 503,
    error: null,
    errorDescription: null,
    errorCode: null,
    errorSignature: null,
    rawBody: "",
    requestId: null,
    method: "POST",
    path: "/sessions",
  });

  it("refuses POST whatever the failure", () => {
    const decision = decideRetry(
      DEFAULT_RETRY_POLICY,
      { method: "POST", error: failure, retryAfterMs: null, retriesDone: 0 },
      () => 0.5,
    );

    expect(decision).toEqual({ retry: false });
  });

  it("caps the exponential ceiling at maxDelayMs", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 10 };
    const decision = decideRetry(
      policy,
      { method: "GET", error: failure, retryAfterMs: null, retriesDone: 9 },
      () => 0.999,
    );

    expect(decision).toEqual({ retry: true, delayMs: Math.floor(0.999 * DEFAULT_RETRY_POLICY.maxDelayMs) });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2015, 9, 21, 7, 28, 0);

  it.each([
    ["0", 0],
    ["  7 ", 7000],
    ["Wed, 21 Oct 2015 07:28:30 GMT", 30_000],
    ["Wed, 21 Oct 2015 07:27:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["2015-10-21T07:28:30Z", null],
  ])("reads %j as %j ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("reads a missing header as null", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
