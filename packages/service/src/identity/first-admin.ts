/**
 * The first administrator, created through /setup. Setup is open only while the installation
 * has no user at all, in any organisation: once an operator has created an organisation with its
 * admin (`attendant orgs create`), nobody can claim the still empty first organisation through
 * /setup. The check and the insert run under a lock on the organisation row, so two browsers
 * racing through setup cannot both become admin.
 */

import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { lockOrganisation } from "../db/repositories/organisations.js";
import { createUser, hasAnyUser, type User } from "../db/repositories/users.js";
import { transaction } from "../db/transaction.js";
import { hashPassword, type PasswordHashingDeps, scryptParametersOf } from "./passwords.js";

export async function isSetupOpen(db: Db): Promise<boolean> {
  return !(await hasAnyUser(db));
}

/** The new admin, or undefined when someone else completed setup first. */
export async function createFirstAdmin(
  deps: { db: Db; clock: Clock } & PasswordHashingDeps,
  input: {
    organisationId: string;
    displayName: string;
    email: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<User | undefined> {
  // Hash before taking the lock: scrypt takes a noticeable moment.
  const passwordHash = await hashPassword(input.password, scryptParametersOf(deps));
  return transaction(deps.db, async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    if (!(await isSetupOpen(tx))) return undefined;
    const admin = await createUser(tx, {
      organisationId: input.organisationId,
      email: input.email,
      displayName: input.displayName,
      role: "admin",
      passwordHash,
    });
    await recordAuditEvent(
      { db: tx, clock: deps.clock },
      {
        organisationId: input.organisationId,
        actor: { userId: admin.id, label: admin.email },
        action: "user.created",
        target: { type: "user", id: admin.id },
        ip: input.ip,
        userAgent: input.userAgent,
        details: { role: "admin", via: "setup" },
      },
    );
    return admin;
  });
}
