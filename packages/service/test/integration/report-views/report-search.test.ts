import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import type { Db } from "../../../src/db/open-database.js";
import {
  type ConnectionReportFilter,
  countConnectionsPerDay,
  listConnectionReportRows,
  sumConnections,
  summariseDurations,
} from "../../../src/db/repositories/connection-report-search.js";
import type { ReportCursor } from "../../../src/db/repositories/connection-reports.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { insertSyncAccount, listSyncAccounts } from "../../../src/db/repositories/report-sync-accounts.js";
import { upsertTicket } from "../../../src/db/repositories/tickets.js";
import { createUser } from "../../../src/db/repositories/users.js";
import { describeEachEngine } from "../../support/engines.js";
import { seedReports } from "./report-fixtures.js";

const at = (iso: string) => new Date(iso);

describeEachEngine("report search and aggregation SQL", (engine) => {
  let db: Db;
  let organisationId: string;
  let otherOrganisationId: string;
  let ticketId: string;
  let supporterId: string;
  let ids: string[];

  beforeAll(async () => {
    const { database } = await engine.openSharedDatabase();
    await migrate(database);
    db = database.db;
    organisationId = (await createOrganisation(db, { name: "Contoso" })).id;
    otherOrganisationId = (await createOrganisation(db, { name: "Fabrikam" })).id;
    const now = at("2026-03-01T00:00:00Z");
    supporterId = (
      await createUser(db, { organisationId, email: "kenji@contoso.example", role: "supporter" })
    ).id;
    await insertSyncAccount(
      db,
      { organisationId, sourceKind: "user", userId: supporterId, backfillHorizon: now },
      now,
    );
    const [ownAccount] = await listSyncAccounts(db, organisationId);
    if (ownAccount === undefined) throw new Error("no sync account");
    ticketId = (
      await upsertTicket(
        db,
        {
          organisationId,
          externalId: "4711",
          title: "Outlook",
          url: null,
          requesterName: null,
          requesterEmail: null,
        },
        now,
      )
    ).id;
    ids = await seedReports(db, organisationId, [
      // 0: Kenji, ticket 4711, Helpdesk, day 1
      {
        startDate: at("2026-03-02T09:00:00Z"),
        durationSeconds: 600,
        groupId: "g1",
        groupName: "Helpdesk",
        billingState: "Bill",
        endCustomerEmail: "Erika@Example.org",
        endCustomerName: "Erika",
      },
      // 1: Kenji, day 1, same customer by e-mail in other case
      {
        startDate: at("2026-03-02T15:00:00Z"),
        durationSeconds: 1200,
        groupId: "g2",
        groupName: "Field",
        billingState: "Billed",
        endCustomerEmail: "erika@example.org",
      },
      // 2: Ana, day 3, unknown customer, synced through Kenji's own account
      {
        startDate: at("2026-03-04T08:00:00Z"),
        durationSeconds: 3000,
        teamViewerUserId: "u200",
        userName: "Ana Lima",
        syncAccountId: ownAccount.id,
        billingState: "DoNotBill",
      },
      // 3: Ana, day 3, customer by name only
      {
        startDate: at("2026-03-04T10:00:00Z"),
        durationSeconds: 60,
        teamViewerUserId: "u200",
        userName: "Ana Lima",
        endCustomerName: "Max Mustermann",
        billingState: "Bill",
      },
      // 4: no end (unknown duration), no start
      { startDate: null, durationSeconds: null, teamViewerUserId: "u300", userName: "Ola" },
    ]);
    // Another organisation's report never shows.
    await seedReports(db, otherOrganisationId, [{ startDate: at("2026-03-02T10:00:00Z") }]);
    await db.execute(sql`update connection_reports set ticket_id = ${ticketId} where id = ${ids[0]}`);
  });

  const all = (): ConnectionReportFilter => ({ organisationId });
  const listIds = async (filter: ConnectionReportFilter) =>
    (await listConnectionReportRows(db, filter, { limit: 100 })).map((row) => ids.indexOf(row.id));

  it("lists only the organisation's reports, newest end first (one without an end before them)", async () => {
    expect(await listIds(all())).toEqual([4, 3, 2, 1, 0]);
  });

  it("joins the ticket's helpdesk id and title", async () => {
    const [row] = await listConnectionReportRows(db, { ...all(), ticketId }, { limit: 10 });
    expect(row).toMatchObject({ id: ids[0], ticketExternalId: "4711", ticketTitle: "Outlook" });
  });

  it("filters by TeamViewer user, group id or name, billing state, match and start date range", async () => {
    expect(await listIds({ ...all(), teamViewerUserId: "u200" })).toEqual([3, 2]);
    expect(await listIds({ ...all(), group: { id: "g2" } })).toEqual([1]);
    expect(await listIds({ ...all(), group: { name: "Helpdesk" } })).toEqual([0]);
    expect(await listIds({ ...all(), billingState: "Bill" })).toEqual([3, 0]);
    expect(await listIds({ ...all(), isMatched: true })).toEqual([0]);
    expect(await listIds({ ...all(), isMatched: false })).toEqual([4, 3, 2, 1]);
    expect(
      await listIds({ ...all(), from: at("2026-03-02T10:00:00Z"), to: at("2026-03-04T08:00:00Z") }),
    ).toEqual([2, 1]);
    expect(await listIds({ ...all(), reportId: ids[2] as string })).toEqual([2]);
  });

  it("limits a supporter to reports of their TeamViewer account or synced through their own grant", async () => {
    expect(await listIds({ ...all(), ownedBy: { userId: supporterId, teamViewerUserId: "u100" } })).toEqual([
      2, 1, 0,
    ]);
    expect(
      await listIds({ ...all(), ownedBy: { userId: supporterId, teamViewerUserId: undefined } }),
    ).toEqual([2]);
  });

  it("pages by keyset through every report exactly once, including ties and missing end dates", async () => {
    const seen: string[] = [];
    let after: ReportCursor | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await listConnectionReportRows(db, all(), { after, limit: 2 });
      seen.push(...rows.map((row) => row.id));
      const last = rows.at(-1);
      if (rows.length < 2 || last === undefined) break;
      after = { endDate: last.endDate, id: last.id };
    }
    expect(seen).toEqual((await listConnectionReportRows(db, all(), { limit: 100 })).map((row) => row.id));
    expect(new Set(seen).size).toBe(5);
  });

  it("pages a narrow start range (read through the start index) by keyset like the whole list", async () => {
    const range = { ...all(), from: at("2026-03-01T00:00:00Z"), to: at("2026-03-31T23:59:59.999Z") };
    const seen: string[] = [];
    let after: ReportCursor | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await listConnectionReportRows(db, range, { after, limit: 1 });
      seen.push(...rows.map((row) => row.id));
      const last = rows.at(-1);
      if (last === undefined) break;
      after = { endDate: last.endDate, id: last.id };
    }
    expect(seen.map((id) => ids.indexOf(id))).toEqual([3, 2, 1, 0]);
    const [joined] = await listConnectionReportRows(db, { ...range, ticketId }, { limit: 10 });
    expect(joined).toMatchObject({ id: ids[0], ticketExternalId: "4711", ticketTitle: "Outlook" });
  });

  it("counts connections per UTC day of their start, leaving out reports without a start", async () => {
    expect(await countConnectionsPerDay(db, all(), "UTC")).toEqual([
      { day: "2026-03-02", connections: 2 },
      { day: "2026-03-04", connections: 2 },
    ]);
    expect(await sumConnections(db, all())).toEqual({ connections: 5, totalSeconds: 4860 });
  });

  it("sums and averages durations per supporter, largest first, ignoring unknown durations in averages", async () => {
    const byTotal = await summariseDurations(db, all(), { by: "supporter", orderBy: "total", limit: 10 });
    expect(byTotal).toEqual([
      { key: "u200", label: "Ana Lima", connections: 2, totalSeconds: 3060, averageSeconds: 1530 },
      { key: "u100", label: "Kenji Sato", connections: 2, totalSeconds: 1800, averageSeconds: 900 },
      { key: "u300", label: "Ola", connections: 1, totalSeconds: 0, averageSeconds: 0 },
    ]);
    const top = await summariseDurations(db, all(), { by: "supporter", orderBy: "average", limit: 1 });
    expect(top.map((group) => group.key)).toEqual(["u200"]);
  });

  it("groups customers by e-mail regardless of case, else by name, and the rest as unknown", async () => {
    const byTotal = await summariseDurations(db, all(), { by: "customer", orderBy: "total", limit: 10 });
    expect(byTotal).toEqual([
      { key: null, label: null, connections: 2, totalSeconds: 3000, averageSeconds: 3000 },
      { key: "erika@example.org", label: "Erika", connections: 2, totalSeconds: 1800, averageSeconds: 900 },
      {
        key: "max mustermann",
        label: "Max Mustermann",
        connections: 1,
        totalSeconds: 60,
        averageSeconds: 60,
      },
    ]);
  });
});
