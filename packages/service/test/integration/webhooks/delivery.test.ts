import { verifyWebhook } from "@attendant/webhooks";
import { afterEach, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import type { User } from "../../../src/db/repositories/users.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import {
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
} from "../../../src/webhooks/manage-webhook-endpoints.js";
import { maxWebhookAttempts, webhookRetryDelaysMs } from "../../../src/webhooks/retry-schedule.js";
import { getDelivery, listDeliveries, resendDelivery } from "../../../src/webhooks/webhook-deliveries.js";
import { WebhookError } from "../../../src/webhooks/webhook-error.js";
import { usePgliteEngine } from "../../support/engines.js";
import { sampleTicket } from "../sessions/session-harness.js";
import { createWebhookHarness, type WebhookHarness } from "./webhook-harness.js";
import { findClosedPort, startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

async function setUp(options: { attemptTimeoutMs?: number } = {}) {
  const h = await createWebhookHarness(engine, options);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  return { h, kenji };
}

function openSession(h: WebhookHarness, supporter: User, externalId = "4711") {
  return createSupportSession(h.deps, {
    actor: h.actorOf(supporter),
    ticket: { ...sampleTicket, externalId },
    group: { id: "g40211" },
  }).then((created) => created.session);
}

async function onlyDelivery(h: WebhookHarness, endpointId: string) {
  const page = await listDeliveries(h.webhookDeps, { actor: h.adminActor, endpointId });
  expect(page.deliveries).toHaveLength(1);
  const [delivery] = page.deliveries;
  if (delivery === undefined) throw new Error("no delivery");
  return getDelivery(h.webhookDeps, { actor: h.adminActor, endpointId, deliveryId: delivery.id });
}

function verify(
  request: { headers: Record<string, unknown>; body: string },
  secret: string | string[],
  now: Date,
) {
  return verifyWebhook({
    body: request.body,
    headers: request.headers as Record<string, string>,
    secret,
    now,
  });
}

const engine = usePgliteEngine();

describe("webhook delivery to a real receiver on loopback", () => {
  it("delivers session.created signed so that verifyWebhook accepts it, with no supporter link", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    const endpoint = await h.addEndpoint(target.url);
    const session = await openSession(h, kenji);
    const summary = await h.dispatcher.tick();
    expect(summary).toMatchObject({ fannedOut: 1, attempts: { succeeded: 1 } });

    expect(target.received).toHaveLength(1);
    const [request] = target.received;
    if (request === undefined) throw new Error("nothing received");
    expect(request).toMatchObject({ method: "POST", path: "/hooks" });
    expect(request.headers["content-type"]).toBe("application/json");
    const verified = verify(request, endpoint.secret, h.clock.now());
    expect(verified.id).toMatch(/^msg_[0-9a-f]{32}$/);
    const event = JSON.parse(verified.body);
    expect(event).toMatchObject({
      type: "session.created",
      timestamp: h.clock.now().toISOString(),
      data: {
        id: session.id,
        code: session.code,
        status: "waiting",
        isOnline: false,
        endCustomerLink: session.endCustomerLink,
        ticket: { externalId: "4711", title: sampleTicket.title },
      },
    });
    expect(request.body).not.toMatch(/supporter_link|supporterLink/);

    const { delivery, attempts } = await onlyDelivery(h, endpoint.id);
    expect(delivery).toMatchObject({ state: "succeeded", attemptCount: 1, eventType: "session.created" });
    expect(attempts).toEqual([
      expect.objectContaining({ responseStatus: 204, error: null, attemptedAt: h.clock.now() }),
    ]);
    // Nothing is left to do: a second tick sends nothing.
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(1);
  });

  it("sends only the event types an endpoint chose", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    await h.addEndpoint(target.url, ["session.closed"]);
    await openSession(h, kenji);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(0);
  });

  it("retries a 500 after 5 s and 5 min on the fake clock, then succeeds with the same webhook-id", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    target.plan({ kind: "status", status: 500, body: "database down" }, { kind: "status", status: 503 });
    const endpoint = await h.addEndpoint(target.url);
    await openSession(h, kenji);

    await h.dispatcher.tick();
    expect(target.received).toHaveLength(1);
    await h.dispatcher.tick(); // not due yet
    h.clock.advance(4_999);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(1);
    h.clock.advance(1);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(2);
    h.clock.advance(5 * 60_000 - 1);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(2);
    h.clock.advance(1);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(3);

    const ids = target.received.map((request) => request.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    const stamps = target.received.map((request) => Number(request.headers["webhook-timestamp"]));
    expect(stamps[2]).toBe(Math.floor(h.clock.now().getTime() / 1000));
    expect(verify(target.received[2] as never, endpoint.secret, h.clock.now()).id).toBe(ids[0]);

    const { delivery, attempts } = await onlyDelivery(h, endpoint.id);
    expect(delivery).toMatchObject({ state: "succeeded", attemptCount: 3 });
    expect(attempts.map((attempt) => [attempt.responseStatus, attempt.error])).toEqual([
      [500, "the receiver answered 500"],
      [503, "the receiver answered 503"],
      [204, null],
    ]);
    expect(attempts[0]?.responseExcerpt).toBe("database down");
  });

  it("records a receiver that is down (connection refused) and schedules the retry", async () => {
    const { h, kenji } = await setUp();
    const port = await findClosedPort();
    const endpoint = await h.addEndpoint(`http://127.0.0.1:${port}/hooks`);
    await openSession(h, kenji);
    const summary = await h.dispatcher.tick();
    expect(summary.attempts.retrying).toBe(1);
    const { delivery, attempts } = await onlyDelivery(h, endpoint.id);
    expect(attempts).toEqual([
      expect.objectContaining({ responseStatus: null, error: `connection refused by 127.0.0.1:${port}` }),
    ]);
    expect(delivery).toMatchObject({
      state: "pending",
      lockedUntil: null,
      nextAttemptAt: new Date(h.clock.now().getTime() + 5_000),
    });
  });

  it("gives up on a receiver that does not answer within the attempt deadline", async () => {
    const { h, kenji } = await setUp({ attemptTimeoutMs: 300 });
    const target = await receiver();
    target.plan({ kind: "hang" });
    const endpoint = await h.addEndpoint(target.url);
    await openSession(h, kenji);
    await h.dispatcher.tick();
    const { delivery, attempts } = await onlyDelivery(h, endpoint.id);
    expect(target.received).toHaveLength(1);
    expect(attempts).toEqual([
      expect.objectContaining({ responseStatus: null, error: "timeout after 300 ms" }),
    ]);
    expect(delivery.state).toBe("pending");
  });

  it("disables the endpoint on 410 Gone, audits it, and sends it nothing more", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    target.plan({ kind: "status", status: 410 });
    const endpoint = await h.addEndpoint(target.url);
    await openSession(h, kenji, "1");
    const summary = await h.dispatcher.tick();
    expect(summary.attempts["endpoint-gone"]).toBe(1);
    const disabled = await getEndpoint(h.webhookDeps, { actor: h.adminActor, endpointId: endpoint.id });
    expect(disabled).toMatchObject({ disabledAt: h.clock.now(), disabledReason: "gone" });
    const { delivery } = await onlyDelivery(h, endpoint.id);
    expect(delivery.state).toBe("failed");
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toContain("webhook_endpoint.disabled");

    await openSession(h, kenji, "2");
    h.clock.advance(60_000);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(1);
  });

  it("does not follow a redirect: the 3xx is a failed attempt and the new location gets nothing", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    const elsewhere = await receiver();
    target.plan({ kind: "redirect", status: 307, location: elsewhere.url });
    const endpoint = await h.addEndpoint(target.url);
    await openSession(h, kenji);
    await h.dispatcher.tick();
    expect(elsewhere.received).toHaveLength(0);
    const { delivery, attempts } = await onlyDelivery(h, endpoint.id);
    expect(attempts[0]).toMatchObject({ responseStatus: 307 });
    expect(attempts[0]?.error).toContain("redirect not followed");
    expect(delivery.state).toBe("pending");
  });

  it("retries for about three days on the documented schedule, then marks the delivery failed", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    target.setFallback({ kind: "status", status: 500 });
    const endpoint = await h.addEndpoint(target.url);
    await openSession(h, kenji);
    const start = h.clock.now().getTime();
    await h.dispatcher.tick();
    for (const delay of webhookRetryDelaysMs) {
      h.clock.advance(delay);
      await h.dispatcher.tick();
    }
    // After 24 h the session also expires, and session.expired goes out too: count the first event's.
    const firstId = target.received[0]?.headers["webhook-id"];
    const attemptsOfFirst = () =>
      target.received.filter((request) => request.headers["webhook-id"] === firstId);
    expect(attemptsOfFirst()).toHaveLength(maxWebhookAttempts);
    const page = await listDeliveries(h.webhookDeps, { actor: h.adminActor, endpointId: endpoint.id });
    const created = page.deliveries.find((entry) => entry.eventType === "session.created");
    if (created === undefined) throw new Error("no session.created delivery");
    const { delivery, attempts } = await getDelivery(h.webhookDeps, {
      actor: h.adminActor,
      endpointId: endpoint.id,
      deliveryId: created.id,
    });
    expect(delivery.state).toBe("failed");
    const lastAttempt = attempts.at(-1)?.attemptedAt.getTime() ?? 0;
    expect(lastAttempt - start).toBeGreaterThan(2.5 * 24 * 3600_000);
    expect(lastAttempt - start).toBeLessThanOrEqual(3 * 24 * 3600_000);
    h.clock.advance(30 * 24 * 3600_000);
    const later = await h.dispatcher.tick();
    expect(attemptsOfFirst()).toHaveLength(maxWebhookAttempts);
    // Past the 30-day retention a finished event goes, with its deliveries and attempts; the
    // session.expired one still had a retry pending, so it stays.
    expect(later.pruned).toBe(1);
    const remaining = await listDeliveries(h.webhookDeps, { actor: h.adminActor, endpointId: endpoint.id });
    expect(remaining.deliveries.map((entry) => entry.eventType)).toEqual(["session.expired"]);
  });

  it("re-sends a delivery with the same webhook-id and a fresh schedule, and audits it", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    const endpoint = await h.addEndpoint(target.url);
    await openSession(h, kenji);
    await h.dispatcher.tick();
    const { delivery } = await onlyDelivery(h, endpoint.id);
    const requeued = await resendDelivery(h.webhookDeps, {
      actor: h.adminActor,
      endpointId: endpoint.id,
      deliveryId: delivery.id,
    });
    expect(requeued).toMatchObject({ state: "pending", attemptCount: 0 });
    h.clock.advance(1_000);
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(2);
    expect(target.received[1]?.headers["webhook-id"]).toBe(target.received[0]?.headers["webhook-id"]);
    const after = await onlyDelivery(h, endpoint.id);
    expect(after.delivery.state).toBe("succeeded");
    expect(after.attempts).toHaveLength(2);
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toContain("webhook_delivery.resent");
  });

  it("signs with both secrets for 24 h after a rotation, then with the new one only", async () => {
    const { h, kenji } = await setUp();
    const target = await receiver();
    const endpoint = await h.addEndpoint(target.url);
    const rotated = await rotateEndpointSecret(h.webhookDeps, {
      actor: h.adminActor,
      endpointId: endpoint.id,
    });
    expect(rotated.secret).not.toBe(endpoint.secret);
    await openSession(h, kenji, "1");
    await h.dispatcher.tick();
    const during = target.received[0];
    if (during === undefined) throw new Error("nothing received");
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(during, endpoint.secret, h.clock.now()).id).toBeDefined();
    expect(verify(during, rotated.secret, h.clock.now()).id).toBeDefined();

    h.clock.advance(24 * 3600_000);
    await openSession(h, kenji, "2");
    await h.dispatcher.tick();
    const after = target.received.at(-1);
    if (after === undefined) throw new Error("nothing received");
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verify(after, rotated.secret, h.clock.now()).id).toBeDefined();
    expect(() => verify(after, endpoint.secret, h.clock.now())).toThrow(/signature/);
  });
});

