/** Reading one session, and revealing its supporter links to those allowed (issue 5). */
import { hasAuditEntryInWebSession } from "../db/repositories/audit-log.js";
import { readSupporterLinks } from "../db/repositories/support-sessions.js";
import { loadSessionFor } from "./load-session.js";
import { canSeeSupporterLinks, type SessionActor } from "./session-actor.js";
import { auditSessionAction } from "./session-audit.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";
import { type SupporterLinks, type SupportSession, toSupportSession } from "./support-session-view.js";

/** @throws SupportSessionError session-not-found */
export async function getSupportSession(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string },
): Promise<SupportSession> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "view");
  return toSupportSession(record, deps.clock.now());
}

/**
 * The supporter link and WebClient link, for the assigned supporter and admins only. Reveals are
 * audited (without the links), because whoever holds them can join as the supporter: every API
 * request, and in a browser the first view per sign-in, since the page shows them on each visit
 * and one entry per reload would bury the log.
 * @throws SupportSessionError session-not-found, forbidden
 */
export async function revealSupporterLinks(
  deps: SessionDeps,
  options: { actor: SessionActor; sessionId: string },
): Promise<SupporterLinks> {
  const record = await loadSessionFor(deps, options.actor, options.sessionId, "view");
  if (!canSeeSupporterLinks(options.actor, record)) throw new SupportSessionError("forbidden");
  const links = await readSupporterLinks(deps.database.db, deps.vault, record.id);
  const { webSessionId } = options.actor;
  const action = "support_session.links_revealed";
  const isRecorded =
    webSessionId !== undefined &&
    (await hasAuditEntryInWebSession(deps.database.db, {
      organisationId: options.actor.organisationId,
      action,
      targetId: record.id,
      webSessionId,
    }));
  if (!isRecorded) {
    await auditSessionAction(deps, options.actor, {
      action,
      target: { type: "support_session", id: record.id },
      details:
        webSessionId === undefined
          ? { sessionCode: record.code }
          : { sessionCode: record.code, webSessionId },
    });
  }
  return links;
}
