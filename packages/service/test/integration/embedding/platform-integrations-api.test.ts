import { exportJWK, exportSPKI, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { createEmbedHarness, type EmbedHarness } from "./embed-harness.js";

const engine = usePgliteEngine();
const allScopes = ["embedding:read", "embedding:write", "embedding:mint"] as const;
const integrations = "/api/v1/embedding-integrations";

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let platformKeys: Keys;
let zendesk: {
  accountUrl: string;
  installationId: string;
  publicKeyPem: string;
  agents: Record<string, string>;
};
let forge: {
  appId: string;
  installationId: string;
  siteUrl: string;
  jwks: { keys: object[] };
  agents: Record<string, string>;
};

beforeAll(async () => {
  // Keys are made here, never fetched: the test plays Zendesk's and Atlassian's part.
  platformKeys = await generateKeyPair("RS256", { extractable: true });
  zendesk = {
    accountUrl: "https://acme.zendesk.com",
    installationId: "360001",
    publicKeyPem: await exportSPKI(platformKeys.publicKey),
    agents: { "98765": "agent@acme.example" },
  };
  forge = {
    appId: "ari:cloud:ecosystem::app/3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d",
    installationId: "ari:cloud:ecosystem::installation/2d9c8b7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a",
    siteUrl: "https://acme.atlassian.net",
    jwks: { keys: [{ ...(await exportJWK(platformKeys.publicKey)), kid: "forge/1" }] },
    agents: { "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077": "agent@acme.example" },
  };
});

async function adminKey(h: EmbedHarness): Promise<string> {
  return h.createKey(null, [...allScopes]);
}

describe("Zendesk and Forge integrations in the API", () => {
  it("registers a Zendesk integration without generating a secret, and shows its configuration", async () => {
    const h = await createEmbedHarness(engine);
    const key = await adminKey(h);
    const created = await h.api("POST", integrations, {
      key,
      json: { name: "Zendesk", allowedOrigins: ["https://acme.zendesk.com"], kind: "zendesk", zendesk },
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.secret).toBeUndefined();
    expect(body.integration).toMatchObject({ kind: "zendesk", zendesk, enabled: true });
    const read = await (await h.api("GET", `${integrations}/${body.integration.id}`, { key })).json();
    expect(read.zendesk).toEqual(zendesk);
    expect(read.forge).toBeUndefined();
  });

  it("registers a Forge integration and replaces its keys and agents on PATCH", async () => {
    const h = await createEmbedHarness(engine);
    const key = await adminKey(h);
    const created = await h.api("POST", integrations, {
      key,
      json: { name: "Jira", allowedOrigins: ["https://acme.atlassian.net"], kind: "forge", forge },
    });
    expect(created.status).toBe(201);
    const { integration } = await created.json();
    expect(integration.forge).toEqual(forge);
    const agents = { "5b10ac8d82e05b22cc7d4ef5": "other@acme.example" };
    const patched = await h.api("PATCH", `${integrations}/${integration.id}`, {
      key,
      json: { forge: { ...forge, agents } },
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).forge.agents).toEqual(agents);
  });

  it("refuses to rotate a secret or mint an assertion for an integration the platform signs", async () => {
    const h = await createEmbedHarness(engine);
    const key = await adminKey(h);
    const { integration } = await (
      await h.api("POST", integrations, {
        key,
        json: { name: "Zendesk", allowedOrigins: ["https://acme.zendesk.com"], kind: "zendesk", zendesk },
      })
    ).json();
    const rotate = await h.api("POST", `${integrations}/${integration.id}/rotate-secret`, { key });
    expect(rotate.status).toBe(409);
    expect(await rotate.text()).toContain("no secret to rotate");
    const mint = await h.api("POST", "/api/v1/embed/assertions", {
      key,
      json: {
        integrationId: integration.id,
        agentEmail: h.admin.email,
        ticket: { externalId: "4711", title: "Printer on fire" },
      },
    });
    expect(mint.status).toBe(409);
  });

  it("refuses an HMAC assertion that names a Zendesk integration: it has no secret to sign with", async () => {
    const h = await createEmbedHarness(engine);
    const key = await adminKey(h);
    const { integration } = await (
      await h.api("POST", integrations, {
        key,
        json: { name: "Zendesk", allowedOrigins: ["https://acme.zendesk.com"], kind: "zendesk", zendesk },
      })
    ).json();
    const opened = await h.open(
      await h.sign({ integrationId: integration.id, secret: "a guess: the integration has no secret" }),
    );
    expect(opened.status).toBe(403);
    expect(opened.headers.get("location")).toBeNull();
    expect(opened.headers.get("content-security-policy")).toContain(
      "frame-ancestors https://acme.zendesk.com",
    );
  });

  it.each([
    [
      "a public key that does not parse",
      "zendesk",
      { publicKeyPem: "-----BEGIN PUBLIC KEY-----\nxx" },
      "zendesk.publicKeyPem",
      "is not an RSA public key in PEM",
    ],
    [
      "an agents entry that is not id = e-mail",
      "zendesk",
      { agents: { "98765": "not-an-email" } },
      "zendesk.agents",
      "98765 = not-an-email is not `platform user id = e-mail`",
    ],
    [
      "an installation id that is not Zendesk's number",
      "zendesk",
      { installationId: "abc" },
      "zendesk.installationId",
      "is not an installation id",
    ],
    ["a key set without keys", "forge", { jwks: { keys: [] } }, "forge.jwks", "has no keys"],
    [
      "an app id that is no Forge app id",
      "forge",
      { appId: "my-app" },
      "forge.appId",
      "is not a Forge app id",
    ],
  ] as const)(
    "refuses %s, naming the field, and stores nothing",
    async (_name, kind, change, field, message) => {
      const h = await createEmbedHarness(engine);
      const key = await adminKey(h);
      const config = { ...(kind === "zendesk" ? zendesk : forge), ...change };
      const response = await h.api("POST", integrations, {
        key,
        json: { name: "Platform", allowedOrigins: ["https://acme.example.com"], kind, [kind]: config },
      });
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, message: expect.stringContaining(message) }),
        ]),
      );
      const list = await (await h.api("GET", integrations, { key })).json();
      expect(list.integrations).toHaveLength(1);
    },
  );

  it("refuses a platform kind without its configuration, and another kind's configuration", async () => {
    const h = await createEmbedHarness(engine);
    const key = await adminKey(h);
    const missing = await h.api("POST", integrations, {
      key,
      json: { name: "Zendesk", allowedOrigins: ["https://acme.zendesk.com"], kind: "zendesk" },
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual([
      expect.objectContaining({ field: "zendesk", message: "must be given for an integration of this kind" }),
    ]);
    const other = await h.api("PATCH", `${integrations}/${h.integrationId}`, { key, json: { forge } });
    expect(other.status).toBe(400);
    expect((await other.json()).errors).toEqual([
      expect.objectContaining({ field: "forge", message: expect.stringContaining("another kind") }),
    ]);
  });
});
