import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  LicenseLimitError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TeamViewerAPIError,
  UnexpectedResponseError,
} from "../src/index.js";
import { FakeTeamViewer, json, text } from "./support/fake-teamviewer.js";
import { ACCESS_TOKEN, createTestClient } from "./support/test-client.js";

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const respond = () =>
    typeof body === "string" ? text(body, status, headers) : json(body, status, headers);
  const fake = new FakeTeamViewer()
    .on("GET", "/sessions/s119-457-589", respond)
    .on("POST", "/sessions", respond);
  return createTestClient(fake, { maxRetries: 0 }).client;
}

function errorBody(error: string, description: string) {
  return { error, error_description: description, error_code: 1, error_signature: "sig-42" };
}

describe("error tree", () => {
  it.each([
    [400, "invalid_request", BadRequestError],
    [401, "invalid_token", AuthenticationError],
    [403, "invalid_permission", PermissionDeniedError],
    [404, "not_found", NotFoundError],
    [429, "rate_limit_reached", RateLimitError],
    [500, "internal_error", InternalServerError],
    [503, "internal_error", InternalServerError],
    [409, "conflict", TeamViewerAPIError],
  ])(
    "maps status %i (%s) to its error class with TeamViewer's details",
    async (status, category, errorClass) => {
      const client = clientAnswering(status, errorBody(category, "Something specific."), {
        "x-request-id": "req-1",
      });

      const error = await client.sessions.retrieve("s119-457-589").catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({
        status,
        error: category,
        errorDescription: "Something specific.",
        errorCode: 1,
        errorSignature: "sig-42",
        requestId: "req-1",
        method: "GET",
        path: "/sessions/s119-457-589",
        rawBody: JSON.stringify(errorBody(category, "Something specific.")),
      });
      expect((error as Error).message).toContain(`${status} ${category}: Something specific.`);
    },
  );

  it("maps 403 rate_limit_reached to RateLimitError, not PermissionDeniedError", async () => {
    const client = clientAnswering(403, errorBody("rate_limit_reached", "Slow down."));

    const error = await client.sessions.retrieve("s119-457-589").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(PermissionDeniedError);
  });

  it("surfaces a plain-string licence-limit 400 as LicenseLimitError with a clear message", async () => {
    const client = clientAnswering(400, "Session could not be created due to license limitations.");

    const error = await client.sessions.create({ groupname: "Helpdesk" }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LicenseLimitError);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, error: null, errorCode: null });
    expect((error as Error).message).toMatch(/licence limitations.*Close sessions.*upgrade/);
  });

  it("recognises a licence limit inside a JSON error body too", async () => {
    const client = clientAnswering(400, errorBody("invalid_request", "Exceeded license limitations."));

    await expect(client.sessions.create({ groupid: "g1" })).rejects.toBeInstanceOf(LicenseLimitError);
  });

  it("keeps a non-JSON error body and quotes it in the message", async () => {
    const client = clientAnswering(502, "<html>Bad Gateway</html>");

    const error = await client.sessions.retrieve("s119-457-589").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ rawBody: "<html>Bad Gateway</html>", error: null, errorDescription: null });
    expect((error as Error).message).toContain("502 <html>Bad Gateway</html>");
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, TeamViewerAPIError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])("accepts a plain-text error body on status %i and maps it by status", async (status, errorClass) => {
    const client = clientAnswering(status, "Request failed");

    const error = await client.sessions.retrieve("s119-457-589").catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status, rawBody: "Request failed", error: null, errorCode: null });
    expect((error as Error).message).toContain(`${status} Request failed`);
  });

  it("says what to do in every message", async () => {
    const notFound = await clientAnswering(404, errorBody("not_found", "No such session."))
      .sessions.retrieve("s119-457-589")
      .catch((caught: unknown) => caught);
    const denied = await clientAnswering(403, errorBody("invalid_permission", "Missing permission."))
      .sessions.retrieve("s119-457-589")
      .catch((caught: unknown) => caught);

    expect((notFound as Error).message).toMatch(/Check the id or code/);
    expect((denied as Error).message).toMatch(/Tick the missing permission/);
  });

  it("masks a token that TeamViewer echoes back, in the message and in rawBody", async () => {
    const echo = errorBody(
      "invalid_token",
      `Token ${ACCESS_TOKEN} is not valid. Header was Bearer ${ACCESS_TOKEN}`,
    );
    const client = clientAnswering(401, echo);

    const error = (await client.sessions.retrieve("s119-457-589").catch((caught: unknown) => caught)) as
      | AuthenticationError
      | undefined;

    expect(error).toBeInstanceOf(AuthenticationError);
    for (const shown of [error?.message, String(error), error?.rawBody, error?.errorDescription]) {
      expect(shown).not.toContain(ACCESS_TOKEN);
    }
    expect(error?.errorDescription).toContain("[redacted]");
  });

  it("fails with UnexpectedResponseError on a success answer that is not JSON", async () => {
    const fake = new FakeTeamViewer().on("GET", "/account", () => text("<html>login</html>", 200));
    const { client } = createTestClient(fake);

    await expect(client.account.retrieve()).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it("fails with UnexpectedResponseError when a session lacks its code", async () => {
    const fake = new FakeTeamViewer().on("GET", "/sessions/s1", () => json({ state: "Open" }));
    const { client } = createTestClient(fake);

    await expect(client.sessions.retrieve("s1")).rejects.toThrow(/has no "code"/);
  });
});
