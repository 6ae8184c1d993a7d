/**
 * The end customer's join page address (issue 5, "The end customer"): `/join/<token>` with a
 * 256-bit random token of which only the SHA-256 is stored. A session has one address at a time;
 * issuing a new one (a copy for the supporter, or each invitation e-mail) makes the previous one
 * stop working, and every address ends with the session's validity.
 */

import type { Db } from "../db/open-database.js";
import { findJoinTokenHash, replaceJoinLink } from "../db/repositories/join-links.js";
import type { Locale } from "../i18n/index.js";
import { generateSecretToken, hashSecretToken } from "../identity/random-tokens.js";

export const joinPathPrefix = "/join/";

export interface PreparedJoinLink {
  url: string;
  tokenHash: string;
}

/** A fresh address; nothing is stored until `storeJoinLink`, so a failed e-mail changes nothing. */
export function prepareJoinLink(publicUrl: string): PreparedJoinLink {
  const token = generateSecretToken();
  return { url: `${publicUrl}${joinPathPrefix}${token}`, tokenHash: hashSecretToken(token) };
}

/** `locale`: the language of the invitation e-mail carrying the address, null for one given otherwise. */
export function storeJoinLink(
  db: Db,
  link: PreparedJoinLink,
  session: { id: string; organisationId: string; validUntil: Date },
  options: { now: Date; locale: Locale | null },
): Promise<void> {
  return replaceJoinLink(db, {
    organisationId: session.organisationId,
    sessionId: session.id,
    tokenHash: link.tokenHash,
    expiresAt: session.validUntil,
    locale: options.locale,
    now: options.now,
  });
}

/**
 * The path with a join token masked, for request logs: the token is a credential. Everything
 * after a `join` segment goes, wherever it stands and however it is written (`//join/…`,
 * `/JOIN/…`): such an address misses the page, but what follows may still be a valid token.
 */
export function redactJoinToken(path: string): string {
  return path.replace(/\/join\/.*$/is, `${joinPathPrefix}[redacted]`);
}

/** Whether `joinUrl` is still the session's address: each later one replaces it. */
export async function isCurrentJoinUrl(db: Db, sessionId: string, joinUrl: string): Promise<boolean> {
  const token = joinUrl.slice(joinUrl.lastIndexOf(joinPathPrefix) + joinPathPrefix.length);
  return (await findJoinTokenHash(db, sessionId)) === hashSecretToken(token);
}
