import { beforeAll, describe, expect, it } from "vitest";
import {
  type ConnectionReport,
  type ConnectionReportListParams,
  NotFoundError,
  parseTeamViewerDate,
  type TeamViewerClient,
} from "../../src/index.js";
import { type SimulatedTeamViewer, startSimulatedTeamViewer } from "./simulated-teamviewer.js";

const SEEDED = 4321;
const PAGE_SIZE = 500;

async function walk(client: TeamViewerClient, params: ConnectionReportListParams = {}) {
  const records: ConnectionReport[] = [];
  for await (const record of client.reports.connections.list(params)) records.push(record);
  return records;
}

const idsOf = (records: readonly ConnectionReport[]) => records.map((record) => record.id);

describe("connection reports: thousands of seeded records, walked page by page", () => {
  let tv: SimulatedTeamViewer;
  let all: ConnectionReport[];

  beforeAll(async () => {
    tv = startSimulatedTeamViewer({ pageSize: { reports: PAGE_SIZE } });
    tv.sim.admin.seedReports({ count: SEEDED });
    all = await walk(tv.client);
  });

  it("walks every page: as many records as seeded, each once, newest end_date first", () => {
    expect(all).toHaveLength(tv.sim.admin.reportCounts().seeded);
    expect(new Set(idsOf(all)).size).toBe(SEEDED);
    const ends = all.map((record) => parseTeamViewerDate(record.end_date ?? "").getTime());
    expect(ends.every((end, index) => index === 0 || end <= (ends[index - 1] ?? end))).toBe(true);
  });

  it("pages by offset_id = the last id of the previous page, with records_remaining counting down", async () => {
    const pages = [];
    for await (const page of tv.client.reports.connections.list().pages()) pages.push(page);

    expect(pages).toHaveLength(Math.ceil(SEEDED / PAGE_SIZE));
    expect(pages.map((page) => page.remaining)).toEqual(
      pages.map((_, index) => Math.max(0, SEEDED - PAGE_SIZE * (index + 1))),
    );
    expect(pages.slice(0, -1).every((page) => page.nextOffset === page.items.at(-1)?.id)).toBe(true);
    expect(pages.at(-1)?.nextOffset).toBeNull();
  });

  it("reads records with numbers where the spec has numbers and dates in wire format", () => {
    for (const record of all.slice(0, 50)) {
      expect(typeof record.fee).toBe("number");
      expect([1, 2, 3]).toContain(record.support_session_type);
      expect(record.start_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(["Bill", "Billed", "DoNotBill"]).toContain(record.billing_state);
    }
  });

  const filterCases: [string, () => ConnectionReportListParams, (record: ConnectionReport) => boolean][] = [
    ["userid", () => ({ userid: "u7006" }), (record) => record.userid === "u7006"],
    [
      "username, case-insensitively",
      () => ({ username: "kenji sato" }),
      (record) => record.username === "Kenji Sato",
    ],
    ["groupid", () => ({ groupid: "g40212" }), (record) => record.groupid === "g40212"],
    ["groupid 0 (no group)", () => ({ groupid: "0" }), (record) => record.groupid == null],
    [
      "devicename",
      () => ({ devicename: namedDevice().devicename ?? "" }),
      (record) => record.devicename === namedDevice().devicename,
    ],
    ["devicename unnamed_device", () => ({ devicename: "unnamed_device" }), (record) => !record.devicename],
    [
      "deviceid",
      () => ({ deviceid: namedDevice().deviceid ?? "" }),
      (record) => record.deviceid === namedDevice().deviceid,
    ],
    ["has_code true", () => ({ has_code: true }), (record) => record.session_code != null],
    ["has_code false", () => ({ has_code: false }), (record) => record.session_code == null],
    [
      "session_code",
      () => ({ session_code: withCode().session_code ?? "" }),
      (record) => record.session_code === withCode().session_code,
    ],
    [
      "support_session_type by number",
      () => ({ support_session_type: 3 }),
      (record) => record.support_session_type === 3,
    ],
    [
      "support_session_type by name",
      () => ({ support_session_type: "RemoteConnection" }),
      (record) => record.support_session_type === 1,
    ],
    [
      "from_date (inclusive) on start_date and to_date (exclusive) on end_date",
      () => ({ from_date: middle().start_date ?? "", to_date: new Date(endOf(middle()) + 30 * 86_400_000) }),
      (record) => startOf(record) >= startOf(middle()) && endOf(record) < endOf(middle()) + 30 * 86_400_000,
    ],
    [
      "a date-only from_date with has_code",
      () => ({ from_date: "2026-01-01", has_code: true }),
      (record) => startOf(record) >= Date.UTC(2026, 0, 1) && record.session_code != null,
    ],
  ];

  const namedDevice = () => all.find((record) => record.devicename) ?? fail("no named device");
  const withCode = () => all.find((record) => record.session_code) ?? fail("no session code");
  const middle = () => all[Math.floor(all.length / 2)] ?? fail("no records");
  const endOf = (record: ConnectionReport) => parseTeamViewerDate(record.end_date ?? "").getTime();
  const startOf = (record: ConnectionReport) => parseTeamViewerDate(record.start_date ?? "").getTime();

  for (const [name, params, matches] of filterCases) {
    it(`filters by ${name}: exactly the records the filter selects from the full walk, in order`, async () => {
      const expected = idsOf(all.filter(matches));

      const filtered = await walk(tv.client, params());

      expect(expected.length).toBeGreaterThan(0);
      expect(idsOf(filtered)).toEqual(expected);
    });
  }
});

describe("one connection report: retrieve, update, delete", () => {
  it("retrieves the record exactly as listed", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.seedReports({ count: 20 });
    const listed = (await client.reports.connections.list()).items[7] ?? fail("no record");

    expect(await client.reports.connections.retrieve(listed.id)).toEqual(listed);
  });

  it("updates notes and billing_state, and nothing else changes", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.seedReports({ count: 20 });
    const before = (await client.reports.connections.list()).items[3] ?? fail("no record");

    await client.reports.connections.update(before.id, {
      notes: "Invoice 2026-031",
      billing_state: "Billed",
    });

    const after = await client.reports.connections.retrieve(before.id);
    expect(after).toEqual({ ...before, notes: "Invoice 2026-031", billing_state: "Billed" });
    expect((await client.reports.connections.list()).items[3]).toEqual(after);
  });

  it("deletes a record: retrieve is NotFoundError and the walk no longer contains it", async () => {
    const { sim, client } = startSimulatedTeamViewer({ pageSize: { reports: 7 } });
    sim.admin.seedReports({ count: 30 });
    const victim = (await client.reports.connections.list()).items[6] ?? fail("no record");

    await client.reports.connections.delete(victim.id);

    await expect(client.reports.connections.retrieve(victim.id)).rejects.toBeInstanceOf(NotFoundError);
    const remaining = await walk(client);
    expect(remaining).toHaveLength(29);
    expect(idsOf(remaining)).not.toContain(victim.id);
    expect(sim.admin.reportCounts()).toMatchObject({ seeded: 30, deleted: 1 });
  });

  it("accepts the old manual's 200 on delete as success", async () => {
    const { sim, client } = startSimulatedTeamViewer({ quirks: { reportDeleteStatus: 200 } });
    sim.admin.seedReports({ count: 5 });
    const victim = (await client.reports.connections.list()).items[0] ?? fail("no record");

    await client.reports.connections.delete(victim.id);

    expect((await walk(client)).map((record) => record.id)).not.toContain(victim.id);
  });

  it("reads absent optional fields sent as null the same as missing ones", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.seedReports({ count: 200 });
    const missing = await walk(client);
    sim.admin.configure({ quirks: { absentFields: "null" } });

    const nulls = await walk(client);

    expect(nulls.some((record) => record.session_code === null && record.end_customer === null)).toBe(true);
    expect(nulls.map(withoutNulls)).toEqual(missing.map(withoutNulls));
  });
});

