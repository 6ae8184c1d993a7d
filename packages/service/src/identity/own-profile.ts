/**
 * What users change about themselves: display name, language, time zone, password. A password change
 * needs the current password, if the user has one, and ends every other session of the user.
 */
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { findOrganisationBrand } from "../db/repositories/organisation-brands.js";
import { findUserById, type UserChanges, updateUser } from "../db/repositories/users.js";
import { deleteWebSessionsOfUser } from "../db/repositories/web-sessions.js";
import { defaultTimeZone, type Locale } from "../i18n/index.js";
import { hashPassword, type PasswordHashingDeps, scryptParametersOf, verifyPassword } from "./passwords.js";
import type { SessionUser } from "./session-user.js";

type Deps = { db: Db; clock: Clock } & PasswordHashingDeps;
interface Requester {
  user: SessionUser;
  ip: string | null;
  userAgent: string | null;
}

export async function updateOwnProfile(
  deps: Deps,
  requester: Requester,
  changes: { displayName: string; locale: Locale | null; timeZone?: string | null },
): Promise<void> {
  await updateUser(deps.db, requester.user.id, changes satisfies UserChanges, deps.clock.now());
  await auditSelf(deps, requester, changes);
}

/** The zone a user without their own reads times in, for the profile's "the organisation's" choice. */
export async function ownOrganisationTimeZone(deps: { db: Db }, organisationId: string): Promise<string> {
  return (await findOrganisationBrand(deps.db, organisationId))?.timeZone ?? defaultTimeZone;
}

/** Whether the user has a password; the demo admin, signed in by one-time links, starts without. */
export async function hasOwnPassword(deps: { db: Db }, userId: string): Promise<boolean> {
  return ((await findUserById(deps.db, userId))?.passwordHash ?? null) !== null;
}

/**
 * False when the current password is wrong or missing; nothing changes then. A user without a
 * password has no current one to give: being signed in (by a one-time link) is their proof.
 */
export async function changeOwnPassword(
  deps: Deps,
  requester: Requester,
  passwords: { current: string | undefined; next: string },
): Promise<boolean> {
  const stored = (await findUserById(deps.db, requester.user.id))?.passwordHash ?? null;
  if (
    stored !== null &&
    (passwords.current === undefined || !(await verifyPassword(passwords.current, stored)))
  ) {
    return false;
  }
  await updateUser(
    deps.db,
    requester.user.id,
    { passwordHash: await hashPassword(passwords.next, scryptParametersOf(deps)) },
    deps.clock.now(),
  );
  // Ends this browser's session too; the caller signs it in again with a fresh one.
  await deleteWebSessionsOfUser(deps.db, requester.user.id);
  await auditSelf(deps, requester, { passwordChanged: true });
  return true;
}

function auditSelf(deps: Deps, requester: Requester, details: Record<string, unknown>) {
  return recordAuditEvent(deps, {
    organisationId: requester.user.organisationId,
    actor: { userId: requester.user.id, label: requester.user.email },
    action: "user.updated",
    target: { type: "user", id: requester.user.id },
    ip: requester.ip,
    userAgent: requester.userAgent,
    details,
  });
}
