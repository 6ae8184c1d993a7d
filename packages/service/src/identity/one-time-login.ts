/**
 * One-time sign-in links: 256 random bits in the URL, only their hash stored, usable once and
 * for a short time. The demo prints one to the console at start-up so a newcomer is signed in
 * with one click, without ever choosing a password.
 */
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { consumeOneTimeLogin, createOneTimeLogin } from "../db/repositories/one-time-logins.js";
import { isOrganisationDisabled } from "../db/repositories/organisations.js";
import { findUserById } from "../db/repositories/users.js";
import { generateSecretToken, hashSecretToken } from "./random-tokens.js";

export const oneTimeLoginLifetimeMs = 15 * 60_000;
export const oneTimeLoginPath = "/login/link";

/**
 * Stores a new link for `userId` and returns its URL under `publicUrl`. `next`: where the link
 * leads once signed in (a path of ours; the sign-in route checks it again), else Home.
 */
export async function issueOneTimeLogin(
  deps: { db: Db; clock: Clock },
  options: { userId: string; publicUrl: string; next?: string | undefined },
): Promise<string> {
  const token = generateSecretToken();
  const now = deps.clock.now();
  await createOneTimeLogin(deps.db, {
    tokenHash: hashSecretToken(token),
    userId: options.userId,
    now,
    expiresAt: new Date(now.getTime() + oneTimeLoginLifetimeMs),
  });
  // In the query, not the path: the request log records paths and must not record the token.
  const query = new URLSearchParams({ token, ...(options.next === undefined ? {} : { next: options.next }) });
  return `${options.publicUrl}${oneTimeLoginPath}?${query}`;
}

/**
 * The user the link signs in and their organisation (whose audit log records it), or undefined
 * when the link is unknown, already used or expired. A link of a disabled organisation is used
 * up all the same (it is single use) but signs nobody in.
 */
export async function redeemOneTimeLogin(
  deps: { db: Db; clock: Clock },
  token: string,
): Promise<{ userId: string; organisationId: string; isOrganisationDisabled: boolean } | undefined> {
  const redeemed = await consumeOneTimeLogin(deps.db, hashSecretToken(token), deps.clock.now());
  const user = redeemed === undefined ? undefined : await findUserById(deps.db, redeemed.userId);
  if (user === undefined) return undefined;
  return {
    userId: user.id,
    organisationId: user.organisationId,
    isOrganisationDisabled: await isOrganisationDisabled(deps.db, user.organisationId),
  };
}