describe("a live support case ends in a connection report", () => {
  it("customer joins, supporter connects, the connection ends: the report carries the session's code and custom_api", async () => {
    const { sim, client } = startSimulatedTeamViewer();
    sim.admin.seedReports({ count: 50 });
    const session = await client.sessions.create({
      groupid: "g40211",
      custom_api: "attendant:case-42",
      end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
    });

    sim.admin.customerJoin(session.code, { deviceName: "ERIKA-LAPTOP", deviceId: "1432876590" });
    expect((await client.sessions.retrieve(session.code)).online).toBe(true);
    sim.admin.supporterConnect(session.code);
    sim.admin.advanceClock(17 * 60_000);
    sim.admin.endConnection(session.code, { feedback: { session_rating: 5, user_comment: "Quick" } });

    const { items } = await client.reports.connections.list({ session_code: session.code });
    expect(items).toEqual([
      expect.objectContaining({
        session_code: session.code,
        custom_api: "attendant:case-42",
        userid: "u7005",
        deviceid: "1432876590",
        devicename: "ERIKA-LAPTOP",
        groupid: "g40211",
        support_session_type: 2,
        end_date: "2026-03-02T09:17:00Z",
        end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
        feedback: { session_rating: 5, user_comment: "Quick" },
      }),
    ]);
    const newest = await client.reports.connections.list();
    expect(newest.items).toHaveLength(51);
    expect(newest.items[0]?.id).toBe(items[0]?.id);
  });
});

function withoutNulls(record: ConnectionReport): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}

function fail(reason: string): never {
  throw new Error(reason);
}
