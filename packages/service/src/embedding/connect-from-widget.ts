/**
 * "Connect TeamViewer" from inside the ticket widget (issue 23). TeamViewer's consent page
 * refuses to be framed, and our cookies are blocked in the helpdesk's frame, so the connection
 * is made in a first-party popup: a one-time sign-in link (src/identity/one-time-login.ts) for the
 * widget's own user signs the popup in and leads it on to the normal connect flow. The link
 * grants nothing the embed token does not: the same user, for 15 minutes, once.
 */
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { issueOneTimeLogin } from "../identity/one-time-login.js";

/** Where the popup goes once signed in: the start of the TeamViewer connect flow. */
export const connectFlowPath = "/connection/start";

export function issueConnectPopupLink(
  deps: { db: Db; clock: Clock; publicUrl: string },
  userId: string,
): Promise<string> {
  return issueOneTimeLogin(deps, { userId, publicUrl: deps.publicUrl, next: connectFlowPath });
}
