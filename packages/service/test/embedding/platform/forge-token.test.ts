import { exportJWK, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { type ForgeTrust, verifyForgeToken } from "../../../src/embedding/platform/forge-token.js";
import { PlatformTokenRefused } from "../../../src/embedding/platform/platform-token.js";

const now = new Date("2026-12-07T12:00:00Z");
const nowSeconds = now.getTime() / 1000;
const appId = "ari:cloud:ecosystem::app/3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d";
const hint = { title: "VPN drops every hour", requesterName: "Grace" };

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let atlassianKeys: Keys;
let otherKeys: Keys;
let trust: ForgeTrust;

beforeAll(async () => {
  atlassianKeys = await generateKeyPair("RS256", { extractable: true });
  otherKeys = await generateKeyPair("RS256");
  const jwk = {
    ...(await exportJWK(atlassianKeys.publicKey)),
    kid: "forge/invocation-token/1",
    alg: "RS256",
  };
  trust = {
    integrationId: "0b8e7c6d-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
    appId,
    installationId: "ari:cloud:ecosystem::installation/2d9c8b7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a",
    siteUrl: "https://acme.atlassian.net/",
    jwks: { keys: [jwk] },
    agents: { "5b10ac8d82e05b22cc7d4ef5": "agent@acme.example" },
  };
});

function fitClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: "forge/invocation-token",
    aud: appId,
    iat: nowSeconds - 5,
    nbf: nowSeconds - 5,
    exp: nowSeconds + 55,
    jti: "fit-once-1",
    app: { id: appId, installationId: trust.installationId, environment: { type: "PRODUCTION" } },
    principal: "5b10ac8d82e05b22cc7d4ef5",
    context: {
      cloudId: "a436116f-02ce-4520-8fbb-7301462a1674",
      moduleKey: "attendant-issue-panel",
      extension: { type: "jira:issuePanel", issue: { id: "10042", key: "HELP-42", type: "Task" } },
    },
    ...overrides,
  };
}

function signed(claims: JWTPayload, key = atlassianKeys.privateKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "forge/invocation-token/1" }).sign(key);
}

async function refusal(token: string): Promise<PlatformTokenRefused> {
  const error = await verifyForgeToken(token, hint, trust, now).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformTokenRefused);
  return error as PlatformTokenRefused;
}

describe("verifyForgeToken", () => {
  it("turns a Forge Invocation Token into the asserted issue of the mapped agent", async () => {
    const asserted = await verifyForgeToken(await signed(fitClaims()), hint, trust, now);
    expect(asserted).toEqual({
      integrationId: trust.integrationId,
      agentEmail: "agent@acme.example",
      ticket: {
        externalId: "HELP-42",
        title: "VPN drops every hour",
        url: "https://acme.atlassian.net/browse/HELP-42",
        requesterName: "Grace",
        requesterEmail: undefined,
      },
      nonce: "fit-once-1",
      expiresAt: new Date((nowSeconds + 55) * 1000),
    });
  });

  it("refuses a token signed by a key that is not in the configured Atlassian key set", async () => {
    expect((await refusal(await signed(fitClaims(), otherKeys.privateKey))).problem).toBe("signature");
    const unknownKid = await new SignJWT(fitClaims())
      .setProtectedHeader({ alg: "RS256", kid: "forge/invocation-token/9" })
      .sign(atlassianKeys.privateKey);
    expect((await refusal(unknownKid)).problem).toBe("signature");
  });

  it("refuses a token signed with HS256 or with no algorithm at all", async () => {
    const hs256 = await new SignJWT(fitClaims())
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("a-shared-secret-of-thirty-two-bytes!"));
    expect((await refusal(hs256)).problem).toBe("algorithm");
    expect((await refusal(new UnsecuredJWT(fitClaims()).encode())).problem).toBe("algorithm");
  });

  it("refuses an expired token", async () => {
    expect((await refusal(await signed(fitClaims({ exp: nowSeconds - 31 })))).problem).toBe("expired");
  });

  it("refuses a token for another Forge app, another issuer or another installation", async () => {
    expect((await refusal(await signed(fitClaims({ aud: "ari:cloud:ecosystem::app/other" })))).problem).toBe(
      "audience",
    );
    expect((await refusal(await signed(fitClaims({ iss: "someone-else" })))).problem).toBe("issuer");
    const otherSite = fitClaims({
      app: { id: appId, installationId: "ari:cloud:ecosystem::installation/other" },
    });
    expect((await refusal(await signed(otherSite))).problem).toBe("audience");
  });

  it("refuses a token without the principal, the installation or the issue", async () => {
    const { principal: _principal, ...withoutPrincipal } = fitClaims();
    expect((await refusal(await signed(withoutPrincipal))).problem).toBe("missing-claim");
    expect((await refusal(await signed(fitClaims({ app: { id: appId } })))).problem).toBe("missing-claim");
    const withoutIssue = fitClaims({ context: { extension: { type: "jira:issuePanel" } } });
    expect((await refusal(await signed(withoutIssue))).problem).toBe("missing-claim");
  });

  it("refuses an Atlassian account the admin has not mapped to an Attendant user", async () => {
    const error = await refusal(await signed(fitClaims({ principal: "557058:unknown" })));
    expect(error.problem).toBe("unknown-agent");
    expect(error.message).toContain('"557058:unknown"');
  });

  it("refuses an empty issue title from the panel", async () => {
    const error = await verifyForgeToken(await signed(fitClaims()), { title: "" }, trust, now).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ problem: "ticket" });
  });
});
