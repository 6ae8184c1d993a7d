import { describe, expect, it } from "vitest";
import { presentReport } from "../src/reports/connection-report.js";
import { writeReportPage } from "../src/reports/report-page-json.js";
import { SeededReportBatch } from "../src/reports/seeded-report-batch.js";
import { formatWireDate, writeWireDate } from "../src/wire/dates.js";
import { JsonBytes } from "../src/wire/json-bytes.js";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function createBatch(count: number) {
  return new SeededReportBatch({
    seed: 42,
    count,
    companyId: "c1",
    // Names that need escaping and more than one UTF-8 byte: fragments must encode them once, correctly.
    users: [
      { userid: "u7005", name: 'Kenji "KS" Satō' },
      { userid: "u7006", name: "Ana\\Lima" },
    ],
    groups: [{ id: "g40211", name: "Helpdesk ✓" }],
    newestEndMs: Date.UTC(2026, 2, 2, 9),
  });
}

describe("seeded reports written as JSON bytes", () => {
  for (const absentFields of ["missing", "null"] as const) {
    it(`parse to exactly the presented record object, absent fields ${absentFields}`, () => {
      const batch = createBatch(3000);
      for (let index = 0; index < batch.count; index += 7) {
        const out = new JsonBytes(16);
        batch.writeJson(out, index, absentFields);

        expect(JSON.parse(decode(out.finish()))).toEqual(
          presentReport(batch.record(index, undefined), absentFields),
        );
      }
    });
  }

  it("write a page body with records_remaining and next_offset, mixing seeded rows and record objects", () => {
    const batch = createBatch(10);
    const edited = batch.record(4, { notes: "Invoice 7", billing_state: "Billed" });

    const body = JSON.parse(
      decode(
        writeReportPage({ rows: [9, edited, 3], remaining: 2, nextOffset: batch.id(3) }, batch, "missing"),
      ),
    );

    expect(body).toEqual({
      records: [batch.record(9, undefined), edited, batch.record(3, undefined)],
      records_remaining: 2,
      next_offset: batch.id(3),
    });
  });

  it("leave next_offset out on the last page", () => {
    const batch = createBatch(3);

    const body = JSON.parse(
      decode(writeReportPage({ rows: [2], remaining: 0, nextOffset: undefined }, batch, "null")),
    );

    expect(Object.keys(body)).toEqual(["records", "records_remaining"]);
  });

  it("make ids that decode to their index again", () => {
    const batch = createBatch(5000);
    for (const index of [0, 1, 777, 4999]) expect(batch.indexOfId(batch.id(index))).toBe(index);
  });
});

describe("JsonBytes", () => {
  it("writes numbers exactly as JSON.stringify does", () => {
    for (const value of [0, 7, 10, 99, 1_000_000, 12.5, 0.1, 89.99, -3]) {
      expect(decode(new JsonBytes(1).number(value).finish())).toBe(JSON.stringify(value));
    }
  });

  it("grows past its first size and keeps what was written", () => {
    const out = new JsonBytes(1);
    for (let index = 0; index < 500; index++)
      out.text("é").byte(44).fixedDigits(index, 3).hexDigits(0xabcdef12, 6, 2);

    expect(decode(out.finish())).toBe(
      Array.from({ length: 500 }, (_, index) => `é,${String(index).padStart(3, "0")}12`).join(""),
    );
  });
});

describe("wire dates as bytes", () => {
  it("match the ISO form (and formatWireDate) across day, month, year and leap-day boundaries, in any order", () => {
    const instants = [
      0, 951_782_399, 951_782_400, 1_709_164_800, 1_772_441_999, 4_102_444_799, 86_399, 86_400,
    ];
    for (const epochSec of [...instants, ...instants.reverse()]) {
      const out = new JsonBytes(4);
      writeWireDate(out, epochSec);

      const iso = `${new Date(epochSec * 1000).toISOString().slice(0, 19)}Z`;
      expect(decode(out.finish())).toBe(iso);
      expect(formatWireDate(epochSec * 1000)).toBe(iso);
    }
  });
});
