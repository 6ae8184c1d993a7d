/**
 * Attendant serves one organisation per installation for now; it is created on first start.
 */
import type { Db } from "../db/open-database.js";
import {
  createOrganisation,
  findFirstOrganisation,
  type Organisation,
} from "../db/repositories/organisations.js";

export async function ensureDefaultOrganisation(db: Db): Promise<Organisation> {
  return (await findFirstOrganisation(db)) ?? createOrganisation(db, { name: "Attendant" });
}
