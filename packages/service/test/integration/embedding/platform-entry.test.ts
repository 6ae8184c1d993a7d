/**
 * The Zendesk and Forge entries (docs/adr/0044-zendesk-and-forge-entry-routes.md): the platform's
 * RS256 token, signed here with keys made in the test (never fetched), opens the same widget as
 * an HMAC assertion, through the same refusals.
 */
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { updateIntegration } from "../../../src/embedding/manage-embedding-integrations.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createEmbedHarness, type EmbedHarness, tokenOf } from "./embed-harness.js";

const engine = usePgliteEngine();
const accountUrl = "https://acme.zendesk.com";
const zendeskInstallation = "360001";
const zendeskAgent = "98765";
const forgeAppId = "ari:cloud:ecosystem::app/3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d";
const forgeInstallation = "ari:cloud:ecosystem::installation/2d9c8b7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a";
const forgeAgent = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";
const forgeFrameOrigin = "https://acme.cdn.prod.atlassian-dev.net";

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let platformKeys: Keys;
let otherKeys: Keys;

beforeAll(async () => {
  // The test plays Zendesk's and Atlassian's part: it holds their private keys.
  platformKeys = await generateKeyPair("RS256", { extractable: true });
  otherKeys = await generateKeyPair("RS256", { extractable: true });
});

interface TokenOptions {
  claims?: JWTPayload;
  key?: Keys["privateKey"];
  /** Seconds from the harness clock's now to the token's `iat`; it lives five minutes. */
  issuedAtOffset?: number;
}

async function signPlatformToken(h: EmbedHarness, options: TokenOptions): Promise<string> {
  const iat = Math.floor(h.clock.now().getTime() / 1000) + (options.issuedAtOffset ?? 0);
  return new SignJWT({ iat, exp: iat + 300, jti: crypto.randomUUID(), ...options.claims })
    .setProtectedHeader({ alg: "RS256", kid: "platform/1" })
    .sign(options.key ?? platformKeys.privateKey);
}

