import { exportSPKI, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
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
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
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

  it("is for admins only", async () => {
    const h = await createEmbedHarness(engine);
    const browser = await signIn(h, await h.addUser("supporter"));
    expect((await browser.get("/settings/embedding")).status).toBe(403);
    expect((await browser.get(`/settings/embedding/${h.integrationId}`)).status).toBe(403);
  });
});
