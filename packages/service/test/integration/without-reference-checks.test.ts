import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { upsertConnectionReports } from "../../src/db/repositories/connection-reports.js";
import { createOrganisation } from "../../src/db/repositories/organisations.js";
import { connectionReports } from "../../src/db/schema.js";
import { transaction } from "../../src/db/transaction.js";
import { withoutReferenceChecks } from "../../src/db/without-reference-checks.js";
import { toConnectionReportValues } from "../../src/reports/report-record.js";
import { databaseErrorOf } from "../support/database-errors.js";
import { describeEachEngine, type TestEngine } from "../support/engines.js";

const seenAt = new Date("2030-01-01T10:00:00.000Z");
const foreignKeyViolation = /violates foreign key constraint/;

async function setUp(engine: TestEngine) {
  const { database } = await engine.openDatabase();
  const organisation = await createOrganisation(database.db, { name: "Helpdesk" });
  const reportOf = (organisationId: string) =>
    toConnectionReportValues(
      { id: randomUUID(), userid: "u7005", end_date: "2030-01-01T09:30:00Z" },
      { organisationId, syncAccountId: null },
    );
  return { database, db: database.db, organisationId: organisation.id, reportOf };
}

describeEachEngine("statements run without reference checks", (engine) => {
  it("skip the foreign-key checks only inside the call: the transaction's next statement is checked again", async () => {
    const { db, organisationId, reportOf } = await setUp(engine);
    const unknownOrganisation = randomUUID();

    const error = await databaseErrorOf(
      transaction(db, async (tx) => {
        await withoutReferenceChecks(tx, () =>
          upsertConnectionReports(tx, [reportOf(organisationId)], seenAt),
        );
        await upsertConnectionReports(tx, [reportOf(unknownOrganisation)], seenAt);
      }),
    );

    expect(error).toMatch(foreignKeyViolation);
    // The transaction rolled back as a whole, the row stored without checks included.
    expect(await db.select().from(connectionReports)).toEqual([]);
  });

  it("do skip them inside the call: a row naming no organisation gets in, so only a caller that proved its references may use it", async () => {
    const { db, reportOf } = await setUp(engine);
    const unknownOrganisation = randomUUID();

    await transaction(db, (tx) =>
      withoutReferenceChecks(tx, () => upsertConnectionReports(tx, [reportOf(unknownOrganisation)], seenAt)),
    );

    const stored = await db
      .select()
      .from(connectionReports)
      .where(eq(connectionReports.organisationId, unknownOrganisation));
    expect(stored).toHaveLength(1);
  });

  it("leave the connection checked when the statement inside fails and the transaction rolls back", async () => {
    const { database, reportOf } = await setUp(engine);
    const unknownOrganisation = randomUUID();

    // One connection throughout: on PostgreSQL a pool could hand the next statement another.
    const error = await database.withDedicatedConnection(async ({ db }) => {
      await expect(
        transaction(db, (tx) =>
          withoutReferenceChecks(tx, async () => {
            throw new Error("the page could not be stored");
          }),
        ),
      ).rejects.toThrow("the page could not be stored");
      return databaseErrorOf(upsertConnectionReports(db, [reportOf(unknownOrganisation)], seenAt));
    });

    expect(error).toMatch(foreignKeyViolation);
  });
});
