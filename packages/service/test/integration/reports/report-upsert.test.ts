import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import {
  executeReportUpsert,
  prepareReportUpsert,
  upsertConnectionReports,
} from "../../../src/db/repositories/connection-reports.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
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
  return { db: database.db, record, stored };
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

  it("writes nothing for an empty page", async () => {
    const { db, stored } = await setUp(engine);
    const prepared = prepareReportUpsert([], firstSeen);

    expect(prepared.pageJson).toBeUndefined();
    await executeReportUpsert(db, prepared);
    expect(await stored()).toEqual([]);
  });
});
