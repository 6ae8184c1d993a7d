/**
 * What a call to TeamViewer as a user needs, in one read: their organisation's app and their own
 * connection (the tokens). Every call made for a user needs both, and on a supporter's critical
 * path (creating a session) two statements cost a second round trip on PGlite, whose thread runs
 * them one after the other (docs/performance.md, "Session creation").
 */
import { and, eq, sql } from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import { preparedStatement } from "../prepared-query.js";
import { organisations, teamViewerApps, teamViewerConnections, users } from "../schema.js";
import { type TeamViewerApp, toTeamViewerApp } from "./teamviewer-apps.js";
import { type TeamViewerConnection, toTeamViewerConnection } from "./teamviewer-connections.js";

export interface TeamViewerCredentials {
  /** The organisation's registered app; undefined when its admin has saved none. */
  app: TeamViewerApp | undefined;
  /** The user's grant; undefined when they never connected, or are not of this organisation. */
  connection: TeamViewerConnection | undefined;
}

/**
 * The same two rows as read, secrets still sealed: for a statement that reads them along with
 * something else (the API key look-up, api-keys.ts) and leaves opening them to the one caller
 * that needs them.
 */
export interface SealedTeamViewerCredentials {
  app: typeof teamViewerApps.$inferSelect | null;
  connection: typeof teamViewerConnections.$inferSelect | null;
}

export async function findTeamViewerCredentials(
  db: Db,
  vault: SecretBox,
  holder: { organisationId: string; userId: string },
): Promise<TeamViewerCredentials> {
  const [row] = await selectCredentials(db).execute(holder);
  return openTeamViewerCredentials(vault, { app: row?.app ?? null, connection: row?.connection ?? null });
}

/** Decrypts the secrets, each checked to belong to its row. */
export function openTeamViewerCredentials(
  vault: SecretBox,
  sealed: SealedTeamViewerCredentials,
): TeamViewerCredentials {
  return {
    app: sealed.app === null ? undefined : toTeamViewerApp(vault, sealed.app),
    connection: sealed.connection === null ? undefined : toTeamViewerConnection(vault, sealed.connection),
  };
}

const selectCredentials = preparedStatement("find_teamviewer_credentials", (db, name) =>
  db
    .select({ app: teamViewerApps, connection: teamViewerConnections })
    .from(organisations)
    .leftJoin(teamViewerApps, eq(teamViewerApps.organisationId, organisations.id))
    // Through the user, so that a user of another organisation has no connection here.
    .leftJoin(users, and(eq(users.id, sql.placeholder("userId")), eq(users.organisationId, organisations.id)))
    .leftJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id))
    .where(eq(organisations.id, sql.placeholder("organisationId")))
    .prepare(name),
);
