import { describe, expect, it } from "vitest";
import type { StoredConnectionReport } from "../../src/db/repositories/connection-reports.js";
import { toConnectionReportValues } from "../../src/reports/report-record.js";
import { connectionEventData } from "../../src/webhooks/webhook-event-data.js";

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
