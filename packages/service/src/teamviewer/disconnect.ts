/**
 * "Disconnect": revoke the grant at TeamViewer, then delete the stored tokens, so neither
 * side keeps a usable grant (docs/teamviewer-api.md §1, "Revoke"). The revoke is best effort: when
 * TeamViewer cannot be reached the tokens are deleted anyway (the user asked to be
 * disconnected) and the audit entry says the revoke failed, so an admin can follow up.
 */
import { AuthenticationError } from "@attendant/teamviewer";
import {
  deleteTeamViewerConnection,
  findTeamViewerConnection,
} from "../db/repositories/teamviewer-connections.js";
import { type ActingUser, auditAs } from "./acting-user.js";
import { buildOAuth } from "./build-clients.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";
import type { TokenStoreDeps } from "./token-store.js";

export type RevokeOutcome = "revoked" | "already-invalid" | "failed";

/** Returns what happened at TeamViewer, or undefined when there was no connection. */
export async function disconnectTeamViewer(
  deps: TokenStoreDeps,
  actor: ActingUser,
): Promise<RevokeOutcome | undefined> {
  const connection = await findTeamViewerConnection(deps.database.db, deps.vault, actor.userId);
  if (connection === undefined) return undefined;
  const app = await resolveTeamViewerApp(deps, actor.organisationId);
  let outcome: RevokeOutcome = "failed";
  let failure: string | undefined;
  if (app === undefined) {
    failure = "no TeamViewer app is configured";
  } else {
    try {
      await buildOAuth(deps, app).revoke(connection.accessToken);
      outcome = "revoked";
    } catch (error) {
      // A 401 means TeamViewer no longer knows the token: nothing is left to revoke.
      if (error instanceof AuthenticationError) outcome = "already-invalid";
      else failure = error instanceof Error ? error.message : String(error);
    }
  }
  await deleteTeamViewerConnection(deps.database.db, actor.userId);
  await auditAs(deps, actor, {
    action: "teamviewer.disconnected",
    target: { type: "user", id: actor.userId },
    details: {
      teamViewerUserId: connection.teamViewerUserId,
      revoke: outcome,
      ...(failure === undefined ? {} : { revokeFailure: failure }),
    },
  });
  if (failure !== undefined) deps.logger.warn({ failure }, "revoking a TeamViewer grant failed");
  return outcome;
}
