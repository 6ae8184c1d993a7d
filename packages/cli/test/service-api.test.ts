import { describe, expect, it } from "vitest";
import { exitCodes } from "../src/exit-codes.js";
import { createServiceApi, exitCodeForStatus, ServiceApiError } from "../src/service-api.js";

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (url: URL | string, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: {
        "content-type": status >= 400 ? "application/problem+json" : "application/json",
        ...headers,
      },
    });
  }) as typeof globalThis.fetch;
  return {
    calls,
    api: createServiceApi({ url: "https://support.example.com/attendant", apiKey: "atd_a_b", fetch }),
  };
}

describe("the service API client", () => {
  it("sends the key as a bearer token to /api/v1 below the given address, with the query", async () => {
    const { calls, api } = answering(200, { sessions: [] });
    expect(await api.json("GET", "/sessions", { query: { state: "open", limit: undefined } })).toEqual({
      sessions: [],
    });
    expect(calls[0]?.url).toBe("https://support.example.com/attendant/api/v1/sessions?state=open");
    expect(new Headers(calls[0]?.init?.headers).get("authorization")).toBe("Bearer atd_a_b");
  });

  it("turns a problem into a message with each invalid field and the request id", async () => {
    const { api } = answering(400, {
      title: "Bad Request",
      status: 400,
      detail: "The request has invalid values: ticket.title.",
      requestId: "req-1",
      errors: [{ in: "body", field: "ticket.title", message: "Too big" }],
    });
    const error = await api.json("POST", "/sessions", { json: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceApiError);
    expect((error as ServiceApiError).exitCode).toBe(exitCodes.rejected);
    expect((error as ServiceApiError).message).toBe(
      "The service answered 400 Bad Request: The request has invalid values: ticket.title.\n  - ticket.title: Too big\nRequest id: req-1",
    );
  });

  it("says when to retry after a 429 and exits with the rate-limit code", async () => {
    const { api } = answering(
      429,
      { title: "Too Many Requests", detail: "Slow down." },
      { "retry-after": "17" },
    );
    const error = (await api.json("GET", "/sessions").catch((caught: unknown) => caught)) as ServiceApiError;
    expect(error.exitCode).toBe(exitCodes.rateLimited);
    expect(error.message).toContain("Retry after 17 seconds.");
  });

  it("copes with an answer that is not problem+json", async () => {
    const { api } = answering(502, "<html>Bad gateway</html>");
    const error = (await api.json("GET", "/sessions").catch((caught: unknown) => caught)) as ServiceApiError;
    expect(error.exitCode).toBe(exitCodes.unavailable);
    expect(error.message).toContain("The service answered 502: <html>Bad gateway</html>");
  });

  it("maps statuses to documented exit codes", () => {
    expect([401, 403, 404, 400, 409, 422, 429, 500, 503].map(exitCodeForStatus)).toEqual([
      4, 4, 6, 7, 7, 7, 8, 5, 5,
    ]);
  });
});
