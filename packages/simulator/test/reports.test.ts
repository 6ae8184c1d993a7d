import { beforeAll, describe, expect, it } from "vitest";
import type { ConnectionReport, Simulator } from "../src/index.js";
import type { ReportDateFilter } from "../src/reports/report-query.js";
import {
  call,
  createSession,
  expectApiError,
  SCRIPT_TOKEN,
  SESSION_CODE,
  startSimulator,
  UUID,
  userToken,
  WIRE_DATE,
} from "./support.js";

/** Read as the wire sends it; the simulator's own type only names the fields. */
type WireReport = ConnectionReport & Record<string, unknown>;

const REQUIRED_KEYS = [
  "id",
  "userid",
  "username",
  "deviceid",
  "support_session_type",
  "start_date",
  "end_date",
].concat(["fee", "currency", "billing_state", "notes", "contact_id"]);
const OPTIONAL_KEYS = [
  "devicename",
  "groupid",
  "groupname",
  "session_code",
  "session_created_at",
  "valid_until",
].concat(["assigned_userid", "assigned_at", "custom_api", "end_customer", "feedback"]);

async function fetchAll(sim: Simulator, query = "", token: string = SCRIPT_TOKEN) {
  const records: WireReport[] = [];
  const pages: { size: number; remaining: number; hasNext: boolean }[] = [];
  let offset: string | undefined;
  do {
    const separator = query ? "&" : "";
    const path = `/api/v1/reports/connections?${query}${offset ? `${separator}offset_id=${offset}` : ""}`;
    const answer = await call(sim, "GET", path, { token });
    expect(answer.status).toBe(200);
    records.push(...answer.body.records);
    pages.push({
      size: answer.body.records.length,
      remaining: answer.body.records_remaining,
      hasNext: "next_offset" in answer.body,
    });
    offset = answer.body.next_offset;
    if (offset !== undefined) expect(offset).toBe(answer.body.records.at(-1).id);
  } while (offset);
  return { records, pages };
}

/** One live report written through the simulated apps, ending at `endAt`. */
async function writeLiveReport(sim: Simulator, startAt: string, endAt: string) {
  sim.admin.setClock(startAt);
  const session = await createSession(sim, SCRIPT_TOKEN, { custom_api: "attendant:live" });
  sim.admin.customerJoin(session.code, { deviceName: "LIVE-PC" });
  sim.admin.supporterConnect(session.code);
  sim.admin.setClock(endAt);
  return sim.admin.endConnection(session.code);
}

