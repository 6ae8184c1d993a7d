import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createEmbedHarness, hostOrigin, tokenOf } from "./embed-harness.js";

const engine = usePgliteEngine();
const allScopes = ["embedding:read", "embedding:write", "embedding:mint"] as const;

describe("the embedding integrations API", () => {
  it("registers an integration, shows its secret once, rotates it, changes origins, disables and deletes it", async () => {
    const h = await createEmbedHarness(engine);
    const key = await h.createKey(null, [...allScopes]);
    h.clock.advance(1000);
    const created = await h.api("POST", "/api/v1/embedding-integrations", {
      key,
      json: { name: "Zammad", allowedOrigins: ["https://desk.example.com"] },
    });
    expect(created.status).toBe(201);
    const { integration, secret } = await created.json();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(integration).toMatchObject({
      name: "Zammad",
      kind: "hmac",
      allowedOrigins: ["https://desk.example.com"],
      enabled: true,
    });

    const read = await (
      await h.api("GET", `/api/v1/embedding-integrations/${integration.id}`, { key })
    ).text();
    expect(read).not.toContain(secret);
    const list = await (await h.api("GET", "/api/v1/embedding-integrations", { key })).json();
    expect(list.integrations.map((entry: { name: string }) => entry.name)).toEqual([
      "Request Tracker",
      "Zammad",
    ]);

    const rotated = await (
      await h.api("POST", `/api/v1/embedding-integrations/${integration.id}/rotate-secret`, { key })
    ).json();
    expect(rotated.secret).not.toBe(secret);

    const patched = await h.api("PATCH", `/api/v1/embedding-integrations/${integration.id}`, {
      key,
      json: { allowedOrigins: ["https://desk.example.com", "http://127.0.0.1:8080"], enabled: false },
    });
    expect(await patched.json()).toMatchObject({
      allowedOrigins: ["https://desk.example.com", "http://127.0.0.1:8080"],
      enabled: false,
    });
    expect((await h.api("DELETE", `/api/v1/embedding-integrations/${integration.id}`, { key })).status).toBe(
      204,
    );
    expect((await h.api("GET", `/api/v1/embedding-integrations/${integration.id}`, { key })).status).toBe(
      404,
    );

    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "embedding_integration.created",
        "embedding_integration.secret_rotated",
        "embedding_integration.updated",
        "embedding_integration.deleted",
      ]),
    );
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it.each([
    [
      "an origin with a path",
      { name: "RT", allowedOrigins: ["https://rt.example.com/rt"] },
      "https://rt.example.com/rt must be an origin only",
    ],
    [
      "plain http to a public host",
      { name: "RT", allowedOrigins: ["http://rt.example.com"] },
      "must use https",
    ],
    ["no origin at all", { name: "RT", allowedOrigins: [] }, "must list at least one origin"],
    ["an empty name", { name: "  ", allowedOrigins: [hostOrigin] }, "must not be empty"],
    ["an unknown field", { name: "RT", allowedOrigins: [hostOrigin], secret: "mine" }, "secret"],
  ])("refuses %s with a message naming the problem, and stores nothing", async (_name, body, message) => {
    const h = await createEmbedHarness(engine);
    const key = await h.createKey(null, [...allScopes]);
    const response = await h.api("POST", "/api/v1/embedding-integrations", { key, json: body });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    const list = await (await h.api("GET", "/api/v1/embedding-integrations", { key })).json();
    expect(list.integrations).toHaveLength(1);
  });

  it("refuses a change to a bad origin or an unknown field, and an id that is no UUID, changing nothing", async () => {
    const h = await createEmbedHarness(engine);
    const key = await h.createKey(null, [...allScopes]);
    const path = `/api/v1/embedding-integrations/${h.integrationId}`;
    const badOrigin = await h.api("PATCH", path, {
      key,
      json: { allowedOrigins: ["https://*.example.com"] },
    });
    expect(badOrigin.status).toBe(400);
    expect(await badOrigin.text()).toContain(
      "https://*.example.com is not an origin such as https://rt.example.com",
    );
    expect((await h.api("PATCH", path, { key, json: { kind: "zendesk" } })).status).toBe(400);
    const notAnId = await h.api("GET", "/api/v1/embedding-integrations/rt", { key });
    expect(notAnId.status).toBe(400);
    expect(await notAnId.text()).toContain("integrationId");
    expect(await (await h.api("GET", path, { key })).json()).toMatchObject({
      allowedOrigins: [hostOrigin, "http://localhost:8080"],
      kind: "hmac",
    });
  });

  it("lets a supporter's key neither read nor change integrations, whatever its scopes", async () => {
    const h = await createEmbedHarness(engine);
    const supporter = await h.addUser("supporter");
    const key = await h.createKey(supporter, [...allScopes]);
    expect((await h.api("GET", "/api/v1/embedding-integrations", { key })).status).toBe(403);
    const rotate = await h.api("POST", `/api/v1/embedding-integrations/${h.integrationId}/rotate-secret`, {
      key,
    });
    expect(rotate.status).toBe(403);
  });

  it("asks for the embedding scopes", async () => {
    const h = await createEmbedHarness(engine);
    const key = await h.createKey(null, ["sessions:read"]);
    const response = await h.api("GET", "/api/v1/embedding-integrations", { key });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("embedding:read");
  });
});

