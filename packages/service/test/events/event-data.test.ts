import { describe, expect, it } from "vitest";
import type { StoredConnectionReport } from "../../src/db/repositories/connection-reports.js";
import { connectionEventData, sessionEventData } from "../../src/events/event-data.js";
import { toConnectionReportValues } from "../../src/reports/report-record.js";
import type { SessionViewSource } from "../../src/sessions/support-session-view.js";

function storedReport(record: Record<string, unknown>): StoredConnectionReport {
  const values = toConnectionReportValues(
    { id: "8d1e4c3a", ...record },
    { organisationId: "org", syncAccountId: null },
  );
  const seen = new Date("2026-03-02T10:00:00Z");
  return {
    ...values,
    id: "0b9f",
    syncAccountId: null,
    supportSessionId: null,
    ticketId: null,
    matchedBy: null,
    matchedAt: null,
    firstSeenAt: seen,
    lastSeenAt: seen,
  } as StoredConnectionReport;
}

describe("connection webhook payloads", () => {
  it("hand the helpdesk the supporter's session note next to the report's notes", () => {
    const data = connectionEventData(
      storedReport({ notes: "Invoice 31", session_note: "Reinstalled the printer driver" }),
      { externalId: "4711" },
    );
    expect(data).toMatchObject({ notes: "Invoice 31", sessionNote: "Reinstalled the printer driver" });
    expect(connectionEventData(storedReport({}), undefined)).toMatchObject({ sessionNote: null });
  });
});

describe("session webhook payloads", () => {
  it("carry no join address: its token is a credential kept only as a hash, and the outbox stores payloads as they are", () => {
    const created = new Date("2026-03-02T09:00:00Z");
    const session = {
      id: "5b1f0c7e-2d4a-4c8e-9f3b-1a2b3c4d5e6f",
      organisationId: "org",
      ticket: { externalId: "4711", title: "Outlook", url: null, status: "open" },
      code: "s123-456-789",
      endCustomerLink: "https://get.teamviewer.com/s123456789",
      state: "open",
      isOnline: false,
      validUntil: new Date("2026-03-03T09:00:00Z"),
      description: null,
      waitingMessage: null,
      groupId: "g1",
      groupName: "Helpdesk",
      createdByUserId: null,
      assignedUserId: null,
      correlationId: "c-1",
      createdAt: created,
      closedAt: null,
      lastRefreshedAt: null,
      updatedAt: created,
      version: 1,
    } as unknown as SessionViewSource;
    const data = sessionEventData(session, created);
    expect(data).toMatchObject({
      id: session.id,
      endCustomerLink: session.endCustomerLink,
      status: "waiting",
    });
    expect(Object.keys(data)).not.toContain("joinUrl");
    expect(JSON.stringify(data)).not.toContain("/join/");
  });
});
