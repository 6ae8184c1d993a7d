/**
 * Browser sessions: start (on login, replacing any session the browser had), resolve (on every
 * request, enforcing the idle and absolute timeouts) and end (logout).
 *
 * Timeouts follow OWASP's Session Management Cheat Sheet: a short idle timeout limits what an
 * abandoned signed-in browser exposes; the absolute one forces a fresh login at least daily.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import {
  createWebSession,
  deleteWebSession,
  findWebSessionByTokenHash,
  touchWebSession,
} from "../db/repositories/web-sessions.js";
import { findLiveSessionUser } from "./live-session-user.js";
import { generateSecretToken, hashSecretToken } from "./random-tokens.js";
import type { SessionUser, SignedInSession } from "./session-user.js";

export const sessionIdleTimeoutMs = 30 * 60_000;
export const sessionAbsoluteTimeoutMs = 12 * 60 * 60_000;
/** Writing last_seen_at on every request would turn each page view into a database write. */
const touchGranularityMs = 60_000;

interface SessionDeps {
  db: Db;
  clock: Clock;
}

export interface StartedSession {
  /** The cookie value; it exists only in the response, never in the database. */
  token: string;
  session: SignedInSession;
}

export async function startWebSession(
  deps: SessionDeps,
  options: { userId: string; replacingToken?: string | undefined },
): Promise<StartedSession> {
  // Rotation: a session id fixed before login (planted by an attacker) must not survive it.
  if (options.replacingToken !== undefined) await endWebSession(deps, options.replacingToken);
  const now = deps.clock.now();
  const token = generateSecretToken();
  const row = await createWebSession(deps.db, {
    tokenHash: hashSecretToken(token),
    userId: options.userId,
    csrfSecret: randomBytes(32).toString("base64url"),
    now,
    expiresAt: new Date(now.getTime() + sessionAbsoluteTimeoutMs),
  });
  return { token, session: { id: row.id, csrfSecret: row.csrfSecret } };
}

export interface ResolvedSession {
  session: SignedInSession;
  user: SessionUser;
}

/** The live session behind a cookie value, or undefined; expired sessions are deleted. */
export async function resolveWebSession(
  deps: SessionDeps,
  token: string,
): Promise<ResolvedSession | undefined> {
  const row = await findWebSessionByTokenHash(deps.db, hashSecretToken(token));
  if (row === undefined) return undefined;
  const now = deps.clock.now().getTime();
  const user = await findLiveSessionUser(deps.db, row, {
    now: deps.clock.now(),
    idleTimeoutMs: sessionIdleTimeoutMs,
  });
  if (user === undefined) {
    await deleteWebSession(deps.db, row.id);
    return undefined;
  }
  if (now - row.lastSeenAt.getTime() >= touchGranularityMs) {
    await touchWebSession(deps.db, row.id, deps.clock.now());
  }
  return {
    session: { id: row.id, csrfSecret: row.csrfSecret },
    user,
  };
}

export async function endWebSession(deps: SessionDeps, token: string): Promise<void> {
  const row = await findWebSessionByTokenHash(deps.db, hashSecretToken(token));
  if (row !== undefined) await deleteWebSession(deps.db, row.id);
}
