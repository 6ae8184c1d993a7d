/**
 * Embed sessions (issue 23, docs/adr/0038-embedding-trust.md): what a verified assertion turns
 * into. The token is a bearer secret the widget keeps in memory and sends as a header; only its
 * SHA-256 is stored. Idle timeout 30 min, absolute 8 h. The user is read fresh on every request,
 * so a role change applies at once and a disabled user (or a disabled or deleted integration)
 * ends the session at the next request.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import {
  createEmbedSession,
  deleteEmbedSession,
  deleteExpiredEmbedRecords,
  findEmbedSessionByTokenHash,
  touchEmbedSession,
} from "../db/repositories/embed-sessions.js";
import { findEmbeddingIntegrationById } from "../db/repositories/embedding-integrations.js";
import { findLiveSessionUser } from "../identity/live-session-user.js";
import { generateSecretToken, hashSecretToken } from "../identity/random-tokens.js";
import type { SessionUser, SignedInSession } from "../identity/session-user.js";
import { sessionIdleTimeoutMs } from "../identity/web-sessions.js";
import type { AssertedTicket } from "./asserted-ticket.js";
import type { EmbedTicketContext } from "./embed-env.js";

/** The browser's idle timeout, so that the live desk's check of sign-ins serves both kinds. */
export const embedIdleTimeoutMs = sessionIdleTimeoutMs;
export const embedAbsoluteTimeoutMs = 8 * 60 * 60_000;
/** Writing last_seen_at on every request would turn each panel refresh into a database write. */
const touchGranularityMs = 60_000;

interface EmbedSessionDeps {
  db: Db;
  clock: Clock;
}

export async function startEmbedSession(
  deps: EmbedSessionDeps,
  options: { userId: string; asserted: AssertedTicket },
): Promise<{ token: string; sessionId: string }> {
  const now = deps.clock.now();
  const token = generateSecretToken();
  const { asserted } = options;
  const row = await createEmbedSession(deps.db, {
    tokenHash: hashSecretToken(token),
    userId: options.userId,
    integrationId: asserted.integrationId,
    ticket: asserted.ticket,
    theme: asserted.theme ?? null,
    locale: asserted.locale ?? null,
    csrfSecret: randomBytes(32).toString("base64url"),
    now,
    expiresAt: new Date(now.getTime() + embedAbsoluteTimeoutMs),
  });
  return { token, sessionId: row.id };
}

export interface ResolvedEmbedSession {
  user: SessionUser;
  session: SignedInSession;
  embed: EmbedTicketContext;
  /** The integration's origins as they are now, for `frame-ancestors`. */
  allowedOrigins: readonly string[];
}

/** The live embed session behind a token, or undefined; a session that may no longer run is deleted. */
export async function resolveEmbedSession(
  deps: EmbedSessionDeps,
  token: string,
): Promise<ResolvedEmbedSession | undefined> {
  const row = await findEmbedSessionByTokenHash(deps.db, hashSecretToken(token));
  if (row === undefined) return undefined;
  const now = deps.clock.now().getTime();
  const user = await findLiveSessionUser(deps.db, row, {
    now: deps.clock.now(),
    idleTimeoutMs: embedIdleTimeoutMs,
  });
  const integration =
    user === undefined ? undefined : await findEmbeddingIntegrationById(deps.db, row.integrationId);
  if (
    user === undefined ||
    integration === undefined ||
    integration.disabledAt !== null ||
    integration.organisationId !== user.organisationId
  ) {
    await deleteEmbedSession(deps.db, row.id);
    return undefined;
  }
  if (now - row.lastSeenAt.getTime() >= touchGranularityMs)
    await touchEmbedSession(deps.db, row.id, deps.clock.now());
  return {
    user,
    session: { id: row.id, csrfSecret: row.csrfSecret },
    embed: {
      integrationId: row.integrationId,
      ticket: row.ticket,
      ...(row.theme === null ? {} : { theme: row.theme }),
      ...(row.locale === null ? {} : { locale: row.locale }),
    },
    allowedOrigins: integration.allowedOrigins,
  };
}

/** Run by the periodic sweep (src/jobs/orphan-session-sweeper.ts): used nonces past their expiry, dead sessions. */
export async function forgetExpiredEmbedRecords(
  deps: EmbedSessionDeps,
): Promise<{ nonces: number; sessions: number }> {
  const now = deps.clock.now();
  return deleteExpiredEmbedRecords(deps.db, { now, idleSince: new Date(now.getTime() - embedIdleTimeoutMs) });
}
