import { randomUUID } from "node:crypto";
import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { EmbedRefusal } from "../../src/embedding/embed-refusal.js";
import { generateEmbeddingSecret } from "../../src/embedding/manage-embedding-integrations.js";
import { readAssertionIssuer, verifyHmacAssertion } from "../../src/embedding/verify-hmac-assertion.js";
import {
  type AssertionParts,
  sampleAssertedTicket,
  signAssertion,
  unsignedAssertion,
} from "./assertion-signer.js";

const now = new Date("2026-03-02T09:00:00Z");
const integrationId = randomUUID();
const secret = generateEmbeddingSecret();

async function verify(assertion: string, options: { at?: Date; withSecret?: string } = {}) {
  return verifyHmacAssertion({
    assertion,
    secret: options.withSecret ?? secret,
    integrationId,
    now: options.at ?? now,
  });
}

async function refusalOf(assertion: string, options: { at?: Date; withSecret?: string } = {}) {
  const error = await verify(assertion, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EmbedRefusal);
  return (error as EmbedRefusal).reason;
}

const sign = (parts: Partial<AssertionParts> = {}) => signAssertion({ integrationId, secret, now, ...parts });

describe("verifying an HMAC host assertion", () => {
  it("turns a good assertion into the asserted ticket, agent, nonce and expiry", async () => {
    const assertion = await sign({ claims: { theme: "dark", lang: "de" } });
    const asserted = await verify(assertion);
    expect(asserted).toEqual({
      integrationId,
      agentEmail: "agent@contoso.example",
      ticket: {
        externalId: sampleAssertedTicket.id,
        title: sampleAssertedTicket.title,
        url: sampleAssertedTicket.url,
        requesterName: sampleAssertedTicket.requester_name,
        requesterEmail: sampleAssertedTicket.requester_email,
      },
      nonce: decodeJwt(assertion).jti,
      // Replays stay refused as long as a clock within the skew would accept the assertion.
      expiresAt: new Date(now.getTime() + 330_000),
      theme: "dark",
      locale: "de",
    });
    expect(readAssertionIssuer(assertion)).toBe(integrationId);
  });

  it("keys the HMAC with the secret's text exactly as shown, not its decoded bytes", async () => {
    const decodedKey = Buffer.from(secret, "base64url");
    const assertion = await new SignJWT({ ...decodeJwt(await sign()) })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(decodedKey);
    expect(await refusalOf(assertion)).toBe("bad-signature");
  });

  it("refuses an assertion signed with another secret", async () => {
    expect(await refusalOf(await sign({ secret: generateEmbeddingSecret() }))).toBe("bad-signature");
  });

  it("refuses an unsigned assertion (alg none) whatever it claims", async () => {
    const claims = decodeJwt(await sign());
    expect(await refusalOf(unsignedAssertion(claims))).toBe("bad-signature");
  });

  it("refuses an assertion whose header names another algorithm, even when the HMAC is right", async () => {
    const claims = decodeJwt(await sign());
    const hs512 = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: "HS512", typ: "JWT" })
      .sign(new TextEncoder().encode(secret.repeat(2)));
    expect(await refusalOf(hs512, { withSecret: secret.repeat(2) })).toBe("bad-signature");
  });

  it("refuses an expired assertion, but tolerates 30 seconds of clock skew", async () => {
    const assertion = await sign({ lifetimeSeconds: 60 });
    expect((await verify(assertion, { at: new Date(now.getTime() + 89_000) })).agentEmail).toBe(
      "agent@contoso.example",
    );
    expect(await refusalOf(assertion, { at: new Date(now.getTime() + 91_000) })).toBe("expired");
  });

  it("refuses an assertion issued more than 30 seconds in the future", async () => {
    expect((await verify(await sign({ issuedAtOffset: 29 }))).nonce).toBeTruthy();
    expect(await refusalOf(await sign({ issuedAtOffset: 45 }))).toBe("not-yet-valid");
  });

  it("refuses an assertion valid for longer than five minutes", async () => {
    expect(await refusalOf(await sign({ lifetimeSeconds: 301 }))).toBe("invalid-claims");
  });

  it("refuses an assertion for another audience", async () => {
    expect(await refusalOf(await sign({ claims: { aud: "someone-else" } }))).toBe("invalid-claims");
  });

  it.each(["iat", "exp", "jti", "agent_email", "ticket", "aud"])(
    "refuses an assertion without %s",
    async (claim) => {
      expect(await refusalOf(await sign({ without: [claim] }))).toBe("invalid-claims");
    },
  );

  it.each([
    ["a ticket title over 500 characters", { ticket: { ...sampleAssertedTicket, title: "x".repeat(501) } }],
    ["a ticket id over 200 characters", { ticket: { ...sampleAssertedTicket, id: "1".repeat(201) } }],
    ["a ticket without a title", { ticket: { id: "4711" } }],
    [
      "a ticket address that is not http(s)",
      { ticket: { ...sampleAssertedTicket, url: "javascript:alert(1)" } },
    ],
    ["an agent address that is no e-mail", { agent_email: "not an address" }],
    ["a nonce shorter than 16 characters", { jti: "short" }],
    ["a nonce with characters outside base64url", { jti: "0123456789abcdef/+" }],
    ["an unknown theme", { theme: "sepia" }],
    ["an unknown language", { lang: "fr" }],
  ])("refuses %s", async (_name, claims) => {
    expect(await refusalOf(await sign({ claims }))).toBe("invalid-claims");
  });

  it("refuses an oversized assertion before decoding it", async () => {
    const huge = await sign({ claims: { padding: "x".repeat(9000) } });
    expect(await refusalOf(huge)).toBe("garbled-assertion");
    expect(() => readAssertionIssuer(huge)).toThrow(EmbedRefusal);
  });

  it.each([
    ["text that is no token", "hello"],
    ["a token whose issuer is no integration id", "issuer"],
  ])("reads no integration from %s", async (_name, kind) => {
    const assertion = kind === "hello" ? "hello" : await sign({ claims: { iss: "rt.example.com" } });
    expect(() => readAssertionIssuer(assertion)).toThrow(
      expect.objectContaining({ reason: "garbled-assertion" }),
    );
  });
});
