import { verifyWebhook } from "@attendant/webhooks";
import { afterEach, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { usePgliteEngine } from "../../support/engines.js";
import { sampleTicket } from "../sessions/session-harness.js";
import { createWebhookHarness } from "./webhook-harness.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const engine = usePgliteEngine();
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function setUp() {
  const h = await createWebhookHarness(engine);
  const key = await h.createKey(null, ["webhooks:read", "webhooks:write"]);
  const target = await startWebhookReceiver();
  receivers.push(target);
  const call = async (method: string, path: string, json?: unknown, withKey = key) => {
    const response = await h.api(method, `/api/v1/webhooks${path}`, {
      key: withKey,
      ...(json === undefined ? {} : { json }),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: text === "" ? null : JSON.parse(text),
    };
  };
  return { h, key, target, call };
}

describe("webhooks REST API", () => {
  it("creates, lists, changes, rotates, tests and deletes an endpoint; the secret appears only when issued", async () => {
    const { h, target, call } = await setUp();
    const created = await call("POST", "/endpoints", {
      url: target.url,
      description: "Helpdesk",
      eventTypes: ["session.closed", "session.created", "session.created"],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.endpoint).toMatchObject({
      url: target.url,
      description: "Helpdesk",
      eventTypes: ["session.created", "session.closed"],
      enabled: true,
      disabledAt: null,
    });
    const id = created.body.endpoint.id as string;

    const listed = await call("GET", "/endpoints");
    expect(listed.status).toBe(200);
    expect(listed.body.endpoints).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await call("GET", `/endpoints/${id}`)).body.id).toBe(id);

    const disabled = await call("PATCH", `/endpoints/${id}`, { enabled: false, eventTypes: [] });
    expect(disabled.body).toMatchObject({ enabled: false, disabledReason: "admin", eventTypes: [] });
    const enabled = await call("PATCH", `/endpoints/${id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null });

    const rotated = await call("POST", `/endpoints/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.endpoint.previousSecretExpiresAt).toBe(
      new Date(h.clock.now().getTime() + 24 * 3600_000).toISOString(),
    );

    const tested = await call("POST", `/endpoints/${id}/test`);
    expect(tested.body).toMatchObject({ succeeded: true, responseStatus: 204, error: null });
    const [request] = target.received;
    if (request === undefined) throw new Error("the test event did not arrive");
    for (const secret of [created.body.secret, rotated.body.secret]) {
      const verified = verifyWebhook({
        body: request.body,
        headers: request.headers as Record<string, string>,
        secret,
        now: h.clock.now(),
      });
      expect(verified.id).toBe(tested.body.messageId);
      expect(JSON.parse(verified.body).type).toBe("webhook.test");
    }

    expect((await call("DELETE", `/endpoints/${id}`)).status).toBe(204);
    expect((await call("GET", `/endpoints/${id}`)).status).toBe(404);

    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    const actions = events.map((event) => event.action);
    for (const action of [
      "webhook_endpoint.created",
      "webhook_endpoint.updated",
      "webhook_endpoint.disabled",
      "webhook_endpoint.enabled",
      "webhook_endpoint.secret_rotated",
      "webhook_endpoint.deleted",
    ]) {
      expect(actions).toContain(action);
    }
    expect(JSON.stringify(events)).not.toContain(created.body.secret);
    expect(JSON.stringify(events)).not.toContain(rotated.body.secret);
  });

  it("lets an integration create a session through the API and verify the signed webhook it receives", async () => {
    const { h, target, call } = await setUp();
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const sessionKey = await h.createKey(kenji, ["sessions:write"]);
    const created = await call("POST", "/endpoints", { url: target.url, eventTypes: ["session.created"] });
    const secret = created.body.secret as string;
    const session = await h.api("POST", "/api/v1/sessions", {
      key: sessionKey,
      json: { ticket: { externalId: "HD-1", title: "VPN drops" }, group: { name: "Helpdesk" } },
    });
    expect(session.status).toBe(201);
    const { id: sessionId } = (await session.json()) as { id: string };
    await h.dispatcher.tick();
    const [request] = target.received;
    if (request === undefined) throw new Error("no webhook arrived");
    const verified = verifyWebhook({
      body: request.body,
      headers: request.headers as Record<string, string>,
      secret,
      now: h.clock.now(),
    });
    expect(JSON.parse(verified.body)).toMatchObject({
      type: "session.created",
      data: { id: sessionId, ticket: { externalId: "HD-1", title: "VPN drops" } },
    });
  });

  it("lists deliveries and attempts and re-sends one", async () => {
    const { h, target, call } = await setUp();
    const created = await call("POST", "/endpoints", { url: target.url });
    const id = created.body.endpoint.id as string;
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    for (const externalId of ["1", "2", "3"]) {
      await createSupportSession(h.deps, {
        actor: h.actorOf(kenji),
        ticket: { ...sampleTicket, externalId },
        group: { id: "g40211" },
      });
      h.clock.advance(1_000);
    }
    await h.dispatcher.tick();

    const first = await call("GET", `/endpoints/${id}/deliveries?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.deliveries).toHaveLength(2);
    expect(first.body.deliveries[0]).toMatchObject({
      eventType: "session.created",
      state: "succeeded",
      attemptCount: 1,
    });
    const second = await call("GET", `/endpoints/${id}/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.deliveries).toHaveLength(1);

    const deliveryId = first.body.deliveries[0].id as string;
    const detail = await call("GET", `/endpoints/${id}/deliveries/${deliveryId}`);
    expect(detail.body.attempts).toEqual([
      expect.objectContaining({ responseStatus: 204, error: null, responseExcerpt: null }),
    ]);
    const resent = await call("POST", `/endpoints/${id}/deliveries/${deliveryId}/resend`);
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ state: "pending", attemptCount: 0 });
    await h.dispatcher.tick();
    expect((await call("GET", `/endpoints/${id}/deliveries/${deliveryId}`)).body.attempts).toHaveLength(2);
  });

  it("requires the scope for each route and an admin role to change anything", async () => {
    const { h, target, call } = await setUp();
    const readOnly = await h.createKey(null, ["webhooks:read"]);
    const sessionsOnly = await h.createKey(null, ["sessions:read"]);
    const supporter = await h.addUser("supporter");
    const supporterKey = await h.createKey(supporter, ["webhooks:read", "webhooks:write"]);

    expect((await call("GET", "/endpoints", undefined, sessionsOnly)).status).toBe(403);
    const refused = await call("POST", "/endpoints", { url: target.url }, readOnly);
    expect(refused).toMatchObject({ status: 403, body: { code: "missing-scope" } });
    expect((await call("GET", "/endpoints", undefined, readOnly)).status).toBe(200);
    const forbidden = await call("POST", "/endpoints", { url: target.url }, supporterKey);
    expect(forbidden).toMatchObject({
      status: 403,
      type: "application/problem+json",
      body: { code: "forbidden" },
    });
    expect((await call("GET", "/endpoints", undefined, supporterKey)).status).toBe(403);
    expect((await h.api("GET", "/api/v1/webhooks/endpoints")).status).toBe(401);
    expect((await call("GET", "/endpoints")).body.endpoints).toEqual([]);
  });

  it("answers bad input with 400 problem+json naming the field, and stores nothing", async () => {
    const { target, call } = await setUp();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/endpoints", {}, "url"],
      ["POST", "/endpoints", { url: "" }, "url"],
      ["POST", "/endpoints", { url: "not a url" }, "url"],
      ["POST", "/endpoints", { url: "ftp://files.example.com/x" }, "url"],
      ["POST", "/endpoints", { url: "https://user:pw@hooks.example.com/x" }, "url"],
      ["POST", "/endpoints", { url: "https://10.1.2.3/hooks" }, "url"],
      ["POST", "/endpoints", { url: "https://[::ffff:169.254.169.254]/latest" }, "url"],
      ["POST", "/endpoints", { url: `https://hooks.example.com/${"x".repeat(2100)}` }, "url"],
      ["POST", "/endpoints", { url: target.url, eventTypes: ["session.deleted"] }, "eventTypes.0"],
      ["POST", "/endpoints", { url: target.url, eventTypes: "session.created" }, "eventTypes"],
      ["POST", "/endpoints", { url: target.url, description: "x".repeat(501) }, "description"],
      ["POST", "/endpoints", { url: target.url, secret: "whsec_mine" }, "secret"],
      ["PATCH", "/endpoints/not-a-uuid", { enabled: false }, "endpointId"],
      ["GET", "/endpoints/not-a-uuid/deliveries", undefined, "endpointId"],
    ];
    for (const [method, path, json, field] of cases) {
      const answer = await call(method, path, json);
      expect(answer.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(400);
      expect(answer.type).toBe("application/problem+json");
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(answer.body.requestId).toEqual(expect.any(String));
    }
    expect((await call("GET", "/endpoints")).body.endpoints).toEqual([]);

    const created = await call("POST", "/endpoints", { url: target.url });
    const id = created.body.endpoint.id as string;
    const patchCases: [unknown, string][] = [
      [{ url: "http://hooks.example.com:99999/" }, "url"],
      [{ enabled: "no" }, "enabled"],
      [{ eventTypes: ["*"] }, "eventTypes.0"],
    ];
    for (const [json, field] of patchCases) {
      const answer = await call("PATCH", `/endpoints/${id}`, json);
      expect(answer.status, JSON.stringify(json)).toBe(400);
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect((await call("GET", `/endpoints/${id}`)).body).toMatchObject({ url: target.url, enabled: true });
    const badQuery = await call("GET", `/endpoints/${id}/deliveries?limit=0`);
    expect(badQuery.body.errors[0]).toMatchObject({ in: "query", field: "limit" });
    const badCursor = await call("GET", `/endpoints/${id}/deliveries?cursor=garbage`);
    expect(badCursor).toMatchObject({ status: 400, body: { errors: [{ in: "query", field: "cursor" }] } });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call("POST", `/endpoints/${id}/deliveries/${unknown}/resend`)).status).toBe(404);
    expect((await call("POST", `/endpoints/${unknown}/rotate-secret`)).status).toBe(404);
    expect((await call("DELETE", `/endpoints/${unknown}`)).status).toBe(404);
  });
});