describe("minting a widget address server-to-server", () => {
  const ticket = { externalId: "4711", title: "Outlook does not start", requesterName: "Erika Mustermann" };

  it("answers a one-time widget address that opens the widget for the agent", async () => {
    const h = await createEmbedHarness(engine);
    const key = await h.createKey(null, ["embedding:mint"]);
    const response = await h.api("POST", "/api/v1/embed/assertions", {
      key,
      json: { integrationId: h.integrationId, agentEmail: h.admin.email, ticket, lang: "de" },
    });
    expect(response.status).toBe(201);
    const minted = await response.json();
    expect(minted.expiresAt).toBe(new Date(h.clock.now().getTime() + 120_000).toISOString());
    const widgetUrl = new URL(minted.widgetUrl);
    expect(`${widgetUrl.origin}${widgetUrl.pathname}`).toBe("http://localhost:3000/embed/ticket");

    const opened = await h.api("GET", `${widgetUrl.pathname}${widgetUrl.search}`);
    expect(opened.status).toBe(303);
    const seen = await (await h.probe(tokenOf(opened))).json();
    expect(seen).toMatchObject({
      email: h.admin.email,
      embed: { ticket: { externalId: "4711" }, locale: "de" },
    });
    expect((await h.api("GET", `${widgetUrl.pathname}${widgetUrl.search}`)).status).toBe(403);
  });

  it("mints for a supporter's key only that supporter's own address", async () => {
    const h = await createEmbedHarness(engine);
    const kenji = await h.addUser("supporter");
    const key = await h.createKey(kenji, ["embedding:mint"]);
    const own = await h.api("POST", "/api/v1/embed/assertions", {
      key,
      json: { integrationId: h.integrationId, agentEmail: kenji.email, ticket },
    });
    expect(own.status).toBe(201);
    const other = await h.api("POST", "/api/v1/embed/assertions", {
      key,
      json: { integrationId: h.integrationId, agentEmail: h.admin.email, ticket },
    });
    expect(other.status).toBe(403);
  });

  it.each([
    ["an unknown agent", { agentEmail: "stranger@contoso.example" }, 422, "not an enabled Attendant user"],
    [
      "an unknown integration",
      { integrationId: "00000000-0000-4000-8000-000000000000" },
      404,
      "no such embedding integration",
    ],
    ["a ticket without a title", { ticket: { externalId: "4711" } }, 400, "ticket.title"],
    [
      "a title over 500 characters",
      { ticket: { externalId: "1", title: "x".repeat(501) } },
      400,
      "ticket.title",
    ],
    ["an unknown language", { lang: "fr" }, 400, "lang"],
    ["an agent address that is no e-mail", { agentEmail: "kenji" }, 400, "agentEmail"],
  ])("refuses %s, saying what was wrong", async (_name, change, status, message) => {
    const h = await createEmbedHarness(engine);
    const key = await h.createKey(null, ["embedding:mint"]);
    const response = await h.api("POST", "/api/v1/embed/assertions", {
      key,
      json: { integrationId: h.integrationId, agentEmail: h.admin.email, ticket, ...change },
    });
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
  });
});
