import { encodeText, JsonBytes } from "../wire/json-bytes.js";
import { type AbsentFields, presentReport } from "./connection-report.js";
import type { ReportPage } from "./report-store.js";
import type { SeededReportBatch } from "./seeded-report-batch.js";

/**
 * The body of `GET /reports/connections` (docs/teamviewer-api.md §4) as UTF-8 bytes:
 * `{"records":[…],"records_remaining":N[,"next_offset":"…"]}`. Seeded rows are written straight
 * from the seed; record objects go through `JSON.stringify` like every other answer.
 */

const OPEN = encodeText('{"records":[');
const REMAINING = encodeText('],"records_remaining":');
const NEXT_OFFSET = encodeText(',"next_offset":');
const COMMA = 44;
const CLOSE = 125;
/** A seeded record is about 500 bytes; reserving a little more avoids regrowing the buffer. */
const BYTES_PER_RECORD = 640;

export function writeReportPage(
  page: ReportPage,
  batch: SeededReportBatch | undefined,
  absentFields: AbsentFields,
): Uint8Array<ArrayBuffer> {
  const out = new JsonBytes(page.rows.length * BYTES_PER_RECORD + 128);
  out.bytes(OPEN);
  for (let position = 0; position < page.rows.length; position++) {
    const row = page.rows[position];
    if (position > 0) out.byte(COMMA);
    if (typeof row === "number") {
      if (!batch) throw new Error("A seeded row without a seeded batch.");
      batch.writeJson(out, row, absentFields);
    } else if (row !== undefined) {
      out.text(JSON.stringify(presentReport(row, absentFields)));
    }
  }
  out.bytes(REMAINING).uint(page.remaining);
  if (page.nextOffset !== undefined) out.bytes(NEXT_OFFSET).text(JSON.stringify(page.nextOffset));
  return out.byte(CLOSE).finish();
}
