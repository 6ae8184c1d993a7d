import { beforeAll, describe, expect, it } from "vitest";
import { defaultExportBatchSize } from "../../../src/reports/export-connection-reports.js";
import { usePgliteEngine } from "../../support/engines.js";
import { seedManyReports } from "./report-fixtures.js";
import { createViewsHarness, type ViewsHarness } from "./views-harness.js";

const count = 20_000;

/** Reads a streamed body chunk by chunk, as a client downloading it would. */
async function readChunks(
  response: Response,
): Promise<{ chunks: number; largestChunk: number; text: string }> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error("no body");
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let chunks = 0;
  let largestChunk = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks += 1;
    largestChunk = Math.max(largestChunk, value.byteLength);
    text += decoder.decode(value, { stream: true });
  }
  return { chunks, largestChunk, text };
}

describe("exporting 20,000 connection reports", () => {
  const engine = usePgliteEngine();
  let h: ViewsHarness;
  let key: string;

  beforeAll(async () => {
    h = await createViewsHarness(engine);
    await seedManyReports(h.database.db, h.organisationId, count);
    key = await h.createKey(null, ["reports:read"]);
  });

  it("streams the CSV in one chunk per database batch, never the whole file at once", async () => {
    const response = await h.api("GET", "/api/v1/reports/connections/export?format=csv", { key });
    expect(response.status).toBe(200);
    const { chunks, largestChunk, text } = await readChunks(response);
    // One chunk per batch of 500 rows: memory holds a batch, not the export.
    expect(chunks).toBe(count / defaultExportBatchSize);
    expect(largestChunk).toBeLessThan(text.length / 20);
    expect(text.startsWith("\uFEFFid,teamviewer_report_id,")).toBe(true);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(count + 1);
    // Newest first; German and Japanese text intact; 61 s bill 2 minutes.
    expect(lines[1]).toContain("bulk-20000");
    expect(lines[1]).toContain("Notiz für Kunde 20000");
    expect(lines[1]).toContain("Müller 株式会社");
    expect(lines[1]).toContain(",61,2,Bill,");
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(count);
  });

  it("streams filtered JSON Lines the same way, one report per line", async () => {
    // Report n starts n minutes after 2026-01-01: from 2026-01-13 leaves n = 17280..20000.
    const response = await h.api("GET", "/api/v1/reports/connections/export?format=jsonl&from=2026-01-13", {
      key,
    });
    const { chunks, text } = await readChunks(response);
    const expected = count - 17_280 + 1;
    expect(chunks).toBe(Math.ceil(expected / defaultExportBatchSize));
    const lines = text.split("\n").filter(Boolean);
    expect(lines).toHaveLength(expected);
    expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({
      teamViewerReportId: "bulk-17280",
      billableMinutes: 2,
      endCustomer: { name: "Müller 株式会社" },
    });
  });
});
