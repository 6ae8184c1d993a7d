/**
 * `/api/v1/helpdesk/writes`: the write history and re-sending, with no helpdesk running (the
 * writes stay pending). The writing itself is proven against a real RT in test/helpdesk/.
 */
import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { saveHelpdeskConnection } from "../../../src/db/repositories/helpdesk-connections.js";
import { fanOutWebhookEvents } from "../../../src/db/repositories/webhooks.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness } from "../sessions/session-harness.js";

describe("the helpdesk write history over the API", () => {
  const engine = usePgliteEngine();

  async function setUp() {
    const h = await createSessionHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await saveHelpdeskConnection(
      h.database.db,
      h.deps.vault,
      {
        organisationId: h.organisationId,
        kind: "request-tracker",
        baseUrl: "http://127.0.0.1:1",
        token: "1-7-SecretHelpdeskToken0001",
        sessionField: "TeamViewer session",
        noteLocale: "en",
        writesSessionField: true,
        writesSessionNotes: false,
        writesConnectionNotes: true,
        writesInvitationReplies: false,
      },
      h.clock.now(),
    );
    const { session } = await createSupportSession(h.deps, {
      actor: h.actorOf(kenji),
      ticket: { externalId: "4711", title: "Outlook does not start" },
      group: { name: "Helpdesk" },
    });
    await fanOutWebhookEvents(h.database.db, h.clock.now(), 100);
    return { h, kenji, session };
  }

  it("lists each write with its state and re-sends one, audited, for an admin's key", async () => {
    const { h } = await setUp();
    const key = await h.createKey(null, ["helpdesk:read", "helpdesk:write"]);
    const listed = await h.api("GET", "/api/v1/helpdesk/writes", { key });
    expect(listed.status).toBe(200);
    const page = await listed.json();
    expect(page).toEqual({
      writes: [
        expect.objectContaining({
          eventType: "session.created",
          ticketExternalId: "4711",
          state: "pending",
          attemptCount: 0,
          nextAttemptAt: h.clock.now().toISOString(),
        }),
      ],
      counts: { pending: 1, done: 0, failed: 0, stopped: 0 },
    });
    expect(JSON.stringify(page)).not.toContain("SecretHelpdeskToken");

    h.clock.advance(60_000);
    const resent = await h.api("POST", `/api/v1/helpdesk/writes/${page.writes[0].id}/resend`, { key });
    expect(resent.status).toBe(202);
    expect(await resent.json()).toMatchObject({
      state: "pending",
      nextAttemptAt: h.clock.now().toISOString(),
    });
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toContain("helpdesk_write.resent");
  });

  it.each([
    ["a limit of 0", "/api/v1/helpdesk/writes?limit=0", "GET", 400],
    ["a limit over 200", "/api/v1/helpdesk/writes?limit=201", "GET", 400],
    ["a cursor that is not a time", "/api/v1/helpdesk/writes?before=yesterday", "GET", 400],
    ["an unknown query parameter", "/api/v1/helpdesk/writes?state=done", "GET", 400],
    ["a write id that is not a UUID", "/api/v1/helpdesk/writes/42/resend", "POST", 400],
    [
      "a write nobody made",
      "/api/v1/helpdesk/writes/00000000-0000-4000-8000-000000000000/resend",
      "POST",
      404,
    ],
  ])("refuses %s with a problem that says what is wrong", async (_case, path, method, status) => {
    const { h } = await setUp();
    const key = await h.createKey(null, ["helpdesk:read", "helpdesk:write"]);
    const answer = await h.api(method, path, { key });
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect((await answer.json()).detail).toEqual(expect.any(String));
  });

  it("refuses a supporter's key, whatever its scopes: the history holds every ticket's notes", async () => {
    const { h, kenji } = await setUp();
    const key = await h.createKey(kenji, ["helpdesk:read", "helpdesk:write"]);
    const answer = await h.api("GET", "/api/v1/helpdesk/writes", { key });
    expect(answer.status).toBe(403);
    expect((await answer.json()).code).toBe("forbidden");
  });
});
