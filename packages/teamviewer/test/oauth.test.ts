import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  InternalServerError,
  InvalidClientError,
  InvalidGrantError,
  OAuthError,
  TeamViewerOAuth,
  type TeamViewerOAuthOptions,
  type TokenSet,
} from "../src/index.js";
import { deferred } from "./support/deferred.js";
import { empty, FAKE_BASE_URL, FakeTeamViewer, json, text } from "./support/fake-teamviewer.js";
import { ACCESS_TOKEN, createRecordingLogger, REFRESHED_ACCESS_TOKEN } from "./support/test-client.js";

const CLIENT_ID = "123456-AbCdEfGhIjKlMnOpQrSt";
const CLIENT_SECRET = "client-secret-Zq9vXw2Lp4Rt";
const REDIRECT_URI = "https://support.example.com/teamviewer/callback";
const REFRESH_TOKEN = "11112222-RefreshTokenAbCdEfGhIj";
const NEXT_REFRESH_TOKEN = "33334444-RefreshTokenKlMnOpQrSt";
const AUTHORIZATION_CODE = "code-Ab12Cd34Ef56";
const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);

function tokenAnswer(overrides: Record<string, unknown> = {}) {
  return {
    access_token: REFRESHED_ACCESS_TOKEN,
    token_type: "bearer",
    expires_in: 86400,
    refresh_token: NEXT_REFRESH_TOKEN,
    ...overrides,
  };
}

function createOAuth(fake: FakeTeamViewer, overrides: Partial<TeamViewerOAuthOptions> = {}) {
  const { logger, lines } = createRecordingLogger();
  const oauth = new TeamViewerOAuth({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    baseUrl: FAKE_BASE_URL,
    allowInsecureRequests: true,
    fetch: fake.fetch,
    logger,
    now: () => NOW,
    ...overrides,
  });
  return { oauth, logLines: lines };
}

function formOf(bodyText: string | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(bodyText ?? ""));
}

describe("authorization URL", () => {
  it("points at TeamViewer's consent page with client, redirect, state and PKCE S256", async () => {
    const oauth = new TeamViewerOAuth({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT_URI,
    });

    const { url, state, codeVerifier } = await oauth.createAuthorizationUrl();

    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe("https://login.teamviewer.com/oauth2/authorize");
    const expectedChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      response_type: "code",
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      state,
      code_challenge: expectedChallenge,
      code_challenge_method: "S256",
    });
    expect(url).not.toContain(CLIENT_SECRET);
  });

  it("uses a fresh state of at least 128 random bits every time", async () => {
    const oauth = new TeamViewerOAuth({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT_URI,
    });

    const first = await oauth.createAuthorizationUrl();
    const second = await oauth.createAuthorizationUrl();

    expect(Buffer.from(first.state, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(first.state).not.toBe(second.state);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
  });

  it("uses a configured authorize URL and popup display", async () => {
    const oauth = new TeamViewerOAuth({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT_URI,
      authorizeUrl: "https://account.teamviewer.com/oauth2/authorize",
    });

    const { url } = await oauth.createAuthorizationUrl({ display: "popup" });

    expect(url).toMatch(/^https:\/\/account\.teamviewer\.com\/oauth2\/authorize\?.*display=popup/);
  });

  it("refuses an http:// authorize URL without allowInsecureRequests", () => {
    expect(
      () =>
        new TeamViewerOAuth({
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUri: REDIRECT_URI,
          authorizeUrl: "http://127.0.0.1:4010/oauth2/authorize",
        }),
    ).toThrow(/authorizeUrl.*plain http/);
  });
});

describe("callback", () => {
  const { oauth } = createOAuth(new FakeTeamViewer());

  it("returns the code when the state matches", () => {
    const callback = `${REDIRECT_URI}?code=${AUTHORIZATION_CODE}&state=expected-state-value`;

    expect(oauth.readCallback(callback, "expected-state-value")).toEqual({ code: AUTHORIZATION_CODE });
  });

  it.each([
    ["a different state", "?code=abc&state=forged", "state_mismatch"],
    ["no state", "?code=abc", "state_mismatch"],
    ["a denial", "?error=access_denied&state=expected-state-value", "access_denied"],
    ["another error", "?error=server_error&state=expected-state-value", "server_error"],
    ["no code", "?state=expected-state-value", "missing_code"],
  ])("refuses a callback with %s", (_case, query, error) => {
    const outcome = () => oauth.readCallback(`${REDIRECT_URI}${query}`, "expected-state-value");

    expect(outcome).toThrow(OAuthError);
    expect(outcome).toThrow(expect.objectContaining({ error, status: null }));
  });

  it("never accepts an empty expected state", () => {
    expect(() => oauth.readCallback(`${REDIRECT_URI}?code=abc&state=`, "")).toThrow(/state mismatch/);
  });
});

