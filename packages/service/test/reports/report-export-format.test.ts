import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ReportCursor } from "../../src/db/repositories/connection-reports.js";
import { toConnectionExtrasView } from "../../src/reports/connection-extras-view.js";
import { createBatchedExportStream } from "../../src/reports/export-connection-reports.js";
import type { ListedConnectionReport } from "../../src/reports/list-connection-reports.js";
import {
  csvColumnNames,
  exportPreamble,
  formatExportLine,
  toCsvField,
} from "../../src/reports/report-export-format.js";

function sampleReport(
  index: number,
  overrides: Partial<ListedConnectionReport> = {},
): ListedConnectionReport {
  const end = new Date(Date.UTC(2026, 2, 2, 12, 0, 0) - index * 60_000);
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    teamViewerReportId: `tv-${index}`,
    supporter: { teamViewerUserId: "u1", name: "Kenji Sato" },
    device: { id: "d1", name: "PC-01" },
    group: { id: "g1", name: "Helpdesk" },
    supportSessionType: 2,
    startDate: new Date(end.getTime() - 450_000),
    endDate: end,
    durationSeconds: 450,
    fee: null,
    currency: null,
    billingState: "Bill",
    notes: null,
    sessionCode: "s123-456-789",
    endCustomer: { name: "Erika Mustermann", email: "erika@example.org" },
    feedback: { rating: 5, comment: null },
    sessionNote: null,
    extras: toConnectionExtrasView(null),
    match: { supportSessionId: null, ticketId: null, by: null, at: null },
    firstSeenAt: end,
    lastSeenAt: end,
    writeBackPending: null,
    ticket: { externalId: "4711", title: "Outlook" },
    billableMinutes: 8,
    ...overrides,
  };
}

describe("CSV export format", () => {
  it("starts with a UTF-8 byte order mark and the header line", () => {
    const preamble = exportPreamble("csv");
    expect(preamble.charCodeAt(0)).toBe(0xfeff);
    expect(preamble.slice(1)).toBe(`${csvColumnNames.join(",")}\r\n`);
    expect(csvColumnNames).toContain("billable_minutes");
    expect(exportPreamble("jsonl")).toBe("");
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180) and keeps Japanese and German text", () => {
    const notes = 'Drucker "HP", Büro 3\r\n再起動しました';
    const line = formatExportLine("csv", sampleReport(1, { notes }));
    expect(line.endsWith("\r\n")).toBe(true);
    const [fields] = parseCsv(line);
    expect(fields?.[csvColumnNames.indexOf("notes")]).toBe(notes);
    expect(fields).toHaveLength(csvColumnNames.length);
    expect(fields?.[csvColumnNames.indexOf("billable_minutes")]).toBe("8");
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    for (const dangerous of ['=HYPERLINK("x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(toCsvField({ text: dangerous }).replace(/^"/, "")).toMatch(/^'/);
    }
    const [fields] = parseCsv(formatExportLine("csv", sampleReport(1, { notes: "=1+2" })));
    expect(fields?.[csvColumnNames.indexOf("notes")]).toBe("'=1+2");
    // Our own numbers are not text and stay numbers, negative or not.
    expect(toCsvField({ value: -5 })).toBe("-5");
    expect(toCsvField({ text: "harmless" })).toBe("harmless");
    expect(toCsvField({ text: null })).toBe("");
  });

  it("adds the supporter's session note as session_note after the older columns, neutralised like other text", () => {
    const column = csvColumnNames.indexOf("session_note");
    expect(column).toBeGreaterThan(csvColumnNames.indexOf("matched_by"));
    const [fields] = parseCsv(
      formatExportLine("csv", sampleReport(1, { sessionNote: "=cmd|' /C calc'!A0" })),
    );
    expect(fields?.[column]).toBe("'=cmd|' /C calc'!A0");
    const [empty] = parseCsv(formatExportLine("csv", sampleReport(2)));
    expect(empty?.[column]).toBe("");
    expect(
      JSON.parse(formatExportLine("jsonl", sampleReport(3, { sessionNote: "VPN reset" }))),
    ).toMatchObject({
      sessionNote: "VPN reset",
    });
  });

  it("writes one JSON object per line with the API's camelCase names and the billable minutes", () => {
    const line = formatExportLine("jsonl", sampleReport(1, { notes: "a\nb" }));
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({
      teamViewerReportId: "tv-1",
      billableMinutes: 8,
      notes: "a\nb",
      ticket: { externalId: "4711" },
    });
  });
});

describe("the batched export stream", () => {
  /** A source of `total` reports that counts what it handed out, newest first by position. */
  function countingSource(total: number) {
    const stats = { calls: 0, handedOut: 0, largestBatch: 0 };
    const fetchBatch = async (after: ReportCursor | undefined, limit: number) => {
      stats.calls += 1;
      const start = after === undefined ? 0 : Number(after.id.slice(-12)) + 1;
      const batch = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, offset) =>
        sampleReport(start + offset),
      );
      stats.handedOut += batch.length;
      stats.largestBatch = Math.max(stats.largestBatch, batch.length);
      return batch;
    };
    return { stats, fetchBatch };
  }

  it("exports 20,000 reports in batches, reading a batch only when the reader wants more", async () => {
    const { stats, fetchBatch } = countingSource(20_000);
    const stream = createBatchedExportStream({ format: "csv", batchSize: 500, fetchBatch });
    const reader = stream.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let chunks = 0;
    let lines = 0;
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      // Never more than the chunk being read plus one queued ahead: memory does not grow with the export.
      expect(stats.handedOut).toBeLessThanOrEqual((chunks + 1) * 500);
      const chunk = decoder.decode(value, { stream: true });
      lines += chunk.split("\r\n").length - 1;
      if (chunks === 1) text = chunk;
    }
    expect(lines).toBe(20_001);
    expect(chunks).toBe(40);
    expect(stats.largestBatch).toBe(500);
    // 40 full batches, then one that finds nothing more.
    expect(stats.calls).toBe(41);
    expect(text.startsWith("\uFEFFid,")).toBe(true);
  });

  it("stops reading when the reader cancels the download", async () => {
    const { stats, fetchBatch } = countingSource(20_000);
    const reader = createBatchedExportStream({ format: "jsonl", batchSize: 100, fetchBatch }).getReader();
    await reader.read();
    await reader.cancel();
    expect(stats.calls).toBeLessThanOrEqual(2);
  });

  it("writes only the header for an empty export", async () => {
    const stream = createBatchedExportStream({ format: "csv", batchSize: 10, fetchBatch: async () => [] });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(`${csvColumnNames.join(",")}\r\n`);
  });
});
