/**
 * The installation's first organisation, created on first start: /setup and the demo admin
 * belong to it. An operator adds further organisations with `attendant orgs create`
 * (src/operations/organisation-commands.ts).
 */
import { lockForTransaction } from "../db/advisory-lock.js";
import type { Db } from "../db/open-database.js";
import {
  createOrganisation,
  findFirstOrganisation,
  type Organisation,
} from "../db/repositories/organisations.js";
import { transaction } from "../db/transaction.js";

/** Any fixed number, used only here: the advisory-lock key that serialises first start. */
const firstStartLockKey = 7_216_001;

export async function ensureDefaultOrganisation(db: Db): Promise<Organisation> {
  return transaction(db, async (tx) => {
    // Several instances may start at the same moment on an empty PostgreSQL database; the lock
    // (released at commit) lets exactly one create the organisation and the others find it.
    await lockForTransaction(tx, firstStartLockKey);
    return (await findFirstOrganisation(tx)) ?? createOrganisation(tx, { name: "Attendant" });
  });
}
