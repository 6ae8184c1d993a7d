import { exportJWK, exportSPKI, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { listEmbeddingIntegrations } from "../../../src/db/repositories/embedding-integrations.js";
import { type User, updateUser } from "../../../src/db/repositories/users.js";
import { registerPlatformIntegration } from "../../../src/embedding/manage-embedding-integrations.js";
import { hashPassword } from "../../../src/identity/passwords.js";
import { usePgliteEngine } from "../../support/engines.js";
import { fastPasswordHashing } from "../../support/fast-password-hashing.js";
import { Browser, testPassword } from "../../web/web-harness.js";
import { createEmbedHarness, type EmbedHarness } from "./embed-harness.js";

const engine = usePgliteEngine();

async function signIn(h: EmbedHarness, user: User): Promise<Browser> {
  await updateUser(
    h.database.db,
    user.id,
    { passwordHash: await hashPassword(testPassword, fastPasswordHashing) },
    h.clock.now(),
  );
  const browser = new Browser({ app: h.app, origin: "http://localhost:3000" }, undefined);
  await browser.signIn(user.email);
  return browser;
}

/** The form's fields as a browser sends them: every field, empty ones too. */
let zendeskForm: Record<string, string>;
let forgeForm: Record<string, string>;
let otherPem: string;
let privateJwks: string;
const emptyPlatformFields = {
  zendeskAccountUrl: "",
  zendeskInstallationId: "",
  zendeskPublicKeyPem: "",
  zendeskAgents: "",
  forgeAppId: "",
  forgeInstallationId: "",
  forgeSiteUrl: "",
  forgeJwks: "",
  forgeAgents: "",
};

beforeAll(async () => {
  // Keys are made here, never fetched: the test plays Zendesk's and Atlassian's part.
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  privateJwks = JSON.stringify({ keys: [await exportJWK(privateKey)] });
  otherPem = await exportSPKI((await generateKeyPair("RS256", { extractable: true })).publicKey);
  zendeskForm = {
    ...emptyPlatformFields,
    name: "Zendesk",
    allowedOrigins: "https://acme.zendesk.com",
    kind: "zendesk",
    zendeskAccountUrl: "https://acme.zendesk.com",
    zendeskInstallationId: "360001",
    zendeskPublicKeyPem: await exportSPKI(publicKey),
    zendeskAgents: "98765 = agent@acme.example\r\n12345 = second@acme.example",
  };
  forgeForm = {
    ...emptyPlatformFields,
    name: "Jira",
    allowedOrigins: "https://acme.atlassian.net",
    kind: "forge",
    forgeAppId: "ari:cloud:ecosystem::app/3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d",
    forgeInstallationId: "ari:cloud:ecosystem::installation/2d9c8b7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a",
    forgeSiteUrl: "https://acme.atlassian.net",
    forgeJwks: JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "forge/1" }] }),
    forgeAgents: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077 = agent@acme.example",
  };
});

/** What a text field or text area shows, as the page escapes it. */
const shown = (value: string) =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");

const secretIn = (html: string) => /id="secret"[^>]*value="([A-Za-z0-9_-]{43})"/.exec(html)?.[1];

