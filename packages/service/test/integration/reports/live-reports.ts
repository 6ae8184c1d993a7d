/** Support cases played through in the simulator, for the freshness and matching tests. */

import { randomUUID } from "node:crypto";
import { toAuditLogRow } from "../../../src/audit/audit-events.js";
import { insertSupportSession } from "../../../src/db/repositories/support-sessions.js";
import type { User } from "../../../src/db/repositories/users.js";
import { toWebhookEventRow } from "../../../src/events/record-event.js";
import { sessionCreatedEvent } from "../../../src/events/session-events.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { sessionAuditEvent } from "../../../src/sessions/session-audit.js";
import type { ReportHarness } from "./report-harness.js";

/** Opens a session for the ticket through our use case (custom_api = attendant:<correlation>). */
export async function openSessionFor(h: ReportHarness, supporter: User, externalId: string) {
  const { session } = await createSupportSession(h.deps, {
    actor: h.actorOf(supporter),
    ticket: { externalId, title: `Ticket ${externalId}` },
    group: { id: "g40211" },
  });
  return session;
}

/** A session made at TeamViewer by someone else (another tool): we do not know it. */
export async function openForeignSession(h: ReportHarness, customApi: string): Promise<string> {
  const demo = h.simulator.demo();
  const response = await h.simulator.fetch(`${demo.apiBaseUrl}/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${demo.scriptToken}`, "content-type": "application/json" },
    body: JSON.stringify({ groupid: "g40211", custom_api: customApi, assigned_userid: "u7005" }),
  });
  if (!response.ok) throw new Error(`simulator refused the session: ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** Stores a session we did not create, as if adopted, for a ticket; its correlation id is new. */
export async function storeSessionForCode(h: ReportHarness, code: string, externalId: string, user: User) {
  const now = h.clock.now();
  const id = randomUUID();
  const session = {
    id,
    organisationId: h.organisationId,
    createdByUserId: user.id,
    assignedUserId: user.id,
    code,
    endCustomerLink: `https://example.invalid/${code}`,
    supporterLink: null,
    webClientSupporterLink: null,
    state: "open" as const,
    isOnline: false,
    customerWaitingSince: null,
    validUntil: new Date(now.getTime() + 86_400_000),
    description: null,
    waitingMessage: null,
    groupId: null,
    groupName: null,
    correlationId: randomUUID(),
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    lastRefreshedAt: null,
    version: 1,
  };
  const ticket = {
    organisationId: h.organisationId,
    externalId,
    title: externalId,
    url: null,
    requesterName: null,
    requesterEmail: null,
  };
  const stored = await insertSupportSession(h.database.db, h.deps.vault, {
    session,
    ticket,
    auditEntry: toAuditLogRow(
      sessionAuditEvent(h.actorOf(user), {
        action: "support_session.adopted",
        target: { type: "support_session", id },
      }),
      now,
    ),
    webhookEvent: toWebhookEventRow(
      sessionCreatedEvent({ ...session, ticket: { ...ticket, status: "open" } }, now),
    ),
    now,
  });
  return stored.ticket;
}

/** The customer joins, the supporter connects, works `minutes`, and ends the connection. */
export function playConnection(h: ReportHarness, code: string, minutes = 5) {
  h.simulator.admin.customerJoin(code);
  h.simulator.admin.supporterConnect(code);
  h.clock.advance(minutes * 60_000);
  return h.simulator.admin.endConnection(code);
}
