/**
 * The public reply on the run's real Request Tracker when an invitation is sent (issue 22): it
 * lands on the ticket as a Correspond transaction carrying only the join page's address, RT
 * mails it to the requester (its mbox stand-in for sendmail), and it is written once however
 * often the write is sent again or an attempt dies after RT took it. Asserted on RT's own API
 * and mailbox.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessionFieldName } from "../../../../scripts/support/request-tracker.js";
import { claimDueHelpdeskWrites, listHelpdeskWrites } from "../../src/db/repositories/helpdesk-writes.js";
import type { User } from "../../src/db/repositories/users.js";
import { connectorFor } from "../../src/helpdesks/connectors.js";
import { resendHelpdeskWrite } from "../../src/helpdesks/helpdesk-write-history.js";
import { createHelpdeskWriter, type HelpdeskWriteResult } from "../../src/helpdesks/helpdesk-writer.js";
import { saveOrganisationHelpdeskTemplate } from "../../src/helpdesks/templates/helpdesk-templates.js";
import { markerFor } from "../../src/helpdesks/write-back/plan-helpdesk-write.js";
import { sendSessionInvitation } from "../../src/invitations/send-invitation.js";
import { createWebhookDispatcher } from "../../src/webhooks/webhook-dispatcher.js";
import { openSessionFor } from "../integration/reports/live-reports.js";
import { createReportHarness, type ReportHarness } from "../integration/reports/report-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { queryRows } from "../support/query-rows.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("the public reply with the join address, on a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  async function setUp() {
    const h = await createReportHarness(engine);
    await h.saveScriptToken();
    const admin = await h.addUser("admin");
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await connectRequestTracker(
      h.deps,
      admin,
      { url: api.server.url, token: api.server.token },
      { writesSessionField: false, writesConnectionNotes: false, writesInvitationReplies: true },
    );
    const dispatcher = createWebhookDispatcher({ deps: h.deps, instanceId: "dispatcher" });
    const writer = createHelpdeskWriter({ deps: h.deps, instanceId: "writer" });
    /** Fans the outbox out, then lets the writer work until nothing is due (one write per ticket a tick). */
    const deliver = async () => {
      await dispatcher.tick();
      const total: Record<HelpdeskWriteResult, number> = {
        done: 0,
        retrying: 0,
        failed: 0,
        stopped: 0,
        "lease-lost": 0,
      };
      for (;;) {
        const tick = await writer.tick();
        for (const [result, count] of Object.entries(tick)) total[result as HelpdeskWriteResult] += count;
        if (Object.values(tick).every((count) => count === 0)) return total;
      }
    };
    return { h, admin, kenji, deliver };
  }

  /** Sends an invitation as the supporter would from the session page (demo outbox delivery). */
  async function invite(h: ReportHarness, supporter: User, sessionId: string, email: string) {
    // A moment after what came before, so the ticket's writes have a clear order.
    h.clock.advance(1_000);
    const sent = await sendSessionInvitation(
      { ...h.deps, mail: { kind: "outbox" } },
      {
        actor: h.actorOf(supporter),
        sessionId,
        recipient: { email, name: "Erika Mustermann", locale: "de" },
        requestId: randomUUID(),
      },
    );
    if (sent.joinUrl === undefined) throw new Error("the invitation carried no join address");
    return sent.joinUrl;
  }

  const repliesMailedTo = (requester: string) =>
    api.mailsTo(requester).filter((mail) => mail.subject.includes("[Attendant "));

  async function keptJoinAddresses(h: ReportHarness) {
    return queryRows(
      h.database.db,
      sql`select id from session_invitations where helpdesk_join_url_sealed is not null`,
    );
  }

  it("replies on the ticket with only the join page's address, which RT mails to the requester, once however often it is written again", async () => {
    const { h, admin, kenji, deliver } = await setUp();
    const requester = "erika.invitation-reply@example.org";
    const ticketId = await api.createTicket({ subject: "Scanner geht nicht", requestor: requester });
    const session = await openSessionFor(h, kenji, ticketId);
    const joinUrl = await invite(h, kenji, session.id, requester);
    expect(await keptJoinAddresses(h)).toHaveLength(1);

    expect(await deliver()).toMatchObject({ done: 2, failed: 0, stopped: 0 });
    const replies = await api.replies(ticketId);
    expect(replies).toEqual([
      {
        subject: expect.stringMatching(/^Ihre Fernwartungssitzung \[Attendant [0-9a-f-]{36}\]$/),
        text: `Um an der Fernwartungssitzung teilzunehmen, öffnen Sie diese Seite:\n${joinUrl}`,
      },
    ]);
    // RT also mails its own acknowledgement of the new ticket; ours carry the write's marker.
    const mails = repliesMailedTo(requester);
    expect(mails).toHaveLength(1);
    const mailed = `${mails[0]?.text}${mails[0]?.html}`;
    expect(mailed).toContain(joinUrl);
    expect(mailed).not.toContain(session.code);
    expect(mailed).not.toMatch(/teamviewer/i);
    expect(await api.comments(ticketId)).toEqual([]);
    // The address was kept only until the reply was on the ticket.
    expect(await keptJoinAddresses(h)).toEqual([]);

    const [reply] = (
      await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 10 })
    ).filter((write) => write.eventType === "invitation.sent");
    if (reply === undefined) throw new Error("the invitation reached no helpdesk write");
    await resendHelpdeskWrite(h.deps, { actor: h.actorOf(admin), writeId: reply.id });
    expect(await deliver()).toMatchObject({ done: 1 });
    await deliver();
    expect(await api.replies(ticketId)).toHaveLength(1);
    expect(repliesMailedTo(requester)).toHaveLength(1);
    const [again] = await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 1 });
    expect(again?.outcome).toContain("public reply found from an earlier attempt");
  });

  it("finds the reply an attempt wrote before it crashed, and records it instead of replying again", async () => {
    const { h, kenji, deliver } = await setUp();
    const requester = "jonas.invitation-reply@example.org";
    const ticketId = await api.createTicket({ subject: "Crash after the reply", requestor: requester });
    const session = await openSessionFor(h, kenji, ticketId);
    const joinUrl = await invite(h, kenji, session.id, requester);
    const dispatcher = createWebhookDispatcher({ deps: h.deps, instanceId: "fan-out" });
    await dispatcher.tick();
    // The session's own write first (nothing to write), so the invitation's is next for the ticket.
    expect(await createHelpdeskWriter({ deps: h.deps, instanceId: "first" }).tick()).toMatchObject({
      done: 1,
    });
    const [write] = await claimDueHelpdeskWrites(h.database.db, {
      holder: "crashed",
      now: h.clock.now(),
      lockedUntil: new Date(h.clock.now().getTime() + 300_000),
      limit: 1,
    });
    if (write?.eventType !== "invitation.sent") throw new Error("the invitation's write was not due");
    await connectorFor({
      kind: "request-tracker",
      baseUrl: api.server.url,
      token: api.server.token,
      sessionField: sessionFieldName,
    }).addReply(ticketId, {
      marker: markerFor(write.id),
      subject: "Sent by the crashed attempt",
      text: joinUrl,
    });

    expect(await deliver()).toMatchObject({ done: 0 });
    h.clock.advance(300_001);
    expect(await deliver()).toMatchObject({ done: 1 });
    expect(await api.replies(ticketId)).toHaveLength(1);
    expect(repliesMailedTo(requester)).toHaveLength(1);
    const [recorded] = await listHelpdeskWrites(h.database.db, {
      organisationId: h.organisationId,
      limit: 1,
    });
    expect(recorded?.outcome).toContain("found from an earlier attempt");
  });

  it("never replies with a join address a later invitation replaced, and replies with the current one", async () => {
    const { h, kenji, deliver } = await setUp();
    const requester = "mika.invitation-reply@example.org";
    const ticketId = await api.createTicket({ subject: "Zwei Einladungen", requestor: requester });
    const session = await openSessionFor(h, kenji, ticketId);
    const replaced = await invite(h, kenji, session.id, requester);
    const current = await invite(h, kenji, session.id, requester);

    expect(await deliver()).toMatchObject({ done: 2, stopped: 1, failed: 0 });
    const replies = await api.replies(ticketId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(current);
    expect(replies[0]?.text).not.toContain(replaced);
    const writes = await listHelpdeskWrites(h.database.db, { organisationId: h.organisationId, limit: 10 });
    expect(writes.find((write) => write.state === "stopped")?.outcome).toBe(
      "Stopped: a later invitation or copied address replaced this join address, which no longer works; the customer is not sent it.",
    );
    expect(await keptJoinAddresses(h)).toEqual([]);
  });

  it("replies in the organisation's own wording for the invitation's language", async () => {
    const { h, admin, kenji, deliver } = await setUp();
    const saved = await saveOrganisationHelpdeskTemplate(h.deps, {
      actor: h.actorOf(admin),
      event: "invitation.sent",
      locale: "de",
      template: { subject: "Fernhilfe von Contoso", body: "Hallo! Bitte öffnen Sie {joinUrl}\nIhr Support" },
    });
    expect(saved).toEqual({ kind: "saved" });
    const requester = "lea.invitation-reply@example.org";
    const ticketId = await api.createTicket({ subject: "Eigener Wortlaut", requestor: requester });
    const session = await openSessionFor(h, kenji, ticketId);
    const joinUrl = await invite(h, kenji, session.id, requester);

    expect(await deliver()).toMatchObject({ done: 2, failed: 0, stopped: 0 });
    expect(await api.replies(ticketId)).toEqual([
      {
        subject: expect.stringMatching(/^Fernhilfe von Contoso \[Attendant [0-9a-f-]{36}\]$/),
        text: `Hallo! Bitte öffnen Sie ${joinUrl}\nIhr Support`,
      },
    ]);
  });
});
