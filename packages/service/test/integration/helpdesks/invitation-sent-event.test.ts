/**
 * `invitation.sent` in the outbox (issue 22): recorded with the invitation's `sent` outcome, for
 * webhook endpoints and for the helpdesk's public reply. The join address never enters the
 * outbox; it is kept sealed on the invitation only while the helpdesk replies. The reply itself
 * is proven against a real RT in test/helpdesk/invitation-reply.test.ts.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { saveHelpdeskConnection } from "../../../src/db/repositories/helpdesk-connections.js";
import { listHelpdeskWrites } from "../../../src/db/repositories/helpdesk-writes.js";
import { fanOutWebhookEvents } from "../../../src/db/repositories/webhooks.js";
import { sendSessionInvitation } from "../../../src/invitations/send-invitation.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { sampleTicket } from "../sessions/session-harness.js";
import { createWebhookHarness, type WebhookHarness } from "../webhooks/webhook-harness.js";

describe("invitation.sent in the outbox", () => {
  const engine = usePgliteEngine();

  async function setUp() {
    const h = await createWebhookHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const { session } = await createSupportSession(h.deps, {
      actor: h.actorOf(kenji),
      ticket: sampleTicket,
      group: { id: "g40211" },
    });
    const invite = async () => {
      const sent = await sendSessionInvitation(
        { ...h.deps, config: h.config, mail: { kind: "outbox" } },
        {
          actor: h.actorOf(kenji),
          sessionId: session.id,
          recipient: { email: "erika@example.org", name: "Erika Mustermann", locale: "ja" },
          requestId: randomUUID(),
        },
      );
      if (sent.joinUrl === undefined) throw new Error("the invitation carried no join address");
      return { invitation: sent.invitation, joinUrl: sent.joinUrl };
    };
    return { h, kenji, session, invite };
  }

  function connectHelpdesk(h: WebhookHarness, writesInvitationReplies: boolean) {
    return saveHelpdeskConnection(
      h.database.db,
      h.deps.vault,
      {
        organisationId: h.organisationId,
        kind: "request-tracker",
        baseUrl: "http://127.0.0.1:1",
        token: "1-7-SecretHelpdeskToken0001",
        sessionField: "TeamViewer session",
        noteLocale: "en",
        writesSessionField: false,
        writesSessionNotes: false,
        writesConnectionNotes: false,
        writesInvitationReplies,
      },
      h.clock.now(),
    );
  }

  const invitationEvents = (h: WebhookHarness) =>
    queryRows<{ payload: Record<string, unknown> }>(
      h.database.db,
      sql`select payload from webhook_events where type = 'invitation.sent'`,
    );
  const keptAddresses = (h: WebhookHarness) =>
    queryRows<{ sealed: string }>(
      h.database.db,
      sql`select helpdesk_join_url_sealed as sealed from session_invitations where helpdesk_join_url_sealed is not null`,
    );

  it("tells a subscribed endpoint who was invited to which ticket, never the join address", async () => {
    const { h, kenji, session, invite } = await setUp();
    await h.addEndpoint("https://hooks.example.com/in", ["invitation.sent"]);
    const { invitation, joinUrl } = await invite();
    const events = await invitationEvents(h);
    expect(events.map((event) => event.payload)).toEqual([
      {
        id: invitation.id,
        supportSessionId: session.id,
        ticket: { externalId: sampleTicket.externalId },
        recipient: { email: "erika@example.org", name: "Erika Mustermann" },
        locale: "ja",
        status: "captured",
        sentAt: h.clock.now().toISOString(),
        sentByUserId: kenji.id,
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(joinUrl.slice(joinUrl.lastIndexOf("/") + 1));
    expect(await keptAddresses(h)).toEqual([]);
  });

  it("keeps no join address and writes nothing to the helpdesk while its replies are off", async () => {
    const { h, invite } = await setUp();
    await connectHelpdesk(h, false);
    await invite();
    await fanOutWebhookEvents(h.database.db, h.clock.now(), 100);
    expect(await invitationEvents(h)).toEqual([]);
    expect(await keptAddresses(h)).toEqual([]);
    const writes = await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 10 });
    expect(writes).toEqual([]);
  });

  it("with replies on, keeps the join address sealed for the helpdesk's write, once per invitation", async () => {
    const { h, invite } = await setUp();
    await connectHelpdesk(h, true);
    const { joinUrl } = await invite();
    await fanOutWebhookEvents(h.database.db, h.clock.now(), 100);
    await fanOutWebhookEvents(h.database.db, h.clock.now(), 100);
    const kept = await keptAddresses(h);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.sealed).not.toContain(joinUrl.slice(joinUrl.lastIndexOf("/") + 1));
    const writes = await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 10 });
    expect(writes.map((write) => write.eventType)).toEqual(["invitation.sent"]);
  });
});
