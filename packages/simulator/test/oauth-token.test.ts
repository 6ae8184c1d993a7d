import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO, type Simulator } from "../src/index.js";
import { call, expectApiError, startSimulator, TOKEN } from "./support.js";

const client = { client_id: DEMO.app.clientId, client_secret: DEMO.app.clientSecret };
const redirectUri = "http://localhost:4010/demo/callback";

async function authorize(sim: Simulator, extra: Record<string, string> = {}): Promise<string> {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: DEMO.app.clientId,
    redirect_uri: redirectUri,
    ...extra,
  });
  const answer = await call(sim, "POST", "/oauth2/authorize", {
    form: { ...Object.fromEntries(query), account: "u7005", decision: "allow" },
  });
  const location = new URL(answer.headers.get("location") ?? "");
  return location.searchParams.get("code") ?? `error:${location.searchParams.get("error")}`;
}

function exchange(sim: Simulator, code: string, extra: Record<string, string> = {}) {
  return call(sim, "POST", "/api/v1/oauth2/token", {
    form: { grant_type: "authorization_code", code, redirect_uri: redirectUri, ...client, ...extra },
  });
}

function refresh(sim: Simulator, refreshToken: string) {
  return call(sim, "POST", "/api/v1/oauth2/token", {
    form: { grant_type: "refresh_token", refresh_token: refreshToken, ...client },
  });
}

const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

async function authorizeWithPkce(sim: Simulator) {
  const verifier = "v".repeat(50);
  const code = await authorize(sim, { code_challenge: challengeOf(verifier), code_challenge_method: "S256" });
  return { code, verifier };
}

