/**
 * End-customer join links: one row per session, found by the SHA-256 of the token in the URL.
 * The lookup returns only what the join page may show, so nothing that belongs to the
 * supporter (links, e-mail address) can reach it by accident.
 */
import { and, eq } from "drizzle-orm";
import { isSupportedLocale } from "../../i18n/locales.js";
import type { Db } from "../open-database.js";
import {
  type InvitationLocale,
  joinLinks,
  organisations,
  type SupportSessionState,
  supportSessions,
  users,
} from "../schema.js";

export interface JoinLinkValues {
  organisationId: string;
  sessionId: string;
  tokenHash: string;
  expiresAt: Date;
  /** The invitation e-mail's language; null for an address given another way. */
  locale: InvitationLocale | null;
  now: Date;
}

/** Stores the session's join link, replacing any earlier one (whose address then stops working). */
export async function replaceJoinLink(db: Db, values: JoinLinkValues): Promise<void> {
  const { now, ...rest } = values;
  await db
    .insert(joinLinks)
    .values({ ...rest, createdAt: now })
    .onConflictDoUpdate({
      target: joinLinks.sessionId,
      set: {
        tokenHash: values.tokenHash,
        expiresAt: values.expiresAt,
        locale: values.locale,
        createdAt: now,
      },
    });
}

/** What the end customer's page shows about a session. */
export interface JoinTarget {
  expiresAt: Date;
  sessionState: SupportSessionState;
  /** Whether TeamViewer last said the customer is in the session's queue (QuickSupport started). */
  isCustomerWaiting: boolean;
  endCustomerLink: string;
  /** The assigned supporter's display name; empty when they set none (never their e-mail). */
  supporterName: string;
  organisationId: string;
  organisationName: string;
  /** The language of the invitation e-mail that carried the address; undefined for one given otherwise. */
  invitationLocale: InvitationLocale | undefined;
}

export async function findJoinTarget(db: Db, tokenHash: string): Promise<JoinTarget | undefined> {
  const [row] = await db
    .select({
      expiresAt: joinLinks.expiresAt,
      sessionState: supportSessions.state,
      isCustomerWaiting: supportSessions.isOnline,
      endCustomerLink: supportSessions.endCustomerLink,
      supporterName: users.displayName,
      organisationId: organisations.id,
      organisationName: organisations.name,
      locale: joinLinks.locale,
    })
    .from(joinLinks)
    .innerJoin(supportSessions, eq(supportSessions.id, joinLinks.sessionId))
    .innerJoin(organisations, eq(organisations.id, joinLinks.organisationId))
    .leftJoin(users, eq(users.id, supportSessions.assignedUserId))
    .where(eq(joinLinks.tokenHash, tokenHash));
  if (row === undefined) return undefined;
  const { locale, ...target } = row;
  return {
    ...target,
    supporterName: row.supporterName ?? "",
    invitationLocale: isSupportedLocale(locale) ? locale : undefined,
  };
}

export async function hasJoinLink(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: joinLinks.id })
    .from(joinLinks)
    .where(eq(joinLinks.sessionId, sessionId));
  return row !== undefined;
}

export async function findJoinTokenHash(db: Db, sessionId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ tokenHash: joinLinks.tokenHash })
    .from(joinLinks)
    .where(eq(joinLinks.sessionId, sessionId));
  return row?.tokenHash;
}

/**
 * Undoes an address whose e-mail was never delivered: while `tokenHash` is still the session's
 * address, the one it replaced comes back (or none, when there was none).
 */
export async function restoreJoinLink(
  db: Db,
  sessionId: string,
  tokenHash: string,
  previousTokenHash: string | null,
): Promise<void> {
  const current = and(eq(joinLinks.sessionId, sessionId), eq(joinLinks.tokenHash, tokenHash));
  if (previousTokenHash === null) {
    await db.delete(joinLinks).where(current);
    return;
  }
  // The earlier address's language is not kept: its page then follows the browser.
  await db.update(joinLinks).set({ tokenHash: previousTokenHash, locale: null }).where(current);
}