async function registerPlatform(h: EmbedHarness, kind: "zendesk" | "forge"): Promise<string> {
  const key = await h.createKey(null, ["embedding:write"]);
  const config =
    kind === "zendesk"
      ? {
          zendesk: {
            accountUrl,
            installationId: zendeskInstallation,
            publicKeyPem: await exportSPKI(platformKeys.publicKey),
            agents: { [zendeskAgent]: h.admin.email },
          },
        }
      : {
          forge: {
            appId: forgeAppId,
            installationId: forgeInstallation,
            siteUrl: "https://acme.atlassian.net",
            jwks: { keys: [{ ...(await exportJWK(platformKeys.publicKey)), kid: "platform/1" }] },
            agents: { [forgeAgent]: h.admin.email },
          },
        };
  const created = await h.api("POST", "/api/v1/embedding-integrations", {
    key,
    json: {
      name: kind,
      kind,
      allowedOrigins: [kind === "zendesk" ? accountUrl : forgeFrameOrigin],
      ...config,
    },
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { integration: { id: string } }).integration.id;
}

const frameAncestorsOf = (response: Response) =>
  /frame-ancestors ([^;]+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
const scriptSourcesOf = (response: Response) =>
  /script-src ([^;]+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("the Zendesk entry, POST /embed/zendesk/:integrationId", () => {
  const zendeskClaims = (overrides: JWTPayload = {}): JWTPayload => ({
    iss: "acme.zendesk.com",
    aud: `${accountUrl}/api/v2/apps/installations/${zendeskInstallation}.json`,
    sub: `${accountUrl}/api/v2/users/${zendeskAgent}.json`,
    ...overrides,
  });
  const ticket = { ticket_id: "4711", ticket_title: "Printer on fire", requester_name: "Erika" };

  function post(h: EmbedHarness, integrationId: string, fields: Record<string, string>): Promise<Response> {
    return h.api(
      "POST",
      `/embed/zendesk/${integrationId}?origin=${encodeURIComponent(accountUrl)}&app_guid=g1`,
      {
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: accountUrl,
          "sec-fetch-site": "cross-site",
        },
        body: new URLSearchParams(fields).toString(),
      },
    );
  }

  it("answers Zendesk's own post with the bridge page, which alone may run the ZAF SDK", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "zendesk");
    const token = await signPlatformToken(h, { claims: zendeskClaims() });
    const bridge = await post(h, integrationId, { token });
    expect(bridge.status).toBe(200);
    const page = await bridge.text();
    expect(page).toContain('<form id="zendesk-bridge" method="post" hidden="">');
    expect(page).toContain(`name="token" value="${token}"`);
    expect(page).toContain('name="ticket_id"');
    expect(scriptSourcesOf(bridge)).toContain(
      "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js",
    );
    expect(frameAncestorsOf(bridge)).toBe(accountUrl);
    const widget = await h.api("GET", `/embed/widget/${integrationId}`);
    expect(scriptSourcesOf(widget)).not.toContain("zdassets");
  });

  it("opens the widget for a good token and the ticket the sidebar read, with the audit entry", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "zendesk");
    const token = await signPlatformToken(h, { claims: zendeskClaims() });
    const response = await post(h, integrationId, { token, ...ticket });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(
      new RegExp(`^/embed/widget/${integrationId}#token=[A-Za-z0-9_-]{43}$`),
    );
    expect(frameAncestorsOf(response)).toBe(accountUrl);
    const seen = await (await h.probe(tokenOf(response))).json();
    expect(seen).toMatchObject({
      email: h.admin.email,
      embed: {
        integrationId,
        ticket: {
          externalId: "4711",
          title: "Printer on fire",
          url: `${accountUrl}/agent/tickets/4711`,
          requesterName: "Erika",
        },
      },
    });
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.find((event) => event.action === "embed_session.opened")).toMatchObject({
      details: { integrationId, integrationName: "zendesk", ticket: "4711" },
    });
  });

  const refusals: [string, string, number, (h: EmbedHarness) => Promise<string>][] = [
    [
      "a token signed with another key",
      "bad-signature",
      403,
      (h) => signPlatformToken(h, { claims: zendeskClaims(), key: otherKeys.privateKey }),
    ],
    [
      "an expired token",
      "expired",
      403,
      (h) => signPlatformToken(h, { claims: zendeskClaims(), issuedAtOffset: -400 }),
    ],
    [
      "a token of another installation of the app",
      "bad-signature",
      403,
      (h) =>
        signPlatformToken(h, {
          claims: zendeskClaims({ aud: `${accountUrl}/api/v2/apps/installations/999.json` }),
        }),
    ],
    [
      "a Zendesk agent not mapped to an Attendant user",
      "unknown-agent",
      403,
      (h) => signPlatformToken(h, { claims: zendeskClaims({ sub: `${accountUrl}/api/v2/users/1.json` }) }),
    ],
  ];

  it.each(refusals)(
    "refuses %s with its page and logs why, never the token",
    async (_name, reason, status, make) => {
      const h = await createEmbedHarness(engine);
      const integrationId = await registerPlatform(h, "zendesk");
      const token = await make(h);
      const response = await post(h, integrationId, { token, ...ticket });
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(`data-refusal="${reason}"`);
      expect(frameAncestorsOf(response)).toBe(accountUrl);
      expect(h.logs()).toContain(`"reason":"${reason}"`);
      expect(h.logs()).not.toContain(token.split(".")[2]);
    },
  );

  it("refuses a replayed token, though its first use opened the widget", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "zendesk");
    const token = await signPlatformToken(h, { claims: zendeskClaims() });
    expect((await post(h, integrationId, { token, ...ticket })).status).toBe(303);
    const replay = await post(h, integrationId, { token, ...ticket });
    expect(replay.status).toBe(403);
    expect(await replay.text()).toContain('data-refusal="replayed"');
  });

  it("answers Zendesk's own post for an unknown integration with the refusal page any origin may frame, not the bridge", async () => {
    const h = await createEmbedHarness(engine);
    await registerPlatform(h, "zendesk");
    const response = await post(h, "00000000-0000-4000-8000-000000000000", {
      token: await signPlatformToken(h, { claims: zendeskClaims() }),
    });
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain('data-refusal="unknown-integration"');
    expect(page).not.toContain("zendesk-bridge");
    expect(frameAncestorsOf(response)).toBe("*");
    expect(scriptSourcesOf(response)).not.toContain("zdassets");
  });

  it("refuses a token for a disabled integration", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "zendesk");
    await updateIntegration(h.deps, {
      actor: h.actorOf(h.admin),
      integrationId,
      input: { isEnabled: false },
    });
    const response = await post(h, integrationId, {
      token: await signPlatformToken(h, { claims: zendeskClaims() }),
      ...ticket,
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('data-refusal="integration-disabled"');
  });

  it("refuses a Zendesk token sent to an HMAC integration's id", async () => {
    const h = await createEmbedHarness(engine);
    await registerPlatform(h, "zendesk");
    const response = await post(h, h.integrationId, {
      token: await signPlatformToken(h, { claims: zendeskClaims() }),
      ...ticket,
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('data-refusal="bad-signature"');
  });

  it("refuses a ticket id that is not a Zendesk ticket number, and a post without a token", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "zendesk");
    const token = await signPlatformToken(h, { claims: zendeskClaims() });
    const badTicket = await post(h, integrationId, { token, ...ticket, ticket_id: "../4711" });
    expect(badTicket.status).toBe(400);
    expect(await badTicket.text()).toContain('data-refusal="invalid-claims"');
    const noToken = await post(h, integrationId, ticket);
    expect(noToken.status).toBe(400);
    expect(await noToken.text()).toContain('data-refusal="missing-assertion"');
  });
});

