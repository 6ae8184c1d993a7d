import type { ConnectionReport } from "@attendant/teamviewer";
import { describe, expect, it } from "vitest";
import { toConnectionReportValues } from "../../src/reports/report-record.js";

const context = { organisationId: "org", syncAccountId: "account" };

describe("stored report values", () => {
  it("computes the duration from the dates, since TeamViewer sends none", () => {
    const values = toConnectionReportValues(
      { id: "r1", start_date: "2026-03-02T09:20:41Z", end_date: "2026-03-02T09:47:03Z" },
      context,
    );
    expect(values.durationSeconds).toBe(26 * 60 + 22);
  });

  it("turns missing, null, empty and unreadable fields into null and keeps the record raw", () => {
    const record = {
      id: "r2",
      devicename: "",
      groupid: null,
      start_date: "yesterday",
      end_date: "2026-03-02T09:47:03Z",
      support_session_type: "SomethingNew",
      fee: Number.NaN,
      end_customer: null,
      feedback: { session_rating: 4 },
      brand_new_field: { kept: true },
    };
    const values = toConnectionReportValues(record, context);
    expect(values).toMatchObject({
      deviceName: null,
      groupId: null,
      startDate: null,
      durationSeconds: null,
      supportSessionType: null,
      fee: null,
      endCustomerName: null,
      feedbackRating: 4,
      feedbackComment: null,
    });
    expect(values.raw).toEqual(record);
  });

  it("stores the supporter's session_note, and a missing, empty or non-text one as null", () => {
    const noteOf = (session_note: unknown) =>
      toConnectionReportValues({ id: "r4", session_note } as ConnectionReport, context).sessionNote;
    expect(noteOf("Reinstalled the mail profile")).toBe("Reinstalled the mail profile");
    expect(noteOf(undefined)).toBeNull();
    expect(noteOf(null)).toBeNull();
    expect(noteOf("")).toBeNull();
    expect(noteOf(42)).toBeNull();
  });

  it("treats an end before the start as an unknown duration", () => {
    const values = toConnectionReportValues(
      { id: "r3", start_date: "2026-03-02T10:00:00Z", end_date: "2026-03-02T09:00:00Z" },
      context,
    );
    expect(values.durationSeconds).toBeNull();
  });
});