describe("token endpoint (docs/teamviewer-api.md §1)", () => {
  it("exchanges a code for a lower-case bearer token pair living 24 h", async () => {
    const sim = startSimulator();
    const answer = await exchange(sim, await authorize(sim));
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([
      "access_token",
      "expires_in",
      "refresh_token",
      "token_type",
    ]);
    expect(answer.body).toMatchObject({ token_type: "bearer", expires_in: 86400 });
    expect(answer.body.access_token).toMatch(TOKEN);
    expect(answer.body.refresh_token).toMatch(TOKEN);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("matches the token path case-insensitively and accepts HTTP Basic client credentials", async () => {
    const sim = startSimulator();
    const code = await authorize(sim);
    const basic = Buffer.from(`${DEMO.app.clientId}:${DEMO.app.clientSecret}`).toString("base64");
    const answer = await call(sim, "POST", "/API/v1/OAuth2/Token", {
      form: { grant_type: "authorization_code", code, redirect_uri: redirectUri },
      headers: { authorization: `Basic ${basic}` },
    });
    expect(answer.status).toBe(200);
  });

  it("answers invalid_client with 401 for a wrong secret", async () => {
    const sim = startSimulator();
    const answer = await exchange(sim, await authorize(sim), { client_secret: "wrong" });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe("invalid_client");
  });

  it("answers invalid_request without client_id and for a body that is not a form", async () => {
    const sim = startSimulator();
    const missing = await call(sim, "POST", "/api/v1/oauth2/token", {
      form: { grant_type: "authorization_code" },
    });
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
    const text = await call(sim, "POST", "/api/v1/oauth2/token", {
      headers: { "content-type": "text/plain" },
    });
    expect([text.status, text.body.error]).toEqual([400, "invalid_request"]);
  });

  it("answers invalid_grant for an unknown code and unsupported_grant_type for others", async () => {
    const sim = startSimulator();
    const unknown = await exchange(sim, "nope");
    expect([unknown.status, unknown.body.error]).toEqual([400, "invalid_grant"]);
    expect(typeof unknown.body.error_description).toBe("string");
    const other = await call(sim, "POST", "/api/v1/oauth2/token", {
      form: { grant_type: "password", ...client },
    });
    expect([other.status, other.body.error]).toEqual([400, "unsupported_grant_type"]);
  });

  it("accepts one public client's JSON body with a numeric grant_type", async () => {
    const sim = startSimulator();
    const code = await authorize(sim);
    const answer = await call(sim, "POST", "/api/v1/oauth2/token", {
      json: { grant_type: 0, code, ...client },
    });
    expect(answer.status).toBe(200);
  });

  it("rotates refresh tokens: a new pair each time, the old refresh token dead", async () => {
    const sim = startSimulator();
    const first = await exchange(sim, await authorize(sim));
    const second = await refresh(sim, first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(second.body.access_token).not.toBe(first.body.access_token);
    const reused = await refresh(sim, first.body.refresh_token);
    expect([reused.status, reused.body.error]).toEqual([400, "invalid_grant"]);
    // Outside strict mode the reuse does not kill the grant.
    expect((await refresh(sim, second.body.refresh_token)).status).toBe(200);
  });

  it("expires access tokens after 24 h on the fake clock", async () => {
    const sim = startSimulator();
    const tokens = await exchange(sim, await authorize(sim));
    sim.admin.advanceClock(24 * 3600 * 1000 - 1000);
    expect((await call(sim, "GET", "/api/v1/account", { token: tokens.body.access_token })).status).toBe(200);
    sim.admin.advanceClock(1000);
    expectApiError(
      await call(sim, "GET", "/api/v1/account", { token: tokens.body.access_token }),
      401,
      "token_expired",
    );
    const ping = await call(sim, "GET", "/api/v1/ping", { token: tokens.body.access_token });
    expect(ping.body).toEqual({ token_valid: false });
    expect((await refresh(sim, tokens.body.refresh_token)).status).toBe(200);
  });

  it("lets a lenient simulator redeem a code twice and without redirect_uri", async () => {
    const sim = startSimulator();
    const code = await authorize(sim);
    expect((await exchange(sim, code)).status).toBe(200);
    const again = await call(sim, "POST", "/api/v1/oauth2/token", {
      form: { grant_type: "authorization_code", code, ...client },
    });
    expect(again.status).toBe(200);
  });
});

describe("revoke (docs/teamviewer-api.md §1)", () => {
  it("kills the access token and its paired refresh token", async () => {
    const sim = startSimulator();
    const tokens = await exchange(sim, await authorize(sim));
    const revoked = await call(sim, "POST", "/api/v1/oauth2/revoke", { token: tokens.body.access_token });
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe("");
    expectApiError(
      await call(sim, "GET", "/api/v1/account", { token: tokens.body.access_token }),
      401,
      "invalid_token",
    );
    expect((await refresh(sim, tokens.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("keeps the refresh token alive under the isRefreshTokenRevokedWithAccessToken=false switch", async () => {
    const sim = startSimulator({ quirks: { isRefreshTokenRevokedWithAccessToken: false } });
    const tokens = await exchange(sim, await authorize(sim));
    await call(sim, "POST", "/api/v1/oauth2/revoke", { token: tokens.body.access_token });
    expect(
      (await call(sim, "GET", "/api/v1/ping", { token: tokens.body.access_token })).body.token_valid,
    ).toBe(false);
    expect((await refresh(sim, tokens.body.refresh_token)).status).toBe(200);
  });

  it("answers 401 invalid_token for an unknown token", async () => {
    const sim = startSimulator();
    expectApiError(
      await call(sim, "POST", "/api/v1/oauth2/revoke", { token: "12345678-AAAAAAAAAAAAAAAAAAAA" }),
      401,
      "invalid_token",
    );
  });
});

describe("strict OAuth (docs/teamviewer-api.md §1)", () => {
  it("requires PKCE with S256 at authorize", async () => {
    const sim = startSimulator({ strict: true });
    expect(await authorize(sim)).toBe("error:invalid_request");
    expect(await authorize(sim, { code_challenge: "abc", code_challenge_method: "plain" })).toBe(
      "error:invalid_request",
    );
  });

  it("checks the code_verifier and requires it", async () => {
    const sim = startSimulator({ strict: true });
    const verifier = "v".repeat(50);
    const pkce = { code_challenge: challengeOf(verifier), code_challenge_method: "S256" };
    expect((await exchange(sim, await authorize(sim, pkce))).body.error).toBe("invalid_grant");
    expect(
      (await exchange(sim, await authorize(sim, pkce), { code_verifier: "w".repeat(50) })).body.error,
    ).toBe("invalid_grant");
    expect((await exchange(sim, await authorize(sim, pkce), { code_verifier: verifier })).status).toBe(200);
  });

  it("treats codes as single-use and revokes what a reused code issued", async () => {
    const sim = startSimulator({ strict: true });
    const { code, verifier } = await authorizeWithPkce(sim);
    const first = await exchange(sim, code, { code_verifier: verifier });
    const second = await exchange(sim, code, { code_verifier: verifier });
    expect([second.status, second.body.error]).toEqual([400, "invalid_grant"]);
    expect(
      (await call(sim, "GET", "/api/v1/ping", { token: first.body.access_token })).body.token_valid,
    ).toBe(false);
  });

  it("expires codes after 10 minutes", async () => {
    const sim = startSimulator({ strict: true });
    const { code, verifier } = await authorizeWithPkce(sim);
    sim.admin.advanceClock(10 * 60 * 1000 + 1000);
    expect((await exchange(sim, code, { code_verifier: verifier })).body.error).toBe("invalid_grant");
  });

  it("requires the exact redirect URI at authorize and at the token call", async () => {
    const sim = startSimulator({ strict: true });
    const verifier = "v".repeat(50);
    const pkce = { code_challenge: challengeOf(verifier), code_challenge_method: "S256" };
    const page = await call(
      sim,
      "GET",
      `/oauth2/authorize?${new URLSearchParams({
        response_type: "code",
        client_id: DEMO.app.clientId,
        redirect_uri: `${redirectUri}?x=1`,
        ...pkce,
      })}`,
    );
    expect(page.status).toBe(400);
    const code = await authorize(sim, pkce);
    const answer = await call(sim, "POST", "/api/v1/oauth2/token", {
      form: { grant_type: "authorization_code", code, code_verifier: verifier, ...client },
    });
    expect(answer.body.error).toBe("invalid_grant");
  });

  it("revokes the whole grant when a rotated refresh token comes back", async () => {
    const sim = startSimulator({ strict: true });
    const { code, verifier } = await authorizeWithPkce(sim);
    const first = await exchange(sim, code, { code_verifier: verifier });
    const second = await refresh(sim, first.body.refresh_token);
    expect((await refresh(sim, first.body.refresh_token)).body.error).toBe("invalid_grant");
    expect((await refresh(sim, second.body.refresh_token)).body.error).toBe("invalid_grant");
    expect(
      (await call(sim, "GET", "/api/v1/ping", { token: second.body.access_token })).body.token_valid,
    ).toBe(false);
  });
});