describe("the Forge entry, POST /embed/forge/launch", () => {
  const forgeClaims = (overrides: JWTPayload = {}): JWTPayload => ({
    iss: "forge/invocation-token",
    aud: forgeAppId,
    app: { id: forgeAppId, installationId: forgeInstallation },
    principal: forgeAgent,
    context: { extension: { issue: { key: "SUP-12" } } },
    ...overrides,
  });
  const issue = { title: "VPN drops", requester_name: "Erika", requester_email: null };

  function launch(h: EmbedHarness, token: string | undefined, body: unknown = issue): Promise<Response> {
    return h.api("POST", "/embed/forge/launch", {
      headers: {
        "content-type": "application/json",
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  it("answers a good invocation token with the widget's absolute address, the token in its fragment", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "forge");
    const response = await launch(h, await signPlatformToken(h, { claims: forgeClaims() }));
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(
      new RegExp(`^http://localhost:3000/embed/widget/${integrationId}#token=[A-Za-z0-9_-]{43}$`),
    );
    const seen = await (await h.probe(decodeURIComponent(url.split("#token=")[1] ?? ""))).json();
    expect(seen).toMatchObject({
      email: h.admin.email,
      embed: {
        integrationId,
        ticket: { externalId: "SUP-12", title: "VPN drops", url: "https://acme.atlassian.net/browse/SUP-12" },
      },
    });
  });

  const refusals: [string, string, number, (h: EmbedHarness) => Promise<string | undefined>][] = [
    ["no bearer token", "missing-assertion", 400, async () => undefined],
    [
      "a token signed with another key",
      "bad-signature",
      403,
      (h) => signPlatformToken(h, { claims: forgeClaims(), key: otherKeys.privateKey }),
    ],
    [
      "an expired token",
      "expired",
      403,
      (h) => signPlatformToken(h, { claims: forgeClaims(), issuedAtOffset: -400 }),
    ],
    [
      "a token of another installation of the app",
      "unknown-integration",
      404,
      (h) =>
        signPlatformToken(h, {
          claims: forgeClaims({
            app: { id: forgeAppId, installationId: "ari:cloud:ecosystem::installation/other" },
          }),
        }),
    ],
    [
      "an Atlassian account not mapped to an Attendant user",
      "unknown-agent",
      403,
      (h) => signPlatformToken(h, { claims: forgeClaims({ principal: "557058:someone-else" }) }),
    ],
  ];

  it.each(refusals)("refuses %s with a JSON answer the panel shows", async (_name, reason, status, make) => {
    const h = await createEmbedHarness(engine);
    await registerPlatform(h, "forge");
    const response = await launch(h, await make(h));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { reason: string; error: string };
    expect(body.reason).toBe(reason);
    expect(body.error.length).toBeGreaterThan(0);
    expect(h.logs()).toContain(`"reason":"${reason}"`);
  });

  it("refuses a replayed invocation token, though its first use opened the widget", async () => {
    const h = await createEmbedHarness(engine);
    await registerPlatform(h, "forge");
    const token = await signPlatformToken(h, { claims: forgeClaims() });
    expect((await launch(h, token)).status).toBe(200);
    const replay = await launch(h, token);
    expect(replay.status).toBe(403);
    expect(((await replay.json()) as { reason: string }).reason).toBe("replayed");
  });

  it("refuses a token for a disabled integration", async () => {
    const h = await createEmbedHarness(engine);
    const integrationId = await registerPlatform(h, "forge");
    await updateIntegration(h.deps, {
      actor: h.actorOf(h.admin),
      integrationId,
      input: { isEnabled: false },
    });
    const response = await launch(h, await signPlatformToken(h, { claims: forgeClaims() }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { reason: string }).reason).toBe("integration-disabled");
  });

  it("refuses a body that is not the issue as JSON, saying what to send", async () => {
    const h = await createEmbedHarness(engine);
    await registerPlatform(h, "forge");
    const token = await signPlatformToken(h, { claims: forgeClaims() });
    for (const body of ["not json", { requester_name: "Erika" }]) {
      const response = await launch(h, token, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain('"title" is required');
    }
  });
});
