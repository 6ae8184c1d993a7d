import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type AccessTokenProvider,
  AuthenticationError,
  ConnectionError,
  TeamViewerClient,
  TeamViewerError,
  TimeoutError,
} from "../src/index.js";
import { deferred } from "./support/deferred.js";
import {
  connectionRefused,
  FAKE_BASE_URL,
  FakeTeamViewer,
  json,
  neverAnswers,
  stalledBody,
} from "./support/fake-teamviewer.js";
import { ACCESS_TOKEN, createTestClient, REFRESHED_ACCESS_TOKEN } from "./support/test-client.js";

const account = () => json({ userid: "u7005" });
const unauthorized = () => json({ error: "invalid_token", error_description: "The token is expired." }, 401);

/** A token provider that records how it was called and hands out a new token on a forced refresh. */
function recordingTokenProvider() {
  const calls: boolean[] = [];
  const provider: AccessTokenProvider = async ({ forceRefresh }) => {
    calls.push(forceRefresh);
    return forceRefresh ? REFRESHED_ACCESS_TOKEN : ACCESS_TOKEN;
  };
  return { provider, calls };
}

describe("deadlines and aborts", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("times out a body that stalls mid-stream", async () => {
    vi.useFakeTimers();
    const fake = new FakeTeamViewer().on("GET", "/sessions", () => stalledBody());
    const { client } = createTestClient(fake, { timeoutMs: 1000, maxRetries: 0 });

    const outcome = expect(client.sessions.list()).rejects.toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(1000);

    await outcome;
  });

  it("times out a server that never answers, even when fetch ignores the signal", async () => {
    vi.useFakeTimers();
    const fake = new FakeTeamViewer().on("GET", "/account", neverAnswers);
    const { client } = createTestClient(fake, { timeoutMs: 1000, maxRetries: 0 });

    const outcome = expect(client.account.retrieve()).rejects.toThrow(
      /did not answer GET \/account within 1000 ms/,
    );
    await vi.advanceTimersByTimeAsync(1000);

    await outcome;
  });

  it("retries an idempotent call that timed out, each attempt with its own deadline", async () => {
    vi.useFakeTimers();
    const fake = new FakeTeamViewer().on("GET", "/account", neverAnswers, account);
    const { client } = createTestClient(fake, { timeoutMs: 1000 });

    const result = client.account.retrieve();
    await vi.advanceTimersByTimeAsync(1000);

    await expect(result).resolves.toMatchObject({ userid: "u7005" });
  });

  it("rejects promptly with an AbortError when the caller aborts, even if fetch ignores the signal", async () => {
    const arrived = deferred();
    const fake = new FakeTeamViewer().on("GET", "/account", () => {
      arrived.resolve();
      return neverAnswers();
    });
    const { client } = createTestClient(fake);
    const controller = new AbortController();

    const outcome = client.account.retrieve({ signal: controller.signal });
    await arrived.promise;
    controller.abort();

    await expect(outcome).rejects.toMatchObject({ name: "AbortError" });
  });

  it("stops waiting between retries when the caller aborts", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", () => json({}, 503), account);
    const controller = new AbortController();
    const { client } = createTestClient(fake, {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener("abort", () => reject(signal.reason));
          controller.abort();
        }),
    });

    await expect(client.account.retrieve({ signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("rejects promptly with an AbortError when the caller aborts while the token provider is still waiting", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", account);
    const asked = deferred();
    const neverRefreshed = new Promise<string>(() => {});
    const { client } = createTestClient(fake, {
      accessToken: () => {
        asked.resolve();
        return neverRefreshed;
      },
    });
    const controller = new AbortController();

    const outcome = client.account.retrieve({ signal: controller.signal });
    await asked.promise;
    controller.abort();

    await expect(outcome).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.requests).toHaveLength(0);
  });

  it("does not ask the token provider when the signal is already aborted", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", account);
    const { provider, calls } = recordingTokenProvider();
    const { client } = createTestClient(fake, { accessToken: provider });

    await expect(client.account.retrieve({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(calls).toHaveLength(0);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", account);
    const { client } = createTestClient(fake);

    await expect(client.account.retrieve({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("reports an unreachable server as ConnectionError with the cause", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", connectionRefused);
    const { client } = createTestClient(fake, { maxRetries: 0 });

    const error = await client.account.retrieve().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED.*Check the network connection/);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});

describe("https only", () => {
  it("refuses an http:// base URL without allowInsecureRequests", () => {
    expect(() => new TeamViewerClient({ accessToken: ACCESS_TOKEN, baseUrl: FAKE_BASE_URL })).toThrow(
      /plain http.*allowInsecureRequests: true/,
    );
  });

  it("accepts an http:// base URL when the caller opts in", () => {
    expect(
      () =>
        new TeamViewerClient({
          accessToken: ACCESS_TOKEN,
          baseUrl: FAKE_BASE_URL,
          allowInsecureRequests: true,
        }),
    ).not.toThrow();
  });

  it("refuses a missing access token with a message that says what to pass", () => {
    expect(() => new TeamViewerClient({ accessToken: "" })).toThrow(TeamViewerError);
  });
});

describe("access tokens", () => {
  it("sends a string token as Bearer with JSON headers and the user agent", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", account);
    const { client } = createTestClient(fake, { userAgent: "attendant-test" });

    await client.account.retrieve();

    const headers = fake.requests[0]?.headers;
    expect(headers?.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(headers?.get("accept")).toBe("application/json");
    expect(headers?.get("user-agent")).toBe("attendant-test");
  });

  it("asks a token function for the token on every request, without forcing a refresh", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", account);
    const { provider, calls } = recordingTokenProvider();
    const { client } = createTestClient(fake, { accessToken: provider });

    await client.account.retrieve();
    await client.account.retrieve();

    expect(calls).toEqual([false, false]);
    expect(fake.requests.map((request) => request.headers.get("authorization"))).toEqual([
      `Bearer ${ACCESS_TOKEN}`,
      `Bearer ${ACCESS_TOKEN}`,
    ]);
  });

  it("refreshes once after a 401 and succeeds with the new token", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unauthorized, account);
    const { provider, calls } = recordingTokenProvider();
    const { client } = createTestClient(fake, { accessToken: provider });

    await expect(client.account.retrieve()).resolves.toMatchObject({ userid: "u7005" });

    expect(calls).toEqual([false, true]);
    expect(fake.requests[1]?.headers.get("authorization")).toBe(`Bearer ${REFRESHED_ACCESS_TOKEN}`);
  });

  it("throws AuthenticationError when the refreshed token is rejected too, refreshing only once", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unauthorized);
    const { provider, calls } = recordingTokenProvider();
    const { client, sleeps } = createTestClient(fake, { accessToken: provider });

    await expect(client.account.retrieve()).rejects.toBeInstanceOf(AuthenticationError);

    expect(calls).toEqual([false, true]);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("refreshes once even when a retry follows the refresh", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unauthorized, () => json({}, 503), unauthorized);
    const { provider, calls } = recordingTokenProvider();
    const { client } = createTestClient(fake, { accessToken: provider });

    await expect(client.account.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
    expect(calls).toEqual([false, true, false]);
  });

  it("throws AuthenticationError at once for a rejected string token", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", unauthorized, account);
    const { client } = createTestClient(fake);

    await expect(client.account.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
    expect(fake.requests).toHaveLength(1);
  });

  it("keeps tokens out of error messages and log lines", async () => {
    const echo = () =>
      json({ error: "internal_error", error_description: `bad token ${REFRESHED_ACCESS_TOKEN}` }, 500);
    const fake = new FakeTeamViewer().on("GET", "/account", unauthorized, echo);
    const { provider } = recordingTokenProvider();
    const { client, logLines } = createTestClient(fake, { accessToken: provider, maxRetries: 1 });

    const error = await client.account.retrieve().catch((caught: unknown) => caught);

    const everythingShown = JSON.stringify({
      message: (error as Error).message,
      text: String(error),
      error,
      logLines,
    });
    expect(logLines.length).toBeGreaterThan(0);
    expect(everythingShown).not.toContain(ACCESS_TOKEN);
    expect(everythingShown).not.toContain(REFRESHED_ACCESS_TOKEN);
  });
});

describe("paths", () => {
  it("encodes each path parameter as a single segment", async () => {
    const fake = new FakeTeamViewer();
    const { client } = createTestClient(fake, { maxRetries: 0 });

    await client.sessions.retrieve("a/b?c#d").catch(() => undefined);

    expect(fake.requests[0]?.path).toBe("/sessions/a%2Fb%3Fc%23d");
  });

  it("refuses ids that would change the path", () => {
    const { client } = createTestClient(new FakeTeamViewer());

    expect(() => client.sessions.retrieve("..")).toThrow(TypeError);
    expect(() => client.reports.connections.retrieve("")).toThrow(TypeError);
  });
});
