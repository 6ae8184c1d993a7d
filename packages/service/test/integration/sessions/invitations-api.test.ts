/**
 * Issue 25, "The REST API gives what the UI gives": the end customer is invited by e-mail, the
 * invitations are listed and one is resent through the API, by the use cases the session page's
 * form uses, so each request sends exactly one e-mail (docs/adr/0027-invitation-exactly-once.md).
 * Other organisations' and colleagues' sessions are refused on every route by the authorisation
 * matrix (test/integration/abuse/authorisation-matrix.test.ts).
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Mailer } from "../../../src/http/app-deps.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "./session-harness.js";

type SentMail = Parameters<Mailer["send"]>[0];

const invitation = { email: "erika@example.org", name: "Erika Mustermann", locale: "de" };
const joinUrlPattern = /http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{43}/;

async function setUp(engine: TestEngine, mailer: "recording" | "refusing" | "none" = "recording") {
  const sentMail: SentMail[] = [];
  const mailers: Record<typeof mailer, Mailer | undefined> = {
    recording: { send: async (message) => void sentMail.push(message) },
    refusing: {
      send: async () => {
        throw new Error("550 mailbox unavailable");
      },
    },
    none: undefined,
  };
  const chosen = mailers[mailer];
  const h = await createSessionHarness(engine, chosen === undefined ? {} : { mailer: chosen });
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const key = await h.createKey(kenji);
  const created = await h.api("POST", "/api/v1/sessions", {
    key,
    json: { ticket: sampleTicket, group: { name: "Helpdesk" } },
  });
  expect(created.status).toBe(201);
  const session = await created.json();
  const invitationsPath = `/api/v1/sessions/${session.id}/invitations`;
  return { h, kenji, key, session, sentMail, invitationsPath };
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem.code).toBe(code);
  return problem;
}

async function invitationRows(h: SessionHarness) {
  return queryRows<{ status: string }>(h.database.db, sql`select status from session_invitations`);
}

describeEachEngine("REST API: e-mail invitations", (engine) => {
  it("sends one e-mail in the chosen language whose join address opens and replaces the previous one", async () => {
    const { h, key, session, sentMail, invitationsPath } = await setUp(engine);
    const response = await h.api("POST", invitationsPath, { key, json: invitation });
    expect(response.status).toBe(201);
    const sent = await response.json();
    expect(sent).toMatchObject({
      sessionId: session.id,
      recipientEmail: "erika@example.org",
      recipientName: "Erika Mustermann",
      locale: "de",
      status: "sent",
      error: null,
      joinUrl: expect.stringMatching(joinUrlPattern),
    });
    expect(sentMail).toHaveLength(1);
    expect(sentMail[0]?.to).toBe("erika@example.org");
    expect(sentMail[0]?.subject).toContain("Fernwartung");
    expect(sentMail[0]?.text).toContain(sent.joinUrl);
    expect((await h.app.request(sent.joinUrl)).status).toBe(200);
    expect((await h.app.request(session.joinUrl)).status).toBe(404);
  });

  it("sends an invitation without a customer name, the name being optional", async () => {
    const { h, key, sentMail, invitationsPath } = await setUp(engine);
    const response = await h.api("POST", invitationsPath, {
      key,
      json: { email: "erika@example.org", locale: "en" },
    });
    expect(response.status).toBe(201);
    expect((await response.json()).recipientName).toBeNull();
    expect(sentMail).toHaveLength(1);
  });

  it("sends exactly one e-mail for a repeated Idempotency-Key and replays the first answer", async () => {
    const { h, key, sentMail, invitationsPath } = await setUp(engine);
    const send = () =>
      h.api("POST", invitationsPath, { key, json: invitation, headers: { "idempotency-key": "invite-1" } });
    const first = await send();
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    expect(sentMail).toHaveLength(1);
    expect(await invitationRows(h)).toHaveLength(1);
  });

  it("lists the invitations newest first without a supporter link, a join address or the sealed e-mail", async () => {
    const { h, key, session, invitationsPath } = await setUp(engine);
    await h.api("POST", invitationsPath, { key, json: invitation });
    h.clock.advance(60_000);
    await h.api("POST", invitationsPath, { key, json: { ...invitation, email: "max@example.org" } });
    const reveal = await h.api("GET", `/api/v1/sessions/${session.id}?include=supporterLinks`, { key });
    const { supporterLinks } = await reveal.json();

    const response = await h.api("GET", invitationsPath, { key: await h.createKey(null, ["sessions:read"]) });
    expect(response.status).toBe(200);
    const text = await response.text();
    const { invitations } = JSON.parse(text);
    expect(invitations.map((i: { recipientEmail: string }) => i.recipientEmail)).toEqual([
      "max@example.org",
      "erika@example.org",
    ]);
    expect(Object.keys(invitations[0]).sort()).toEqual(
      [
        "error",
        "id",
        "locale",
        "recipientEmail",
        "recipientName",
        "sentAt",
        "sentByUserId",
        "sessionId",
        "status",
      ].sort(),
    );
    expect(text).not.toContain("/join/");
    expect(text).not.toContain(supporterLinks.supporterLink);
    expect(text).not.toMatch(/sealed|token|requestId/i);
  });

  it("resends an invitation to the same address in the same language with a fresh join address", async () => {
    const { h, key, sentMail, invitationsPath } = await setUp(engine);
    const first = await (await h.api("POST", invitationsPath, { key, json: invitation })).json();
    const response = await h.api("POST", `${invitationsPath}/${first.id}/resend`, { key });
    expect(response.status).toBe(201);
    const resent = await response.json();
    expect(resent).toMatchObject({ recipientEmail: "erika@example.org", locale: "de", status: "sent" });
    expect(resent.id).not.toBe(first.id);
    expect(resent.joinUrl).not.toBe(first.joinUrl);
    expect(sentMail.map((mail) => mail.to)).toEqual(["erika@example.org", "erika@example.org"]);
    expect(sentMail[1]?.subject).toBe(sentMail[0]?.subject);
    expect((await h.app.request(first.joinUrl)).status).toBe(404);
    expect((await h.app.request(resent.joinUrl)).status).toBe(200);
    const listed = await (await h.api("GET", invitationsPath, { key })).json();
    expect(listed.invitations).toHaveLength(2);
  });

  it("answers bad ids and bodies with a 400 naming each field, and sends nothing", async () => {
    const { h, key, session, sentMail, invitationsPath } = await setUp(engine);
    const bad = await expectProblem(
      await h.api("POST", invitationsPath, {
        key,
        json: { email: "not-an-address", locale: "fr", name: "n".repeat(101), cc: "x@example.org" },
      }),
      400,
      "invalid-request",
    );
    expect(bad.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(["email", "locale", "name", "cc"]),
    );
    const missing = await expectProblem(
      await h.api("POST", invitationsPath, { key, json: {} }),
      400,
      "invalid-request",
    );
    expect(missing.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(["email", "locale"]),
    );
    await expectProblem(
      await h.api("POST", invitationsPath, {
        key,
        body: "email=x",
        headers: { "content-type": "application/json" },
      }),
      400,
      "malformed-request",
    );
    await expectProblem(
      await h.api("POST", "/api/v1/sessions/4711/invitations", { key, json: invitation }),
      400,
      "invalid-request",
    );
    await expectProblem(
      await h.api("GET", "/api/v1/sessions/4711/invitations", { key }),
      400,
      "invalid-request",
    );
    await expectProblem(
      await h.api("POST", `/api/v1/sessions/${session.id}/invitations/not-a-uuid/resend`, { key }),
      400,
      "invalid-request",
    );
    await expectProblem(
      await h.api("POST", `${invitationsPath}/00000000-0000-4000-8000-000000000000/resend`, { key }),
      404,
      "invitation-not-found",
    );
    expect(sentMail).toEqual([]);
    expect(await invitationRows(h)).toEqual([]);
  });

  it("refuses a read-only key, a colleague's key and an unknown session, sending nothing", async () => {
    const { h, kenji, key, sentMail, invitationsPath } = await setUp(engine);
    const first = await (await h.api("POST", invitationsPath, { key, json: invitation })).json();
    const readOnly = await h.createKey(kenji, ["sessions:read"]);
    await expectProblem(
      await h.api("POST", invitationsPath, { key: readOnly, json: invitation }),
      403,
      "missing-scope",
    );
    await expectProblem(
      await h.api("POST", `${invitationsPath}/${first.id}/resend`, { key: readOnly }),
      403,
      "missing-scope",
    );
    const colleague = await h.createKey(await h.addUser("supporter", { teamViewerUserid: "u7006" }));
    await expectProblem(
      await h.api("POST", invitationsPath, { key: colleague, json: invitation }),
      404,
      "session-not-found",
    );
    await expectProblem(await h.api("GET", invitationsPath, { key: colleague }), 404, "session-not-found");
    await expectProblem(
      await h.api("POST", `${invitationsPath}/${first.id}/resend`, { key: colleague }),
      404,
      "session-not-found",
    );
    await expectProblem(
      await h.api("POST", "/api/v1/sessions/00000000-0000-4000-8000-000000000000/invitations", {
        key,
        json: invitation,
      }),
      404,
      "session-not-found",
    );
    expect(sentMail).toHaveLength(1);
  });

  it("refuses to invite to a closed session with session-ended", async () => {
    const { h, key, session, sentMail, invitationsPath } = await setUp(engine);
    await h.api("POST", `/api/v1/sessions/${session.id}/close`, { key });
    const problem = await expectProblem(
      await h.api("POST", invitationsPath, { key, json: invitation }),
      409,
      "session-ended",
    );
    expect(problem.detail).toContain("new session");
    expect(sentMail).toEqual([]);
  });

  it("says e-mail is not set up (mail-off) when the instance has no mail server", async () => {
    const { h, key, invitationsPath } = await setUp(engine, "none");
    const problem = await expectProblem(
      await h.api("POST", invitationsPath, { key, json: invitation }),
      409,
      "mail-off",
    );
    expect(problem.detail).toContain("ATTENDANT_SMTP_URL");
    expect(await invitationRows(h)).toEqual([]);
  });

  it("answers a refused delivery with 502 delivery-failed, lists it as failed and keeps the previous join address", async () => {
    const { h, key, session, invitationsPath } = await setUp(engine, "refusing");
    await expectProblem(
      await h.api("POST", invitationsPath, { key, json: invitation }),
      502,
      "delivery-failed",
    );
    const listed = await (await h.api("GET", invitationsPath, { key })).json();
    expect(listed.invitations).toEqual([
      expect.objectContaining({ status: "failed", error: "550 mailbox unavailable" }),
    ]);
    expect((await h.app.request(session.joinUrl)).status).toBe(200);
  });

  it("answers a repeat of a refused invitation under the same Idempotency-Key with the same failure, without another attempt; a new key tries again", async () => {
    const { h, key, invitationsPath } = await setUp(engine, "refusing");
    const send = (idempotencyKey: string) =>
      h.api("POST", invitationsPath, {
        key,
        json: invitation,
        headers: { "idempotency-key": idempotencyKey },
      });
    await expectProblem(await send("invite-1"), 502, "delivery-failed");
    await expectProblem(await send("invite-1"), 502, "delivery-failed");
    expect(await invitationRows(h)).toEqual([{ status: "failed" }]);
    await expectProblem(await send("invite-2"), 502, "delivery-failed");
    expect(await invitationRows(h)).toEqual([{ status: "failed" }, { status: "failed" }]);
  });

  it("lets an organisation-wide key invite, recorded as sent by no user", async () => {
    const { h, invitationsPath, sentMail } = await setUp(engine);
    const orgKey = await h.createKey(null);
    const response = await h.api("POST", invitationsPath, { key: orgKey, json: invitation });
    expect(response.status).toBe(201);
    expect((await response.json()).sentByUserId).toBeNull();
    expect(sentMail).toHaveLength(1);
  });
});
