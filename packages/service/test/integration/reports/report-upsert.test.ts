import { eq, getTableColumns } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import {
  type ConnectionReportValues,
  executeReportUpsert,
  fixBilledMinutes,
  prepareReportUpsert,
  upsertConnectionReports,
} from "../../../src/db/repositories/connection-reports.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { insertSyncAccount, listSyncAccounts } from "../../../src/db/repositories/report-sync-accounts.js";
import { connectionReports } from "../../../src/db/schema.js";
import { toConnectionReportValues } from "../../../src/reports/report-record.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";

const firstSeen = new Date("2030-01-01T10:00:00.000Z");
const seenAgain = new Date("2030-01-01T10:05:00.000Z");

async function setUp(engine: TestEngine) {
  const { database } = await engine.openDatabase();
  await migrate(database);
  const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
  const record = (id: string, notes: string) =>
    toConnectionReportValues(
      {
        id,
        userid: "u7005",
        username: "Kenji Sato",
        start_date: "2030-01-01T09:00:00Z",
        end_date: "2030-01-01T09:30:00Z",
        session_code: "s12-345-678",
        notes,
        end_customer: { name: "Anna Müller", email: "anna@example.com" },
      },
      { organisationId: organisation.id, syncAccountId: null },
    );
  const stored = () =>
    database.db
      .select()
      .from(connectionReports)
      .where(eq(connectionReports.organisationId, organisation.id))
      .orderBy(connectionReports.teamViewerReportId);
  return { db: database.db, organisationId: organisation.id, record, stored };
}