describe("code exchange", () => {
  it("posts the code, verifier and app credentials as a form and returns the token set", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () => json(tokenAnswer()));
    const { oauth } = createOAuth(fake);

    const tokens = await oauth.exchangeCode({ code: AUTHORIZATION_CODE, codeVerifier: "verifier-123" });

    const request = fake.requests[0];
    expect(request?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.get("authorization")).toBeNull();
    expect(formOf(request?.bodyText)).toEqual({
      grant_type: "authorization_code",
      code: AUTHORIZATION_CODE,
      code_verifier: "verifier-123",
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(tokens).toEqual({
      accessToken: REFRESHED_ACCESS_TOKEN,
      refreshToken: NEXT_REFRESH_TOKEN,
      expiresAt: new Date(NOW + 86_400_000),
      tokenType: "bearer",
      raw: tokenAnswer(),
    });
  });

  it("accepts expires_in as a string and Bearer in any case", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () =>
      json(tokenAnswer({ expires_in: "3600", token_type: "Bearer" })),
    );
    const { oauth } = createOAuth(fake);

    const tokens = await oauth.exchangeCode({ code: AUTHORIZATION_CODE, codeVerifier: "v" });

    expect(tokens.expiresAt).toEqual(new Date(NOW + 3_600_000));
    expect(tokens.tokenType).toBe("bearer");
  });

  it("is never retried, since a code can be spent only once", async () => {
    const fake = new FakeTeamViewer().on(
      "POST",
      "/oauth2/token",
      () => json({}, 503),
      () => json(tokenAnswer()),
    );
    const { oauth } = createOAuth(fake);

    await expect(oauth.exchangeCode({ code: AUTHORIZATION_CODE, codeVerifier: "v" })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fake.requests).toHaveLength(1);
  });
});

describe("refresh", () => {
  it("posts the refresh token and app credentials without a redirect URI", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () => json(tokenAnswer()));
    const { oauth } = createOAuth(fake);

    await oauth.refresh({ refreshToken: REFRESH_TOKEN, onRotated: () => {} });

    expect(formOf(fake.requests[0]?.bodyText)).toEqual({
      grant_type: "refresh_token",
      refresh_token: REFRESH_TOKEN,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
  });

  it("awaits onRotated with the rotated tokens before returning", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () => json(tokenAnswer()));
    const { oauth } = createOAuth(fake);
    const rotatedWith = deferred<TokenSet>();
    const saved = deferred();
    let hasReturned = false;

    const refreshing = oauth
      .refresh({
        refreshToken: REFRESH_TOKEN,
        onRotated: async (tokens) => {
          rotatedWith.resolve(tokens);
          await saved.promise;
        },
      })
      .then((tokens) => {
        hasReturned = true;
        return tokens;
      });
    const rotated = await rotatedWith.promise;
    await new Promise((resolve) => setImmediate(resolve));

    expect(rotated.refreshToken).toBe(NEXT_REFRESH_TOKEN);
    expect(hasReturned).toBe(false);
    saved.resolve();
    await expect(refreshing).resolves.toBe(rotated);
    expect(hasReturned).toBe(true);
  });

  it("fails when onRotated fails, so unsaved tokens are never handed out", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () => json(tokenAnswer()));
    const { oauth } = createOAuth(fake);

    const outcome = oauth.refresh({
      refreshToken: REFRESH_TOKEN,
      onRotated: async () => {
        throw new Error("database is down");
      },
    });

    await expect(outcome).rejects.toThrow("database is down");
  });

  it("keeps the presented refresh token when the answer carries no new one", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () =>
      json(tokenAnswer({ refresh_token: undefined })),
    );
    const { oauth } = createOAuth(fake);

    const tokens = await oauth.refresh({ refreshToken: REFRESH_TOKEN, onRotated: () => {} });

    expect(tokens.refreshToken).toBe(REFRESH_TOKEN);
  });
});

