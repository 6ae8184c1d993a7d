/**
 * What admins do to accounts: create, change role, disable or enable, reset the password.
 *
 * Every change runs in a transaction holding the organisation row lock, so the "at least one
 * active admin" rule cannot be broken by two admins demoting each other at the same moment.
 * Every change is audited; disabling an account or resetting its password also ends its
 * sessions, so the change takes effect at once.
 */
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { lockOrganisation } from "../db/repositories/organisations.js";
import {
  countActiveAdmins,
  createUser,
  findUserByEmailInInstallation,
  findUserById,
  type User,
  type UserChanges,
  updateUser,
} from "../db/repositories/users.js";
import { deleteWebSessionsOfUser } from "../db/repositories/web-sessions.js";
import type { UserRole } from "../db/schema.js";
import { transaction } from "../db/transaction.js";
import { hashPassword, type PasswordHashingDeps, scryptParametersOf } from "./passwords.js";
import type { SessionUser } from "./session-user.js";

export interface AdminActor {
  user: SessionUser;
  ip: string | null;
  userAgent: string | null;
}

type Deps = { db: Db; clock: Clock } & PasswordHashingDeps;

export type UserChangeResult = "done" | "not-found" | "last-admin" | "email-taken";

export async function createUserAsAdmin(
  deps: Deps,
  actor: AdminActor,
  input: { displayName: string; email: string; role: UserRole; password: string },
): Promise<UserChangeResult> {
  const passwordHash = await hashPassword(input.password, scryptParametersOf(deps));
  return transaction(deps.db, async (tx) => {
    await lockOrganisation(tx, actor.user.organisationId);
    // Addresses are unique in the whole installation: sign-in finds the organisation by them.
    if ((await findUserByEmailInInstallation(tx, input.email)) !== undefined) return "email-taken";
    const created = await createUser(tx, {
      organisationId: actor.user.organisationId,
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
    });
    await audit({ db: tx, clock: deps.clock }, actor, "user.created", created, { role: input.role });
    return "done";
  });
}

export function changeUserRole(deps: Deps, actor: AdminActor, userId: string, role: UserRole) {
  return changeUser(deps, actor, userId, { role }, { role });
}

export function setUserDisabled(deps: Deps, actor: AdminActor, userId: string, isDisabled: boolean) {
  return changeUser(deps, actor, userId, { isDisabled }, { isDisabled });
}

export async function resetUserPassword(
  deps: Deps,
  actor: AdminActor,
  userId: string,
  password: string,
): Promise<UserChangeResult> {
  const passwordHash = await hashPassword(password, scryptParametersOf(deps));
  return changeUser(deps, actor, userId, { passwordHash }, { passwordReset: true });
}

async function changeUser(
  deps: Deps,
  actor: AdminActor,
  userId: string,
  changes: UserChanges,
  auditDetails: Record<string, unknown>,
): Promise<UserChangeResult> {
  return transaction(deps.db, async (tx) => {
    await lockOrganisation(tx, actor.user.organisationId);
    const target = await findUserById(tx, userId);
    if (target === undefined || target.organisationId !== actor.user.organisationId) return "not-found";
    const updated = await updateUser(tx, userId, changes, deps.clock.now());
    if (updated === undefined) return "not-found";
    // Checked after the change, inside the transaction: returning rolls nothing back, so throw.
    if ((await countActiveAdmins(tx, actor.user.organisationId)) === 0) throw new LastAdminError();
    if (changes.isDisabled === true || changes.passwordHash !== undefined) {
      await deleteWebSessionsOfUser(tx, userId);
    }
    await audit({ db: tx, clock: deps.clock }, actor, "user.updated", updated, auditDetails);
    return "done" as const;
  }).catch((error: unknown) => {
    if (error instanceof LastAdminError) return "last-admin" as const;
    throw error;
  });
}

/** Aborts the transaction that would leave the organisation without an active admin. */
class LastAdminError extends Error {}

function audit(
  deps: Deps,
  actor: AdminActor,
  action: "user.created" | "user.updated",
  target: User,
  details: Record<string, unknown>,
) {
  return recordAuditEvent(deps, {
    organisationId: actor.user.organisationId,
    actor: { userId: actor.user.id, label: actor.user.email },
    action,
    target: { type: "user", id: target.id },
    ip: actor.ip,
    userAgent: actor.userAgent,
    details: { email: target.email, ...details },
  });
}
