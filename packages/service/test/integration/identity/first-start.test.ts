import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrate } from "../../../src/db/migrate.js";
import { openDatabase } from "../../../src/db/open-database.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import { ensureDefaultOrganisation } from "../../../src/identity/organisation.js";
import { describeEachEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";

/** The advisory-lock key of src/identity/organisation.ts. */
const firstStartLockKey = 7_216_001;

async function countLockWaiters(db: Parameters<typeof queryRows>[0]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
  );
  return row?.n ?? 0;
}

describeEachEngine("first start", (engine) => {
  it("creates the organisation once and finds it on every later start", async () => {
    const { database } = await engine.openDatabase();
    await migrate(database);
    const first = await ensureDefaultOrganisation(database.db);
    const again = await ensureDefaultOrganisation(database.db);
    expect(again.id).toBe(first.id);
  });

  if (engine.name === "postgresql") {
    it("lets an instance starting meanwhile wait for the first-start lock and find the organisation made under it", async () => {
      const { database, config } = await engine.openDatabase();
      await migrate(database);
      const other = await openDatabase(config);
      try {
        const starting = await database.withDedicatedConnection(async ({ db: holder }) => {
          // Play the instance that won the race: under the lock, create the organisation in a
          // transaction that stays open until the other instance has either finished or queued
          // for the lock. Without the lock it would finish first, see no organisation (ours is
          // uncommitted) and create a second one.
          await holder.execute(sql`begin`);
          await holder.execute(sql`select pg_advisory_xact_lock(${firstStartLockKey})`);
          const created = await createOrganisation(holder, { name: "Attendant" });
          let isSettled = false;
          const waiting = ensureDefaultOrganisation(other.db).finally(() => {
            isSettled = true;
          });
          for (let polls = 0; polls < 500 && !isSettled; polls++) {
            if ((await countLockWaiters(database.db)) > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          await holder.execute(sql`commit`);
          return { waiting, created };
        });
        expect((await starting.waiting).id).toBe(starting.created.id);
        const [count] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from organisations`,
        );
        expect(count?.n).toBe(1);
      } finally {
        await other.close();
      }
    });
  }
});