describe("token endpoint errors", () => {
  it.each(["invalid_grant", "invalid_request", "invalid_token", "token_expired", "wrong_credentials"])(
    "maps %s to InvalidGrantError: the user must connect again",
    async (error) => {
      const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () =>
        json({ error, error_description: "The grant is no longer valid." }, 400),
      );
      const { oauth } = createOAuth(fake);

      const failure = await oauth
        .refresh({ refreshToken: REFRESH_TOKEN, onRotated: () => {} })
        .catch((caught: unknown) => caught);

      expect(failure).toBeInstanceOf(InvalidGrantError);
      expect(failure).toMatchObject({
        error,
        status: 400,
        errorDescription: "The grant is no longer valid.",
      });
      expect((failure as Error).message).toMatch(/must connect their TeamViewer account again/);
    },
  );

  it("maps invalid_client (401) to InvalidClientError: tell an admin", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () =>
      json({ error: "invalid_client" }, 401),
    );
    const { oauth } = createOAuth(fake);

    const failure = await oauth
      .exchangeCode({ code: AUTHORIZATION_CODE, codeVerifier: "v" })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(InvalidClientError);
    expect(failure).not.toBeInstanceOf(InvalidGrantError);
    expect((failure as Error).message).toMatch(/tell an administrator/);
  });

  it("recognises the category in a plain-text error body", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () => text("error: invalid_grant", 400));
    const { oauth } = createOAuth(fake);

    const failure = await oauth
      .refresh({ refreshToken: REFRESH_TOKEN, onRotated: () => {} })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(InvalidGrantError);
    expect(failure).toMatchObject({ error: "invalid_grant", rawBody: "error: invalid_grant" });
  });

  it("keeps an unrecognisable body as a plain OAuthError", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", () =>
      text("<html>Bad Request</html>", 400),
    );
    const { oauth } = createOAuth(fake);

    const failure = await oauth
      .refresh({ refreshToken: REFRESH_TOKEN, onRotated: () => {} })
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(OAuthError);
    expect(failure).not.toBeInstanceOf(InvalidGrantError);
    expect(failure).not.toBeInstanceOf(InvalidClientError);
    expect(failure).toMatchObject({ error: null, status: 400, rawBody: "<html>Bad Request</html>" });
  });

  it("keeps the code, verifier, refresh token and client secret out of messages and logs", async () => {
    // The worst case: a token endpoint that echoes the whole form it received into its error.
    const fake = new FakeTeamViewer().on("POST", "/oauth2/token", async (request) =>
      json({ error: "invalid_grant", error_description: `Rejected ${await request.text()}` }, 400),
    );
    const { oauth, logLines } = createOAuth(fake);

    const exchange = await oauth
      .exchangeCode({ code: AUTHORIZATION_CODE, codeVerifier: "verifier-secret-42" })
      .catch((e: unknown) => e);
    const refresh = await oauth
      .refresh({ refreshToken: REFRESH_TOKEN, onRotated: () => {} })
      .catch((e: unknown) => e);

    const shown = JSON.stringify({ exchange, refresh, logLines, texts: [String(exchange), String(refresh)] });
    for (const secret of [CLIENT_SECRET, AUTHORIZATION_CODE, REFRESH_TOKEN, "verifier-secret-42"]) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).toContain("client_id=123456-AbCdEfGhIjKlMnOpQrSt");
    expect(logLines.length).toBeGreaterThan(0);
  });
});

describe("revoke", () => {
  it("sends the token as Bearer with no body", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/revoke", () => empty(204));
    const { oauth } = createOAuth(fake);

    await oauth.revoke(ACCESS_TOKEN);

    const request = fake.requests[0];
    expect(request?.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(request?.bodyText).toBe("");
    expect(request?.headers.get("content-type")).toBeNull();
  });

  it("treats any 2xx as success", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/revoke", () => json({ revoked: true }, 200));
    const { oauth } = createOAuth(fake);

    await expect(oauth.revoke(ACCESS_TOKEN)).resolves.toBeUndefined();
  });

  it("reports an already dead token as AuthenticationError without repeating it", async () => {
    const fake = new FakeTeamViewer().on("POST", "/oauth2/revoke", () =>
      json({ error: "invalid_token", error_description: `Token ${ACCESS_TOKEN} unknown` }, 401),
    );
    const { oauth } = createOAuth(fake);

    const failure = await oauth.revoke(ACCESS_TOKEN).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify({ failure, text: String(failure) })).not.toContain(ACCESS_TOKEN);
  });
});
