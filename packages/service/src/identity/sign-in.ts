/**
 * Password sign-in with audit and a throttle.
 *
 * Unknown e-mail addresses cost the same scrypt work as known ones (verified against a dummy
 * hash), so response time does not reveal who has an account. The throttle counts recent
 * failures per typed e-mail address and per IP address in a sliding window; it is stored in the
 * audit log, so it holds across instances and restarts, and it lifts by itself once the window
 * has passed, so nobody is locked out for good.
 */

import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { countRecentLoginFailures } from "../db/repositories/audit-log.js";
import { isOrganisationDisabled } from "../db/repositories/organisations.js";
import { findUserByEmailInInstallation, type User, updateUser } from "../db/repositories/users.js";
import {
  hashPassword,
  needsRehash,
  type PasswordHashingDeps,
  type ScryptParameters,
  scryptParametersOf,
  verifyPassword,
} from "./passwords.js";

export const throttleWindowMs = 15 * 60_000;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerAddress = 20;

const dummyHashes = new Map<string, Promise<string>>();
/**
 * A real hash of a random password with the current parameters, made once per process, so an
 * unknown e-mail address costs as much time as a wrong password.
 */
function getDummyHash(parameters: ScryptParameters): Promise<string> {
  const key = JSON.stringify(parameters);
  let hash = dummyHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword(crypto.randomUUID(), parameters);
    dummyHashes.set(key, hash);
  }
  return hash;
}

export interface SignInAttempt {
  /**
   * Where a failure for an address nobody has is audited (the installation's first organisation);
   * anything about a known user goes to the user's own organisation's log.
   */
  unknownAddressOrganisationId: string;
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * `organisation-disabled` only once the password is proven: a guesser learns nothing about the
 * organisation an address belongs to.
 */
export type SignInResult =
  | { outcome: "signed-in"; user: User }
  | { outcome: "invalid" | "throttled" | "organisation-disabled" };

export async function signIn(
  deps: { db: Db; clock: Clock } & PasswordHashingDeps,
  attempt: SignInAttempt,
): Promise<SignInResult> {
  const parameters = scryptParametersOf(deps);
  const email = attempt.email.trim().toLowerCase();
  const audit = (action: "login.succeeded" | "login.failed", user: User | undefined, reason?: string) =>
    recordAuditEvent(deps, {
      organisationId: user?.organisationId ?? attempt.unknownAddressOrganisationId,
      // Until the password is proven, the caller is anonymous, whoever they claim to be.
      actor:
        action === "login.succeeded" && user
          ? { userId: user.id, label: user.email }
          : { label: "anonymous" },
      action,
      ...(user === undefined ? {} : { target: { type: "user", id: user.id } }),
      ip: attempt.ip,
      userAgent: attempt.userAgent,
      details: reason === undefined ? { email } : { email, reason },
    });

  if (await isThrottled(deps, email, attempt.ip)) {
    await audit("login.failed", undefined, "throttled");
    return { outcome: "throttled" };
  }

  // Addresses are unique in the installation, so the address alone names the organisation.
  const user = await findUserByEmailInInstallation(deps.db, email);
  const storedHash = user?.passwordHash ?? (await getDummyHash(parameters));
  const isPasswordRight = await verifyPassword(attempt.password, storedHash);
  if (user === undefined || user.passwordHash === null || !isPasswordRight || user.isDisabled) {
    const reason = user === undefined ? "unknown_email" : user.isDisabled ? "disabled" : "wrong_password";
    await audit("login.failed", user, reason);
    return { outcome: "invalid" };
  }
  if (await isOrganisationDisabled(deps.db, user.organisationId)) {
    await audit("login.failed", user, "organisation_disabled");
    return { outcome: "organisation-disabled" };
  }

  if (needsRehash(user.passwordHash, parameters)) {
    await updateUser(
      deps.db,
      user.id,
      { passwordHash: await hashPassword(attempt.password, parameters) },
      deps.clock.now(),
    );
  }
  await audit("login.succeeded", user);
  return { outcome: "signed-in", user };
}

async function isThrottled(
  deps: { db: Db; clock: Clock },
  email: string,
  ip: string | null,
): Promise<boolean> {
  const since = new Date(deps.clock.now().getTime() - throttleWindowMs);
  if ((await countRecentLoginFailures(deps.db, { since, by: { email } })) >= maxFailuresPerAccount)
    return true;
  return (
    ip !== null && (await countRecentLoginFailures(deps.db, { since, by: { ip } })) >= maxFailuresPerAddress
  );
}
