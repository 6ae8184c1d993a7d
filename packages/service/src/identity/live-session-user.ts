/**
 * The one step browser sessions (web-sessions.ts) and widget sessions
 * (src/embedding/embed-sessions.ts) share on every request: a session past its absolute expiry or
 * idle for too long has no user; otherwise its user, read fresh, as long as neither they nor
 * their organisation is disabled.
 */
import type { Db } from "../db/open-database.js";
import { findActiveUserById } from "../db/repositories/users.js";
import { readableTimeZone } from "../i18n/index.js";
import type { SessionUser } from "./session-user.js";

export interface StoredSessionTimes {
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Undefined when the session may no longer run; its caller then deletes it. */
export async function findLiveSessionUser(
  db: Db,
  session: StoredSessionTimes,
  values: { now: Date; idleTimeoutMs: number },
): Promise<SessionUser | undefined> {
  const now = values.now.getTime();
  const isExpired =
    now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= values.idleTimeoutMs;
  if (isExpired) return undefined;
  const user = await findActiveUserById(db, session.userId);
  if (user === undefined) return undefined;
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    ownTimeZone: user.timeZone,
    timeZone: readableTimeZone(user.timeZone, user.organisationTimeZone),
  };
}