describe("GET /reports/connections over a seeded store (docs/teamviewer-api.md §4)", () => {
  const sim = startSimulator();
  let all: WireReport[] = [];

  beforeAll(async () => {
    sim.admin.seedReports({ count: 2400 });
    const seededWalk = await fetchAll(sim);
    // A live report in the middle of the seeded history, to page across both sources.
    const middle = seededWalk.records[1200];
    if (!middle) throw new Error("seeding failed");
    await writeLiveReport(
      sim,
      new Date(Date.parse(middle.end_date) - 600_000).toISOString(),
      middle.end_date,
    );
    sim.admin.setClock("2026-03-02T09:00:00Z");
    all = (await fetchAll(sim)).records;
  });

  it("pages 1000 at a time with records_remaining, and no next_offset on the last page", async () => {
    const { pages } = await fetchAll(sim);
    expect(pages).toEqual([
      { size: 1000, remaining: 1401, hasNext: true },
      { size: 1000, remaining: 401, hasNext: true },
      { size: 401, remaining: 0, hasNext: false },
    ]);
  });

  it("orders newest end_date first without repeating or skipping a record", () => {
    expect(all).toHaveLength(2401);
    expect(new Set(all.map((record) => record.id)).size).toBe(2401);
    const ends = all.map((record) => record.end_date);
    expect([...ends].sort().reverse()).toEqual(ends);
    expect(all.some((record) => record.custom_api === "attendant:live")).toBe(true);
  });

  it("sends the spec's record shape", () => {
    const allowedKeys = new Set(REQUIRED_KEYS.concat(OPTIONAL_KEYS));
    const problems = all.flatMap((record) => {
      const found: string[] = [];
      for (const key of REQUIRED_KEYS) if (!(key in record)) found.push(`${record.id} lacks ${key}`);
      for (const key of Object.keys(record)) if (!allowedKeys.has(key)) found.push(`${record.id} has ${key}`);
      const checks: [boolean, string][] = [
        [UUID.test(record.id), "id"],
        [/^u\d+$/.test(record.userid), "userid"],
        [/^\d+$/.test(record.deviceid), "deviceid"],
        [WIRE_DATE.test(record.start_date) && WIRE_DATE.test(record.end_date), "dates"],
        [record.start_date <= record.end_date, "start after end"],
        [["Bill", "Billed", "DoNotBill"].includes(String(record.billing_state)), "billing_state"],
        [[1, 2, 3].includes(record.support_session_type), "support_session_type"],
        [record.session_code === undefined || SESSION_CODE.test(record.session_code), "session_code"],
        [record.session_code === undefined || record.support_session_type === 2, "code connection type"],
      ];
      for (const [isFine, what] of checks) if (!isFine) found.push(`${record.id}: ${what}`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  const sample = () =>
    all.find((record) => record.session_code && record.devicename && record.groupid) as WireReport;
  const filters: [string, () => string, (record: WireReport) => boolean][] = [
    ["userid", () => "userid=u7006", (record) => record.userid === "u7006"],
    ["username", () => "username=kenji%20sato", (record) => record.username === "Kenji Sato"],
    ["groupid", () => "groupid=g40211", (record) => record.groupid === "g40211"],
    ["groupid=0", () => "groupid=0", (record) => record.groupid === undefined],
    [
      "devicename",
      () => `devicename=${sample().devicename}`,
      (record) => record.devicename === sample().devicename,
    ],
    [
      "devicename=unnamed_device",
      () => "devicename=unnamed_device",
      (record) => record.devicename === undefined,
    ],
    ["deviceid", () => `deviceid=${sample().deviceid}`, (record) => record.deviceid === sample().deviceid],
    ["has_code=True", () => "has_code=True", (record) => record.session_code !== undefined],
    ["has_code=false", () => "has_code=false", (record) => record.session_code === undefined],
    [
      "session_code",
      () => `session_code=${sample().session_code}`,
      (record) => record.session_code === sample().session_code,
    ],
    ["support_session_type=1", () => "support_session_type=1", (record) => record.support_session_type === 1],
    [
      "support_session_type by name",
      () => "support_session_type=RemoteSupportActiveSdk",
      (record) => record.support_session_type === 3,
    ],
    [
      "from_date (inclusive, on start_date)",
      () => `from_date=${all[700]?.start_date}`,
      (record) => record.start_date >= (all[700]?.start_date ?? ""),
    ],
    [
      "to_date (exclusive, on end_date)",
      () => `to_date=${all[700]?.end_date}`,
      (record) => record.end_date < (all[700]?.end_date ?? ""),
    ],
    [
      "a date-only window",
      () => "from_date=2025-06-01&to_date=2025-07-01",
      (record) => record.start_date >= "2025-06-01" && record.end_date < "2025-07-01",
    ],
    [
      "combined filters",
      () => "userid=u7005&has_code=true&groupid=g40212",
      (record) =>
        record.userid === "u7005" && record.session_code !== undefined && record.groupid === "g40212",
    ],
  ];

  it.each(filters)("filters by %s", async (_, query, predicate) => {
    const expected = all.filter(predicate).map((record) => record.id);
    expect(expected.length).toBeGreaterThan(0);
    const { records } = await fetchAll(sim, query());
    expect(records.map((record) => record.id)).toEqual(expected);
  });

  it.each([
    ["userid=7005"],
    ["groupid=x"],
    ["deviceid=abc"],
    ["has_code=maybe"],
    ["session_code=s1"],
    ["support_session_type=9"],
    ["from_date=yesterday"],
    ["to_date=2026-13-45T99"],
    ["offset_id=not-a-uuid"],
    ["offset_id=6f1c2b7e-41a9-4d8e-9a55-0c8f3e2d1b77"],
  ])("answers 400 invalid_request for %s", async (query) => {
    expectApiError(
      await call(sim, "GET", `/api/v1/reports/connections?${query}`, { token: SCRIPT_TOKEN }),
      400,
      "invalid_request",
    );
  });

  it("shows a user token only its own connections", async () => {
    const token = userToken(sim, "u7006");
    const { records } = await fetchAll(sim, "", token);
    expect(records.map((record) => record.id)).toEqual(
      all.filter((record) => record.userid === "u7006").map((r) => r.id),
    );
    expect((await fetchAll(sim, "userid=u7005", token)).records).toEqual([]);
  });

  it("never shows another company's reports", async () => {
    expect((await fetchAll(sim, "", userToken(sim, "u8001"))).records).toEqual([]);
  });
});

describe("one connection report (docs/teamviewer-api.md §4)", () => {
  async function seeded() {
    const sim = startSimulator({ historicalReports: 50 });
    const { body } = await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN });
    return { sim, record: body.records[10] as WireReport };
  }

  it("retrieves a record by id, case-insensitively", async () => {
    const { sim, record } = await seeded();
    const answer = await call(sim, "GET", `/api/v1/reports/connections/${record.id.toUpperCase()}`, {
      token: SCRIPT_TOKEN,
    });
    expect(answer.body).toEqual(record);
    expectApiError(
      await call(sim, "GET", "/api/v1/reports/connections/6f1c2b7e-41a9-4d8e-9a55-0c8f3e2d1b77", {
        token: SCRIPT_TOKEN,
      }),
      404,
      "not_found",
    );
  });

  it("changes notes and billing_state with 204, and nothing else", async () => {
    const { sim, record } = await seeded();
    const path = `/api/v1/reports/connections/${record.id}`;
    const update = await call(sim, "PUT", path, {
      token: SCRIPT_TOKEN,
      json: { notes: "Invoiced", billing_state: "Billed" },
    });
    expect([update.status, update.text]).toEqual([204, ""]);
    const after = (await call(sim, "GET", path, { token: SCRIPT_TOKEN })).body;
    expect(after).toEqual({ ...record, notes: "Invoiced", billing_state: "Billed" });
    const listed = await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN });
    expect(listed.body.records[10]).toEqual(after);
    expectApiError(
      await call(sim, "PUT", path, { token: SCRIPT_TOKEN, json: { fee: 3 } }),
      400,
      "invalid_request",
    );
    expectApiError(
      await call(sim, "PUT", path, { token: SCRIPT_TOKEN, json: { billing_state: "Free" } }),
      400,
      "invalid_request",
    );
  });

  it("deletes with 204, after which the record is gone from retrieval and lists", async () => {
    const { sim, record } = await seeded();
    const path = `/api/v1/reports/connections/${record.id}`;
    expect((await call(sim, "DELETE", path, { token: SCRIPT_TOKEN })).status).toBe(204);
    expectApiError(await call(sim, "GET", path, { token: SCRIPT_TOKEN }), 404, "not_found");
    const listed = await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN });
    expect(listed.body.records).toHaveLength(49);
    expect(listed.body.records.map((r: WireReport) => r.id)).not.toContain(record.id);
    // The deleted row still works as a paging cursor.
    const after = await call(sim, "GET", `/api/v1/reports/connections?offset_id=${record.id}`, {
      token: SCRIPT_TOKEN,
    });
    expect(after.body.records).toHaveLength(39);
  });

  it("answers 200 to delete under the reportDeleteStatus=200 switch", async () => {
    const { sim, record } = await seeded();
    sim.admin.configure({ quirks: { reportDeleteStatus: 200 } });
    expect(
      (await call(sim, "DELETE", `/api/v1/reports/connections/${record.id}`, { token: SCRIPT_TOKEN })).status,
    ).toBe(200);
  });

  it("hides another user's record from a user token", async () => {
    const { sim } = await seeded();
    const { records } = await fetchAll(sim, "userid=u7005");
    const other = records[0] as WireReport;
    const answer = await call(sim, "GET", `/api/v1/reports/connections/${other.id}`, {
      token: userToken(sim, "u7006"),
    });
    expectApiError(answer, 404, "not_found");
  });

  it("needs connection reporting", async () => {
    const sim = startSimulator();
    const { token } = sim.admin.createScriptToken({
      ownerUserid: "u7005",
      permissions: ["session_management"],
    });
    expectApiError(
      await call(sim, "GET", "/api/v1/reports/connections", { token }),
      403,
      "invalid_permission",
    );
  });
});

