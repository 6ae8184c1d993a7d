/**
 * Users' TeamViewer connection status for platforms (issue 7, "REST API"): a helpdesk shows who
 * can take remote sessions and sends a user whose connection is missing or broken to
 * `connectUrl`, which leads through our sign-in to the TeamViewer consent page.
 * Admins and auditors see everyone; a supporter only themself.
 */
import {
  findUserConnectionStatus,
  listUserConnectionStatuses,
  type UserConnectionStatus,
} from "../db/repositories/user-connection-statuses.js";
import type { UserRole } from "../db/schema.js";
import type { AppDeps } from "../http/app-deps.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import { connectPath } from "../teamviewer/pages/connection-page.js";

export type TeamViewerConnectionState = "connected" | "needs-reconnect" | "not-connected";

export interface UserTeamViewerStatus {
  userId: string;
  email: string;
  displayName: string;
  role: UserRole;
  isDisabled: boolean;
  teamViewer: {
    status: TeamViewerConnectionState;
    /** The TeamViewer account the user connected; null when not connected. */
    account: { userId: string; name: string; email: string } | null;
    /** When the connection last changed (connected, tokens refreshed, marked for reconnect). */
    updatedAt: Date | null;
    /** Where to send the user to connect or reconnect: our sign-in, then TeamViewer's consent. */
    connectUrl: string;
  };
}

type Deps = Pick<AppDeps, "database" | "config">;

const canSeeEveryone = (actor: SessionActor) => actor.role === "admin" || actor.role === "auditor";

/** @throws SupportSessionError forbidden (supporters may only look at themselves) */
export async function listUserTeamViewerStatuses(
  deps: Deps,
  options: { actor: SessionActor },
): Promise<UserTeamViewerStatus[]> {
  if (!canSeeEveryone(options.actor)) throw new SupportSessionError("forbidden");
  const rows = await listUserConnectionStatuses(deps.database.db, options.actor.organisationId);
  return rows.map((row) => toView(deps, row));
}

/**
 * @returns undefined when the organisation has no such user
 * @throws SupportSessionError forbidden
 */
export async function getUserTeamViewerStatus(
  deps: Deps,
  options: { actor: SessionActor; userId: string },
): Promise<UserTeamViewerStatus | undefined> {
  const { actor } = options;
  if (!canSeeEveryone(actor) && actor.userId !== options.userId) throw new SupportSessionError("forbidden");
  const row = await findUserConnectionStatus(deps.database.db, {
    organisationId: actor.organisationId,
    userId: options.userId,
  });
  return row === undefined ? undefined : toView(deps, row);
}

function toView(deps: Deps, row: UserConnectionStatus): UserTeamViewerStatus {
  const { connection } = row;
  return {
    userId: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    isDisabled: row.isDisabled,
    teamViewer: {
      status:
        connection === null
          ? "not-connected"
          : connection.status === "connected"
            ? "connected"
            : "needs-reconnect",
      account:
        connection === null
          ? null
          : {
              userId: connection.teamViewerUserId,
              name: connection.teamViewerName,
              email: connection.teamViewerEmail,
            },
      updatedAt: connection?.updatedAt ?? null,
      connectUrl: `${deps.config.publicUrl}${connectPath}`,
    },
  };
}
