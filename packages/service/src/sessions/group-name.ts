/**
 * The name of the TeamViewer group a session was asked for. The schema's session answers carry
 * only `groupid` (docs/teamviewer-api.md §3), so the service never takes the name from them: a
 * group asked for by name is that name, one asked for by id is looked up in `GET /groups`.
 */
import type { TeamViewerClient } from "@attendant/teamviewer";
import type { SessionDeps } from "./session-deps.js";

/**
 * Starts the look-up at once, so it runs alongside the create. Never rejects: without the list
 * (a missing permission, a rate limit) the session is stored without a group name.
 */
export function findGroupName(
  deps: Pick<SessionDeps, "logger">,
  client: TeamViewerClient,
  group: { id: string } | { name: string },
): Promise<string | null> {
  if ("name" in group) return Promise.resolve(group.name);
  return client.groups
    .list({}, { maxRetries: 0 })
    .then((page) => page.items.find((candidate) => candidate.id === group.id)?.name ?? null)
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, groupId: group.id }, "could not look up the session's group name");
      return null;
    });
}