describe("report switches and seeding", () => {
  const readings: [ReportDateFilter, (record: WireReport, from: string, to: string) => boolean][] = [
    ["from_start_to_end", (record, from, to) => record.start_date >= from && record.end_date < to],
    ["end_date", (record, from, to) => record.end_date >= from && record.end_date < to],
    ["start_date", (record, from, to) => record.start_date >= from && record.start_date < to],
  ];

  it.each(readings)("bounds the dates the reportDateFilter=%s reading names", async (reading, isInside) => {
    const sim = startSimulator({ historicalReports: 300, quirks: { reportDateFilter: reading } });
    const { records: all } = await fetchAll(sim);
    const from = all[200]?.start_date ?? "";
    const to = all[50]?.end_date ?? "";
    const { records } = await fetchAll(sim, `from_date=${from}&to_date=${to}`);
    const expected = all.filter((record) => isInside(record, from, to)).map((record) => record.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(records.map((record) => record.id)).toEqual(expected);
  });

  it("leaves out a connection that started before from_date and ended after it, by default", async () => {
    const sim = startSimulator();
    const long = await writeLiveReport(sim, "2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z");
    const listed = async () =>
      (await fetchAll(sim, "from_date=2026-03-02T10:00:00Z")).records.map((record) => record.id);
    expect(await listed()).toEqual([]);
    sim.admin.configure({ quirks: { reportDateFilter: "end_date" } });
    expect(await listed()).toEqual([long.id]);
  });

  it("sends absent fields as null under the absentFields=null switch", async () => {
    const sim = startSimulator({ historicalReports: 40, quirks: { absentFields: "null" } });
    const { records } = await fetchAll(sim, "has_code=false");
    expect(records[0]?.session_code).toBeNull();
  });

  it("seeds the same records from the same seed, and others from another", async () => {
    const page = async (seed: number) => {
      const sim = startSimulator({ seed });
      sim.admin.seedReports({ count: 500 });
      return (await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN })).body.records;
    };
    expect(await page(7)).toEqual(await page(7));
    expect(await page(7)).not.toEqual(await page(8));
  });

  it("finds a record of a million-record store by id and pages from it", async () => {
    const sim = startSimulator();
    expect(sim.admin.seedReports({ count: 1_000_000 })).toEqual({ seeded: 1_000_000, live: 0, deleted: 0 });
    const first = await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN });
    expect(first.body.records).toHaveLength(1000);
    expect(first.body.records_remaining).toBe(999_000);
    const second = await call(sim, "GET", `/api/v1/reports/connections?offset_id=${first.body.next_offset}`, {
      token: SCRIPT_TOKEN,
    });
    expect(second.body.records_remaining).toBe(998_000);
    expect(second.body.records[0].end_date <= first.body.records[999].end_date).toBe(true);
  });
});