describeEachEngine("the report page upsert", (engine) => {
  it("stores a page's records once, keeping the last copy of an id the page repeats", async () => {
    const { db, record, stored } = await setUp(engine);
    await upsertConnectionReports(
      db,
      [record("r1", "first copy"), record("r2", "—"), record("r1", "last copy")],
      firstSeen,
    );

    const rows = await stored();
    expect(rows.map((row) => [row.teamViewerReportId, row.notes])).toEqual([
      ["r1", "last copy"],
      ["r2", "—"],
    ]);
    expect(rows[0]).toMatchObject({
      userName: "Kenji Sato",
      startDate: new Date("2030-01-01T09:00:00Z"),
      durationSeconds: 1800,
      endCustomerName: "Anna Müller",
      firstSeenAt: firstSeen,
      lastSeenAt: firstSeen,
    });
    expect(rows[0]?.raw).toMatchObject({ id: "r1", notes: "last copy" });
  });

  it("overwrites what TeamViewer owns on a record seen again, keeping when it was first seen", async () => {
    const { db, record, stored } = await setUp(engine);
    await upsertConnectionReports(db, [record("r1", "before")], firstSeen);
    // Prepared ahead of its statement, as the pipelined sync does.
    const prepared = prepareReportUpsert([record("r1", "after")], seenAgain);
    await executeReportUpsert(db, prepared);

    const [row] = await stored();
    expect(row).toMatchObject({ notes: "after", firstSeenAt: firstSeen, lastSeenAt: seenAgain });
  });

  it("keeps the billed minutes of a record seen again as Billed, and drops them once it is billed no longer", async () => {
    const { db, record, stored } = await setUp(engine);
    const billed = (id: string) => ({ ...record(id, ""), billingState: "Billed" });
    await upsertConnectionReports(db, [billed("stays"), billed("leaves")], firstSeen);
    await fixBilledMinutes(
      db,
      (await stored()).map((row) => ({ id: row.id, minutes: 45 })),
    );
    await upsertConnectionReports(
      db,
      [billed("stays"), { ...record("leaves", ""), billingState: "Bill" }],
      seenAgain,
    );
    expect(
      (await stored()).map((row) => [row.teamViewerReportId, row.billingState, row.billedMinutes]),
    ).toEqual([
      ["leaves", "Bill", null],
      ["stays", "Billed", 45],
    ]);
  });

  it("writes nothing for an empty page", async () => {
    const { db, stored } = await setUp(engine);
    const prepared = prepareReportUpsert([], firstSeen);

    expect(prepared.pageJson).toBeUndefined();
    await executeReportUpsert(db, prepared);
    expect(await stored()).toEqual([]);
  });

  it("stores every written column as given, on insert and on a record seen again", async () => {
    const { db, organisationId, stored } = await setUp(engine);
    await insertSyncAccount(
      db,
      { organisationId, sourceKind: "organisation", userId: null, backfillHorizon: firstSeen },
      firstSeen,
    );
    const [account] = await listSyncAccounts(db, organisationId);
    if (account === undefined) throw new Error("no sync account");
    const full: ConnectionReportValues = {
      organisationId,
      teamViewerReportId: "r1",
      syncAccountId: account.id,
      teamViewerUserId: "u7005",
      userName: "佐藤 健二",
      deviceId: "d42",
      deviceName: "受付の PC",
      groupId: "g1",
      groupName: 'Helpdesk "Nord"',
      supportSessionType: 2,
      startDate: new Date("2030-01-01T09:00:00.000Z"),
      endDate: new Date("2030-01-01T09:30:15.000Z"),
      durationSeconds: 1815,
      fee: 1234.5678,
      currency: "JPY",
      billingState: "Bill",
      notes: "プリンターが印刷しない\nline two",
      sessionCode: "s12-345-678",
      customApi: "attendant:1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b",
      endCustomerName: "山田 花子",
      endCustomerEmail: "hanako@example.jp",
      feedbackRating: 5,
      feedbackComment: "ありがとうございました 🙏",
      sessionNote: "Druckertreiber neu installiert; 再起動済み",
      raw: { id: "r1", notes: "プリンターが印刷しない", fee: 1234.5678, nested: { list: [1, null, "三"] } },
    };
    const sparse: ConnectionReportValues = {
      organisationId,
      teamViewerReportId: "r2",
      syncAccountId: null,
      teamViewerUserId: null,
      userName: null,
      deviceId: null,
      deviceName: null,
      groupId: null,
      groupName: null,
      supportSessionType: null,
      startDate: null,
      endDate: null,
      durationSeconds: null,
      fee: null,
      currency: null,
      billingState: null,
      notes: null,
      sessionCode: null,
      customApi: null,
      endCustomerName: null,
      endCustomerEmail: null,
      feedbackRating: null,
      feedbackComment: null,
      sessionNote: null,
      raw: { id: "r2" },
    };
    // The fixtures name every column the sync writes, so a new column fails here until added.
    const written = Object.keys(getTableColumns(connectionReports)).filter(
      (key) =>
        ![
          "id",
          "supportSessionId",
          "ticketId",
          "matchedBy",
          "matchedAt",
          "firstSeenAt",
          "lastSeenAt",
          // Ours, not TeamViewer's: fixed when a record is billed, kept or dropped by the upsert.
          "billedMinutes",
          // Ours: an edit on its way to TeamViewer (ADR 0030); the sync never writes them.
          "writeBackPending",
          "writeBackStartedAt",
          "writeBackLeaseExpiresAt",
        ].includes(key),
    );
    expect(Object.keys(full).sort()).toEqual(written.sort());
    expect(Object.keys(sparse).sort()).toEqual(written.sort());

    const storedAs = (values: ConnectionReportValues, lastSeenAt: Date) => ({
      ...values,
      id: expect.any(String),
      supportSessionId: null,
      ticketId: null,
      matchedBy: null,
      matchedAt: null,
      billedMinutes: null,
      writeBackPending: null,
      writeBackStartedAt: null,
      writeBackLeaseExpiresAt: null,
      firstSeenAt: firstSeen,
      lastSeenAt,
    });

    await upsertConnectionReports(db, [full, sparse], firstSeen);
    expect(await stored()).toEqual([storedAs(full, firstSeen), storedAs(sparse, firstSeen)]);

    // Seen again with their contents swapped: every column is overwritten, first seen is kept.
    const withId = (id: string, values: ConnectionReportValues) => ({
      ...values,
      teamViewerReportId: id,
      raw: { ...values.raw, id },
    });
    const swapped = [withId("r1", sparse), withId("r2", full)];
    await upsertConnectionReports(db, swapped, seenAgain);
    expect(await stored()).toEqual(swapped.map((values) => storedAs(values, seenAgain)));
  });

  it("stores U+0000, which PostgreSQL cannot hold, as U+FFFD in the columns and the raw record", async () => {
    const { db, organisationId, stored } = await setUp(engine);
    const values = toConnectionReportValues(
      {
        id: "r1",
        notes: "printer\u0000jammed",
        feedback: { session_rating: 2, user_comment: "\u0000\u0000" },
        // The six characters backslash-u-0-0-0-0 are ordinary text and stay as they are.
        devicename: "C:\\u0000 share",
        nested: { list: ["a\u0000"] },
      },
      { organisationId, syncAccountId: null },
    );
    await upsertConnectionReports(db, [values], firstSeen);

    const [row] = await stored();
    expect(row).toMatchObject({
      notes: "printer\ufffdjammed",
      feedbackComment: "\ufffd\ufffd",
      deviceName: "C:\\u0000 share",
    });
    expect(row?.raw).toEqual({
      id: "r1",
      notes: "printer\ufffdjammed",
      feedback: { session_rating: 2, user_comment: "\ufffd\ufffd" },
      devicename: "C:\\u0000 share",
      nested: { list: ["a\ufffd"] },
    });
  });
});
