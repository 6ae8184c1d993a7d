import { verifyWebhook } from "@attendant/webhooks";
import { afterEach, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { type User, updateUser } from "../../../src/db/repositories/users.js";
import { listWebhookEndpoints } from "../../../src/db/repositories/webhooks.js";
import { hashPassword } from "../../../src/identity/passwords.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { usePgliteEngine } from "../../support/engines.js";
import { fastPasswordHashing } from "../../support/fast-password-hashing.js";
import { Browser, testPassword } from "../../web/web-harness.js";
import { sampleTicket } from "../sessions/session-harness.js";
import { createWebhookHarness, type WebhookHarness } from "./webhook-harness.js";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.js";

const engine = usePgliteEngine();
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function signIn(h: WebhookHarness, user: User): Promise<Browser> {
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

/** Posts a form that may repeat a field (the event-type checkboxes), with the page's CSRF token. */
async function submitForm(browser: Browser, pagePath: string, action: string, fields: [string, string][]) {
  const token = await browser.csrfTokenFrom(pagePath);
  return browser.request(action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
    body: new URLSearchParams([["_csrf", token], ...fields]).toString(),
  });
}

const secretIn = (html: string) => /value="(whsec_[A-Za-z0-9+/=]+)"/.exec(html)?.[1];

async function setUp() {
  const h = await createWebhookHarness(engine);
  const browser = await signIn(h, h.admin);
  const target = await startWebhookReceiver();
  receivers.push(target);
  const create = async (fields: [string, string][] = []) => {
    const response = await submitForm(browser, "/webhooks", "/webhooks", [["url", target.url], ...fields]);
    const html = await response.text();
    const [endpoint] = await listWebhookEndpoints(h.database.db, h.organisationId);
    return { response, html, secret: secretIn(html), endpointPath: `/webhooks/${endpoint?.id}` };
  };
  return { h, browser, target, create };
}

describe("the webhooks pages", () => {
  it("adds an endpoint with chosen events and shows its secret exactly once", async () => {
    const { h, browser, target, create } = await setUp();
    const home = await (await browser.get("/")).text();
    expect(home).toContain('href="/webhooks"');
    expect(await (await browser.get("/webhooks")).text()).toContain("No endpoints yet.");

    const created = await create([
      ["description", "Helpdesk"],
      ["eventTypes", "session.closed"],
      ["eventTypes", "session.created"],
    ]);
    expect(created.response.status).toBe(201);
    expect(created.secret).toMatch(/^whsec_/);
    const [endpoint] = await listWebhookEndpoints(h.database.db, h.organisationId);
    expect(endpoint).toMatchObject({
      url: target.url,
      description: "Helpdesk",
      eventTypes: ["session.created", "session.closed"],
    });

    const list = await (await browser.get("/webhooks")).text();
    const page = await (await browser.get(created.endpointPath)).text();
    expect(list).toContain(target.url);
    expect(page).toContain("Helpdesk");
    for (const html of [list, page]) expect(html).not.toContain(created.secret);
  });

  it("edits, disables, enables, tests, rotates and deletes an endpoint, auditing each change", async () => {
    const { h, browser, target, create } = await setUp();
    const { endpointPath, secret } = await create();

    const saved = await submitForm(browser, endpointPath, endpointPath, [
      ["url", `${target.url}?v=2`],
      ["description", "Renamed"],
      ["eventTypes", "connection.reported"],
    ]);
    expect(saved.status).toBe(303);
    expect(await (await browser.get(saved.headers.get("location") ?? "")).text()).toContain("Saved.");

    expect((await browser.submit(endpointPath, `${endpointPath}/status`, { enabled: "false" })).status).toBe(
      303,
    );
    expect(await (await browser.get(endpointPath)).text()).toMatch(/Disabled/);
    expect((await browser.submit(endpointPath, `${endpointPath}/status`, { enabled: "true" })).status).toBe(
      303,
    );

    const tested = await (await browser.submit(endpointPath, `${endpointPath}/test`, {})).text();
    expect(tested).toContain("The test event was delivered: the receiver answered 204");
    const [request] = target.received;
    if (request === undefined || secret === undefined) throw new Error("no test event");
    expect(
      verifyWebhook({
        body: request.body,
        headers: request.headers as Record<string, string>,
        secret,
        now: h.clock.now(),
      }).id,
    ).toMatch(/^msg_/);

    const rotated = await (await browser.submit(endpointPath, `${endpointPath}/rotate`, {})).text();
    const newSecret = secretIn(rotated);
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    expect(rotated).toContain("The previous secret keeps signing");

    const deleted = await browser.submit(endpointPath, `${endpointPath}/delete`, {});
    expect(deleted.headers.get("location")).toBe("/webhooks?notice=deleted");
    expect((await browser.get(endpointPath)).status).toBe(404);

    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        "webhook_endpoint.created",
        "webhook_endpoint.updated",
        "webhook_endpoint.disabled",
        "webhook_endpoint.enabled",
        "webhook_endpoint.secret_rotated",
        "webhook_endpoint.deleted",
      ]),
    );
  });

  it("shows deliveries with their attempts and re-sends one", async () => {
    const { h, browser, target, create } = await setUp();
    target.plan({ kind: "status", status: 500, body: "try later" });
    const { endpointPath } = await create();
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await createSupportSession(h.deps, {
      actor: h.actorOf(kenji),
      ticket: sampleTicket,
      group: { id: "g40211" },
    });
    await h.dispatcher.tick();

    const page = await (await browser.get(endpointPath)).text();
    const deliveryPath = /href="(\/webhooks\/[^"]+\/deliveries\/[^"]+)"/.exec(page)?.[1];
    if (deliveryPath === undefined) throw new Error("no delivery link");
    expect(page).toContain("session.created");
    expect(page).toContain("Pending");
    const delivery = await (await browser.get(deliveryPath)).text();
    expect(delivery).toContain("the receiver answered 500");
    expect(delivery).toContain("try later");

    const resent = await browser.submit(deliveryPath, `${deliveryPath}/resend`, {});
    expect(resent.status).toBe(303);
    expect(await (await browser.get(resent.headers.get("location") ?? "")).text()).toContain("Queued again");
    await h.dispatcher.tick();
    expect(target.received).toHaveLength(2);
    expect(await (await browser.get(deliveryPath)).text()).toContain("Delivered");
  });

  it("answers bad input with the form and a message, and stores nothing", async () => {
    const { h, browser, target } = await setUp();
    const cases: [[string, string][], string][] = [
      [[["url", ""]], "This field is required."],
      [[["url", "helpdesk.example.com/hooks"]], "Enter an absolute address"],
      [[["url", "ftp://helpdesk.example.com/hooks"]], "Only https addresses are supported."],
      [[["url", "https://user:pw@helpdesk.example.com/"]], "Remove the user name and password"],
      [[["url", "https://192.168.1.10/hooks"]], "non-public address"],
      [
        [
          ["url", target.url],
          ["eventTypes", "session.deleted"],
        ],
        "Choose event types from the list.",
      ],
      [
        [
          ["url", target.url],
          ["description", "x".repeat(501)],
        ],
        "Use at most 500 characters.",
      ],
    ];
    for (const [fields, message] of cases) {
      const response = await submitForm(browser, "/webhooks", "/webhooks", fields);
      expect(response.status, JSON.stringify(fields)).toBe(422);
      expect(await response.text()).toContain(message);
    }
    expect(await listWebhookEndpoints(h.database.db, h.organisationId)).toEqual([]);

    const created = await submitForm(browser, "/webhooks", "/webhooks", [["url", target.url]]);
    expect(created.status).toBe(201);
    const [endpoint] = await listWebhookEndpoints(h.database.db, h.organisationId);
    const path = `/webhooks/${endpoint?.id}`;
    const badEdit = await submitForm(browser, path, path, [["url", "https://10.0.0.1/"]]);
    expect(badEdit.status).toBe(422);
    expect(await badEdit.text()).toContain("non-public address");
    expect((await browser.submit(path, `${path}/status`, { enabled: "maybe" })).status).toBe(422);
    const [unchanged] = await listWebhookEndpoints(h.database.db, h.organisationId);
    expect(unchanged).toMatchObject({ url: target.url, disabledAt: null });

    expect((await browser.get("/webhooks/not-a-uuid")).status).toBe(404);
    expect((await browser.get("/webhooks/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await browser.get(`${path}/deliveries/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect(
      (await browser.submit(path, `/webhooks/00000000-0000-4000-8000-000000000000/rotate`, {})).status,
    ).toBe(404);
  });

  it("is for admins only", async () => {
    const { h } = await setUp();
    const supporter = await h.addUser("supporter");
    const browser = await signIn(h, supporter);
    expect((await browser.get("/webhooks")).status).toBe(403);
    expect(await (await browser.get("/")).text()).not.toContain('href="/webhooks"');
  });
});
