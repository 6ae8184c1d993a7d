import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  InvalidClientError,
  InvalidGrantError,
  TeamViewerClient,
  TeamViewerOAuth,
  type TokenSet,
} from "../../src/index.js";
import { startSimulatedTeamViewer, visitConsentPage } from "./simulated-teamviewer.js";

/** Strict mode: exact redirect URI, single-use codes, PKCE required, refresh-token reuse kills the grant. */
function startStrict() {
  return startSimulatedTeamViewer({ strict: true, autoApprove: { userid: "u7005" } });
}

async function connect(tv: ReturnType<typeof startStrict>): Promise<TokenSet> {
  const oauth = tv.oauth();
  const { url, state, codeVerifier } = await oauth.createAuthorizationUrl();
  const { code } = oauth.readCallback(await visitConsentPage(tv.sim, url), state);
  return oauth.exchangeCode({ code, codeVerifier });
}

describe("OAuth against the simulator in strict mode", () => {
  it("connects a user: authorize URL, consent, callback, PKCE code exchange, then API calls as that user", async () => {
    const tv = startStrict();
    const tokens = await connect(tv);

    expect(tokens.tokenType).toBe("bearer");
    expect(tokens.refreshToken).toMatch(/^\d{8}-[A-Za-z0-9]{20}$/);
    expect(tokens.expiresAt.getTime()).toBe(tv.now() + 86_400_000);
    const client = tv.clientWith({ accessToken: tokens.accessToken });
    expect(await client.ping()).toMatchObject({ token_valid: true });
    expect(await client.account.retrieve()).toMatchObject({ userid: "u7005", email: "kenji@example.com" });
  });

  it("sends the PKCE challenge the simulator requires: the same code without the verifier is refused", async () => {
    const tv = startStrict();
    const oauth = tv.oauth();
    const { url, state, codeVerifier } = await oauth.createAuthorizationUrl();
    const { code } = oauth.readCallback(await visitConsentPage(tv.sim, url), state);

    const wrongVerifier = oauth.exchangeCode({ code, codeVerifier: `${codeVerifier}x` });

    await expect(wrongVerifier).rejects.toBeInstanceOf(InvalidGrantError);
  });

  it("spends a code once: a second exchange of the same code is InvalidGrantError", async () => {
    const tv = startStrict();
    const oauth = tv.oauth();
    const { url, state, codeVerifier } = await oauth.createAuthorizationUrl();
    const { code } = oauth.readCallback(await visitConsentPage(tv.sim, url), state);
    await oauth.exchangeCode({ code, codeVerifier });

    await expect(oauth.exchangeCode({ code, codeVerifier })).rejects.toBeInstanceOf(InvalidGrantError);
  });

  it("reads a denial from the real consent form as access_denied", async () => {
    const tv = startSimulatedTeamViewer({ strict: true });
    const oauth = tv.oauth();
    const { url, state } = await oauth.createAuthorizationUrl();
    const form = new URLSearchParams(new URL(url).searchParams);
    form.set("decision", "deny");
    const answer = await tv.sim.fetch(`${tv.sim.demo().authorizeUrl}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });

    const callback = answer.headers.get("location") ?? "";
    expect(() => oauth.readCallback(callback, state)).toThrow(
      expect.objectContaining({ name: "OAuthError", error: "access_denied" }),
    );
  });

  it("rotates the refresh token, hands the new pair to onRotated before returning, and the new pair works", async () => {
    const tv = startStrict();
    const first = await connect(tv);
    const stored: TokenSet[] = [];

    const second = await tv.oauth().refresh({
      refreshToken: first.refreshToken ?? "",
      onRotated: (tokens) => {
        stored.push(tokens);
      },
    });

    expect(stored).toEqual([second]);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await tv.clientWith({ accessToken: second.accessToken }).ping()).toMatchObject({
      token_valid: true,
    });
  });

  it("treats reuse of a rotated refresh token as a dead grant: InvalidGrantError, and the newest tokens die too", async () => {
    const tv = startStrict();
    const first = await connect(tv);
    const oauth = tv.oauth();
    const second = await oauth.refresh({ refreshToken: first.refreshToken ?? "", onRotated: () => {} });

    const reuse = oauth.refresh({ refreshToken: first.refreshToken ?? "", onRotated: () => {} });

    await expect(reuse).rejects.toBeInstanceOf(InvalidGrantError);
    await expect(
      oauth.refresh({ refreshToken: second.refreshToken ?? "", onRotated: () => {} }),
    ).rejects.toBeInstanceOf(InvalidGrantError);
    expect(await tv.clientWith({ accessToken: second.accessToken }).ping()).toMatchObject({
      token_valid: false,
    });
  });

  it("maps a wrong client secret to InvalidClientError (the app is misconfigured)", async () => {
    const tv = startStrict();
    const first = await connect(tv);
    const demo = tv.sim.demo();
    const misconfigured = new TeamViewerOAuth({
      clientId: demo.clientId,
      clientSecret: "NotTheSecret",
      redirectUri: demo.redirectUri,
      baseUrl: demo.apiBaseUrl,
      fetch: tv.sim.fetch,
      allowInsecureRequests: true,
    });

    const refresh = misconfigured.refresh({ refreshToken: first.refreshToken ?? "", onRotated: () => {} });

    await expect(refresh).rejects.toBeInstanceOf(InvalidClientError);
    await expect(refresh).rejects.not.toHaveProperty("message", expect.stringContaining("NotTheSecret"));
  });

  it("revokes: the access token stops working and its refresh token is dead as well", async () => {
    const tv = startStrict();
    const tokens = await connect(tv);
    const oauth = tv.oauth();

    await oauth.revoke(tokens.accessToken);

    expect(await tv.clientWith({ accessToken: tokens.accessToken }).ping()).toMatchObject({
      token_valid: false,
    });
    await expect(
      oauth.refresh({ refreshToken: tokens.refreshToken ?? "", onRotated: () => {} }),
    ).rejects.toBeInstanceOf(InvalidGrantError);
    await expect(oauth.revoke(tokens.accessToken)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("refreshes on demand after a 401: an access token expired on the simulator clock is replaced once and the call succeeds", async () => {
    const tv = startStrict();
    let tokens = await connect(tv);
    const oauth = tv.oauth();
    const providerCalls: boolean[] = [];
    const client = tv.clientWith({
      accessToken: async ({ forceRefresh }) => {
        providerCalls.push(forceRefresh);
        if (forceRefresh) {
          tokens = await oauth.refresh({ refreshToken: tokens.refreshToken ?? "", onRotated: () => {} });
        }
        return tokens.accessToken;
      },
    });
    tv.sim.admin.advanceClock(25 * 3600 * 1000);

    const account = await client.account.retrieve();

    expect(account.userid).toBe("u7005");
    expect(providerCalls).toEqual([false, true]);
    expect(tv.sim.admin.journal().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(
      expect.arrayContaining([
        "GET /api/v1/account 401",
        "POST /api/v1/oauth2/token 200",
        "GET /api/v1/account 200",
      ]),
    );
  });

  it("gives up after one forced refresh when the new token is rejected too", async () => {
    const tv = startStrict();
    const tokens = await connect(tv);
    tv.sim.admin.advanceClock(25 * 3600 * 1000);
    const providerCalls: boolean[] = [];
    const client = tv.clientWith({
      accessToken: async ({ forceRefresh }) => {
        providerCalls.push(forceRefresh);
        return tokens.accessToken;
      },
    });

    await expect(client.account.retrieve()).rejects.toMatchObject({
      name: "AuthenticationError",
      status: 401,
      error: "token_expired",
    });
    expect(providerCalls).toEqual([false, true]);
  });

  it("answers ping with token_valid false, not an error, for an unknown token", async () => {
    const tv = startStrict();
    const client = new TeamViewerClient({
      accessToken: "12345678-NotARealTokenAtAll0",
      baseUrl: tv.sim.demo().apiBaseUrl,
      fetch: tv.sim.fetch,
      allowInsecureRequests: true,
    });

    expect(await client.ping()).toEqual({ token_valid: false });
    await expect(client.account.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
