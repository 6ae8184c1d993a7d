import { exportSPKI, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { PlatformTokenRefused } from "../../../src/embedding/platform/platform-token.js";
import { verifyZendeskToken, type ZendeskTrust } from "../../../src/embedding/platform/zendesk-token.js";

const now = new Date("2026-12-07T12:00:00Z");
const nowSeconds = now.getTime() / 1000;
const account = "https://acme.zendesk.com";
const ticket = {
  id: "4711",
  title: "Printer on fire",
  requesterName: "Ada",
  requesterEmail: "ada@example.com",
};

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let zendeskKeys: Keys;
let otherKeys: Keys;
let trust: ZendeskTrust;

beforeAll(async () => {
  zendeskKeys = await generateKeyPair("RS256", { extractable: true });
  otherKeys = await generateKeyPair("RS256");
  trust = {
    integrationId: "7c6d5f0e-1d2b-4c1e-9d3f-0a1b2c3d4e5f",
    accountUrl: account,
    installationId: "360001",
    publicKeyPem: await exportSPKI(zendeskKeys.publicKey),
    agents: { "98765": "agent@acme.example" },
  };
});

function zendeskClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: "acme.zendesk.com",
    aud: `${account}/api/v2/apps/installations/360001.json`,
    sub: `${account}/api/v2/users/98765.json`,
    iat: nowSeconds - 10,
    exp: nowSeconds + 290,
    ...overrides,
  };
}

function signed(claims: JWTPayload, key = zendeskKeys.privateKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT" }).sign(key);
}

async function refusal(token: string, hint = ticket): Promise<PlatformTokenRefused> {
  const error = await verifyZendeskToken(token, hint, trust, now).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformTokenRefused);
  return error as PlatformTokenRefused;
}

describe("verifyZendeskToken", () => {
  it("turns a Zendesk-signed launch into the asserted ticket of the mapped agent", async () => {
    const token = await signed(zendeskClaims());
    const asserted = await verifyZendeskToken(token, ticket, trust, now);
    expect(asserted).toMatchObject({
      integrationId: trust.integrationId,
      agentEmail: "agent@acme.example",
      ticket: {
        externalId: "4711",
        title: "Printer on fire",
        url: "https://acme.zendesk.com/agent/tickets/4711",
        requesterName: "Ada",
        requesterEmail: "ada@example.com",
      },
      expiresAt: new Date((nowSeconds + 290) * 1000),
    });
    expect(asserted.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("uses the token's jti as the one-time nonce when Zendesk sends one", async () => {
    const token = await signed(zendeskClaims({ jti: "zendesk-once-1" }));
    expect((await verifyZendeskToken(token, ticket, trust, now)).nonce).toBe("zendesk-once-1");
  });

  it("refuses a token signed by a key other than the app's configured public key", async () => {
    expect((await refusal(await signed(zendeskClaims(), otherKeys.privateKey))).problem).toBe("signature");
  });

  it("refuses a token signed with HS256 or with no algorithm at all", async () => {
    const hs256 = await new SignJWT(zendeskClaims())
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(trust.publicKeyPem));
    expect((await refusal(hs256)).problem).toBe("algorithm");
    const unsigned = new UnsecuredJWT(zendeskClaims()).encode();
    expect((await refusal(unsigned)).problem).toBe("algorithm");
  });

  it("refuses an expired token and one issued in the future beyond the 30 s skew", async () => {
    expect((await refusal(await signed(zendeskClaims({ exp: nowSeconds - 31 })))).problem).toBe("expired");
    expect((await refusal(await signed(zendeskClaims({ iat: nowSeconds + 31 })))).problem).toBe(
      "not-yet-valid",
    );
  });

  it("accepts a token that expired within the 30 s clock skew", async () => {
    const token = await signed(zendeskClaims({ exp: nowSeconds - 20 }));
    await expect(verifyZendeskToken(token, ticket, trust, now)).resolves.toMatchObject({
      ticket: { externalId: "4711" },
    });
  });

  it("refuses a token for another app installation or another Zendesk account", async () => {
    const otherInstallation = zendeskClaims({ aud: `${account}/api/v2/apps/installations/999.json` });
    expect((await refusal(await signed(otherInstallation))).problem).toBe("audience");
    expect((await refusal(await signed(zendeskClaims({ iss: "evil.zendesk.com" })))).problem).toBe("issuer");
  });

  it("refuses a token without a subject, or with a user of another account", async () => {
    const { sub: _sub, ...withoutSubject } = zendeskClaims();
    expect((await refusal(await signed(withoutSubject))).problem).toBe("missing-claim");
    const foreignUser = zendeskClaims({ sub: "https://evil.zendesk.com/api/v2/users/98765.json" });
    expect((await refusal(await signed(foreignUser))).problem).toBe("missing-claim");
  });

  it("refuses a token without exp or iat", async () => {
    const { exp: _exp, ...withoutExpiry } = zendeskClaims();
    expect((await refusal(await signed(withoutExpiry))).problem).toBe("missing-claim");
    const { iat: _iat, ...withoutIssuedAt } = zendeskClaims();
    expect((await refusal(await signed(withoutIssuedAt))).problem).toBe("missing-claim");
  });

  it("refuses a Zendesk user the admin has not mapped to an Attendant user, naming the id to add", async () => {
    const error = await refusal(await signed(zendeskClaims({ sub: `${account}/api/v2/users/11111.json` })));
    expect(error.problem).toBe("unknown-agent");
    expect(error.message).toContain('"11111"');
  });

  it("refuses a ticket id that is not a Zendesk ticket number and an empty title", async () => {
    const token = await signed(zendeskClaims());
    expect((await refusal(token, { ...ticket, id: "47 11" })).problem).toBe("ticket");
    expect((await refusal(token, { ...ticket, title: "  " })).problem).toBe("ticket");
  });

  it("refuses a string that is not a token", async () => {
    expect((await refusal("not-a-token")).problem).toBe("malformed");
  });
});