describe("private and loopback targets", () => {
  it("refuses to register a loopback target unless the operator allowed its network", async () => {
    const h = await createWebhookHarness(engine, { allowedNetworks: "" });
    const target = await receiver();
    const problems = async (url: string) =>
      h.addEndpoint(url).then(
        () => [],
        (error: unknown) =>
          error instanceof WebhookError ? error.problems.map((entry) => entry.problem) : [error],
      );
    expect(await problems(`https://127.0.0.1:${target.port}/hooks`)).toEqual(["private-address"]);
    expect(await problems(`https://[::ffff:127.0.0.1]:${target.port}/hooks`)).toEqual(["private-address"]);
    expect(await problems(target.url)).toEqual(["private-address"]);
    expect(await problems(`http://receiver.internal:${target.port}/hooks`)).toEqual(["https-required"]);
    const page = await listEndpoints(h.webhookDeps, h.adminActor);
    expect(page).toEqual([]);
  });

  it("checks the address a name resolves to at send time, so a rebound name cannot reach loopback", async () => {
    const h = await createWebhookHarness(engine, { allowedNetworks: "" });
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const target = await receiver();
    // Public when registered, loopback when sent: the attempt is refused before connecting.
    const endpoint = await h.addEndpoint(`https://hooks.example.test:${target.port}/hooks`);
    const dispatcher = h.newDispatcher({ resolveHost: async () => [{ address: "127.0.0.1", family: 4 }] });
    await openSession(h, kenji);
    await dispatcher.tick();
    expect(target.received).toHaveLength(0);
    const { attempts } = await onlyDelivery(h, endpoint.id);
    expect(attempts[0]).toMatchObject({ responseStatus: null });
    expect(attempts[0]?.error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
  });

  it("refuses a name with any address outside the allowed networks, even if another is allowed", async () => {
    const h = await createWebhookHarness(engine, { allowedNetworks: "127.0.0.1/32" });
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const target = await receiver();
    const endpoint = await h.addEndpoint(`http://receiver.internal:${target.port}/hooks`);
    const dispatcher = h.newDispatcher({
      resolveHost: async () => [
        { address: "127.0.0.1", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
    });
    await openSession(h, kenji);
    await dispatcher.tick();
    expect(target.received).toHaveLength(0);
    const { attempts } = await onlyDelivery(h, endpoint.id);
    expect(attempts[0]?.error).toMatch(/^refused: 10\.0\.0\.7 is a private address/);

    // Resolving to the allowed address only, the same endpoint is delivered to.
    const allowed = h.newDispatcher({ resolveHost: async () => [{ address: "127.0.0.1", family: 4 }] });
    h.clock.advance(5_000);
    await allowed.tick();
    expect(target.received).toHaveLength(1);
  });
});
