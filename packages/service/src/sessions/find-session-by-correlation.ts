/**
 * Reconciliation after an ambiguous `POST /sessions` (docs/teamviewer-api.md §3): a create is
 * never retried blindly, because a repeat could open a second session. The request carried
 * `custom_api: "attendant:<correlation id>"`, so if TeamViewer created the session it is among
 * the supporter's open sessions with exactly that value. Lists are newest first, so a session
 * created moments ago is on the first page.
 */
import type { Session, TeamViewerClient } from "@attendant/teamviewer";

/** What every `custom_api` we send starts with: a session with it was created by Attendant. */
export const customApiPrefix = "attendant:";

export function customApiFor(correlationId: string): string {
  return `${customApiPrefix}${correlationId}`;
}

/**
 * More patience than an ordinary read (the client's default is 2 retries): when this lookup
 * fails too, a session TeamViewer did make stays unseen and the supporter's next attempt opens a
 * second one. Six attempts with backoff ride out a TeamViewer that fails one call in five.
 */
const lookupRetries = 5;

export async function findSessionByCorrelation(
  client: TeamViewerClient,
  correlationId: string,
): Promise<Session | undefined> {
  const wanted = customApiFor(correlationId);
  const sessions = client.sessions.list({ full_list: true, state: "open" }, { maxRetries: lookupRetries });
  for await (const session of sessions) {
    if (session.custom_api === wanted) return session;
  }
  return undefined;
}