describe("the embedding settings pages", () => {
  it("registers a helpdesk and shows its id and secret exactly once", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    expect(await (await browser.get("/")).text()).toContain('href="/settings/embedding"');
    h.clock.advance(1000);
    const created = await browser.submit("/settings/embedding", "/settings/embedding", {
      name: "Zammad",
      allowedOrigins: "https://desk.example.com\r\nhttp://localhost:8080",
    });
    expect(created.status).toBe(201);
    const html = await created.text();
    const secret = secretIn(html);
    expect(secret).toBeDefined();
    const [, zammad] = await listEmbeddingIntegrations(h.database.db, h.organisationId);
    expect(zammad).toMatchObject({
      name: "Zammad",
      allowedOrigins: ["https://desk.example.com", "http://localhost:8080"],
    });
    expect(html).toContain(zammad?.id);

    const page = await (await browser.get(`/settings/embedding/${zammad?.id}`)).text();
    expect(page).not.toContain(secret);
    const list = await (await browser.get("/settings/embedding")).text();
    expect(list).not.toContain(secret);
    expect(list).toContain("Zammad");
  });

  it("refuses an origin with a path, naming it, and keeps what was typed", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const refused = await browser.submit("/settings/embedding", "/settings/embedding", {
      name: "Zammad",
      allowedOrigins: "https://desk.example.com/zammad",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("https://desk.example.com/zammad must be an origin only, without a path");
    expect(html).toContain('value="Zammad"');
    expect(await listEmbeddingIntegrations(h.database.db, h.organisationId)).toHaveLength(1);
  });

  it("refuses plain http to a public host when editing, and keeps the saved origins", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const path = `/settings/embedding/${h.integrationId}`;
    const refused = await browser.submit(path, path, { name: "RT", allowedOrigins: "http://rt.example.com" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain(
      "http://rt.example.com must use https (plain http only for localhost).",
    );
    expect(await listEmbeddingIntegrations(h.database.db, h.organisationId)).toMatchObject([
      { name: "Request Tracker", allowedOrigins: ["https://rt.example.com", "http://localhost:8080"] },
    ]);
  });

  it("changes the origins, disables, rotates the secret and deletes", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const path = `/settings/embedding/${h.integrationId}`;
    const saved = await browser.submit(path, path, {
      name: "RT 5",
      allowedOrigins: "https://rt5.example.com",
    });
    expect(saved.status).toBe(303);
    const disabled = await browser.submit(path, `${path}/status`, { enabled: "false" });
    expect(disabled.status).toBe(303);
    expect(await listEmbeddingIntegrations(h.database.db, h.organisationId)).toMatchObject([
      { name: "RT 5", allowedOrigins: ["https://rt5.example.com"], disabledAt: expect.any(Date) },
    ]);
    const rotated = await (await browser.submit(path, `${path}/rotate`, {})).text();
    expect(secretIn(rotated)).not.toBe(h.secret);
    expect((await h.open(await h.sign())).status).toBe(403);
    const deleted = await browser.submit(path, `${path}/delete`, {});
    expect(deleted.headers.get("location")).toBe("/settings/embedding?notice=deleted");
    expect(await listEmbeddingIntegrations(h.database.db, h.organisationId)).toEqual([]);
  });

  it("offers no secret rotation for a Zendesk integration, and keeps its keys when it is renamed", async () => {
    const h = await createEmbedHarness(engine);
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    privateJwks = JSON.stringify({ keys: [await exportJWK(privateKey)] });
    const zendesk = await registerPlatformIntegration(h.deps, {
      actor: h.actorOf(h.admin),
      kind: "zendesk",
      input: {
        name: "Zendesk",
        allowedOrigins: ["https://acme.zendesk.com"],
        zendesk: {
          accountUrl: "https://acme.zendesk.com",
          installationId: "360001",
          publicKeyPem: await exportSPKI(publicKey),
          agents: "98765 = agent@acme.example",
        },
      },
    });
    const browser = await signIn(h, h.admin);
    const path = `/settings/embedding/${zendesk.id}`;
    const page = await (await browser.get(path)).text();
    expect(page).toContain(`action="${path}/status"`);
    expect(page).not.toContain(`action="${path}/rotate"`);
    const saved = await browser.submit(path, path, {
      name: "Zendesk EU",
      allowedOrigins: "https://acme.zendesk.com",
    });
    expect(saved.status).toBe(303);
    // The harness's own integration may share the clock's instant, so find this one by id.
    const stored = (await listEmbeddingIntegrations(h.database.db, h.organisationId)).find(
      (integration) => integration.id === zendesk.id,
    );
    expect(stored).toMatchObject({ name: "Zendesk EU", platformConfig: zendesk.platformConfig });
  });

  it("registers a Zendesk integration from the form with its account, installation, key and agents, and shows no secret", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const list = await (await browser.get("/settings/embedding")).text();
    expect(list).toContain('<option value="zendesk">Zendesk app (Zendesk signs)</option>');
    expect(list).toContain('name="zendeskPublicKeyPem"');
    expect(list).toContain('name="forgeJwks"');

    const created = await browser.submit("/settings/embedding", "/settings/embedding", zendeskForm);
    expect(created.status).toBe(303);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/settings\/embedding\/[0-9a-f-]{36}\?notice=registered$/);
    const stored = (await listEmbeddingIntegrations(h.database.db, h.organisationId)).find(
      (integration) => integration.kind === "zendesk",
    );
    expect(stored).toMatchObject({
      name: "Zendesk",
      allowedOrigins: ["https://acme.zendesk.com"],
      platformConfig: {
        accountUrl: "https://acme.zendesk.com",
        installationId: "360001",
        publicKeyPem: zendeskForm.zendeskPublicKeyPem?.trim(),
        agents: { "98765": "agent@acme.example", "12345": "second@acme.example" },
      },
    });
    const page = await (await browser.get(location)).text();
    expect(page).toContain("There is no secret: the platform signs with its own keys.");
    expect(page).toContain(stored?.id);
    expect(page).not.toContain('id="secret"');
  });

  it("registers a Forge integration from the form with its app, installation, site, key set and agents", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const created = await browser.submit("/settings/embedding", "/settings/embedding", forgeForm);
    expect(created.status).toBe(303);
    const stored = (await listEmbeddingIntegrations(h.database.db, h.organisationId)).find(
      (integration) => integration.kind === "forge",
    );
    expect(stored).toMatchObject({
      name: "Jira",
      platformConfig: {
        appId: forgeForm.forgeAppId,
        installationId: forgeForm.forgeInstallationId,
        siteUrl: "https://acme.atlassian.net",
        jwks: JSON.parse(forgeForm.forgeJwks ?? ""),
        agents: { "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077": "agent@acme.example" },
      },
    });
  });

  type BadInput = [string, () => Record<string, string>, string, string];
  const badInputs: BadInput[] = [
    [
      "a PEM that is not a public key",
      () => ({
        ...zendeskForm,
        zendeskPublicKeyPem: "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----",
      }),
      "zendeskPublicKeyPem",
      "This is not an RSA public key in PEM (-----BEGIN PUBLIC KEY-----). Paste the app's key as Zendesk gives it.",
    ],
    [
      "an account URL with a path",
      () => ({ ...zendeskForm, zendeskAccountUrl: "https://acme.zendesk.com/agent" }),
      "zendeskAccountUrl",
      "https://acme.zendesk.com/agent is not an https address without a path.",
    ],
    [
      "a malformed agent map line",
      () => ({ ...zendeskForm, zendeskAgents: "98765 = agent@acme.example\r\nKenji kenji@acme.example" }),
      "zendeskAgents",
      "The line “Kenji kenji@acme.example” is not “platform user id = e-mail”.",
    ],
    [
      "a missing installation id",
      () => ({ ...zendeskForm, zendeskInstallationId: "" }),
      "zendeskInstallationId",
      "This field is required.",
    ],
    [
      "a Forge key set that is not JSON",
      () => ({ ...forgeForm, forgeJwks: "keys: none" }),
      "forgeJwks",
      "This is not JSON. Paste the key set as Atlassian publishes it.",
    ],
    [
      "a Forge key set holding a private key",
      () => ({ ...forgeForm, forgeJwks: privateJwks }),
      "forgeJwks",
      "Key number 1 is a private key. Paste only Atlassian's public keys.",
    ],
    [
      "a missing Jira site",
      () => ({ ...forgeForm, forgeSiteUrl: "" }),
      "forgeSiteUrl",
      "This field is required.",
    ],
  ];

  it.each(badInputs)(
    "refuses %s when registering, says so at the field and keeps every other field's value",
    async (_name, fieldsOf, field, message) => {
      const h = await createEmbedHarness(engine);
      const browser = await signIn(h, h.admin);
      const fields = fieldsOf();
      const refused = await browser.submit("/settings/embedding", "/settings/embedding", fields);
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toContain(`<p class="field-error" id="${field}-error">${shown(message)}</p>`);
      expect(html).toContain(`<option value="${fields.kind}" selected="">`);
      for (const [name, value] of Object.entries(fields)) {
        if (name === "kind" || value === "") continue;
        expect(html, name).toContain(shown(value));
      }
      expect(await listEmbeddingIntegrations(h.database.db, h.organisationId)).toHaveLength(1);
    },
  );

  it("refuses a kind that is not offered, and keeps what was typed", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const refused = await browser.submit("/settings/embedding", "/settings/embedding", {
      ...zendeskForm,
      kind: "servicenow",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('<p class="field-error" id="kind-error">Choose one of the kinds offered.</p>');
    expect(html).toContain('value="https://acme.zendesk.com"');
    expect(await listEmbeddingIntegrations(h.database.db, h.organisationId)).toHaveLength(1);
  });

  it("edits a Zendesk integration's key and agent map on its page, which shows them one agent per line", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const location =
      (await browser.submit("/settings/embedding", "/settings/embedding", zendeskForm)).headers.get(
        "location",
      ) ?? "";
    const path = location.replace(/\?.*$/, "");
    const page = await (await browser.get(path)).text();
    expect(page).toContain(">12345 = second@acme.example\n98765 = agent@acme.example</textarea>");
    expect(page).toContain('name="zendeskInstallationId" type="text" value="360001"');
    expect(page).not.toContain('name="forgeJwks"');

    const saved = await browser.submit(path, path, {
      ...zendeskForm,
      zendeskPublicKeyPem: otherPem,
      zendeskAgents: "55555 = new@acme.example",
    });
    expect(saved.status).toBe(303);
    const stored = (await listEmbeddingIntegrations(h.database.db, h.organisationId)).find(
      (integration) => integration.kind === "zendesk",
    );
    expect(stored?.platformConfig).toMatchObject({
      publicKeyPem: otherPem.trim(),
      agents: { "55555": "new@acme.example" },
    });
  });

  it("refuses a malformed agent line when editing a Forge integration, keeps what was typed and the stored map", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, h.admin);
    const location =
      (await browser.submit("/settings/embedding", "/settings/embedding", forgeForm)).headers.get(
        "location",
      ) ?? "";
    const path = location.replace(/\?.*$/, "");
    const refused = await browser.submit(path, path, {
      ...forgeForm,
      name: "Jira EU",
      forgeAgents: "someone with spaces = agent@acme.example",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain(
      `<p class="field-error" id="forgeAgents-error">${shown("The line “someone with spaces = agent@acme.example” is not “platform user id = e-mail”.")}</p>`,
    );
    expect(html).toContain('value="Jira EU"');
    expect(html).toContain(">someone with spaces = agent@acme.example</textarea>");
    const stored = (await listEmbeddingIntegrations(h.database.db, h.organisationId)).find(
      (integration) => integration.kind === "forge",
    );
    expect(stored).toMatchObject({
      name: "Jira",
      platformConfig: { agents: { "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077": "agent@acme.example" } },
    });
  });

  it("is for admins only", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, await h.addUser("supporter"));
    expect((await browser.get("/settings/embedding")).status).toBe(403);
    expect((await browser.get(`/settings/embedding/${h.integrationId}`)).status).toBe(403);
  });
});
