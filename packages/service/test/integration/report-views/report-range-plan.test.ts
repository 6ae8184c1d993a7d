/**
 * A report list filtered to an old, narrow start range seeks the range in the (organisation,
 * start_date) index instead of walking the (organisation, end_date) index back from the newest
 * report (issue 26: 2.6 s for 30 days 18 months back at 1M reports on PostgreSQL). Shown by the
 * plan of the list's own query over 20,000 reports with current statistics.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { connectionReportRowsQuery } from "../../../src/db/repositories/connection-report-search.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { describeEachEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { seedManyReports } from "./report-fixtures.js";

describeEachEngine("the report list's plan for a start range", (engine) => {
  it("seeks an old narrow start range in the start index instead of walking the end index", async () => {
    const { database } = await engine.openDatabase();
    const { db } = database;
    const organisationId = (await createOrganisation(db, { name: "Contoso" })).id;
    // One report a minute from 2026-01-01: two weeks, the range below is their first day.
    await seedManyReports(db, organisationId, 20_000);
    await db.execute(sql`analyze connection_reports`);
    const query = connectionReportRowsQuery(
      db,
      { organisationId, from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-01T23:59:59.999Z") },
      { limit: 51 },
    );
    const plan = (
      await queryRows<{ "QUERY PLAN": string }>(db, sql`explain select * from (${query}) as listed`)
    )
      .map((row) => row["QUERY PLAN"])
      .join("\n");
    expect(plan).toContain("connection_reports_organisation_start_idx");
    expect(plan).not.toContain("connection_reports_organisation_end_idx");
    expect(await query).toHaveLength(51);
  });
});
