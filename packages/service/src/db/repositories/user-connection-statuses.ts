/**
 * Users with the state of their TeamViewer connection, for the API's user list: one join, no
 * tokens read (nothing is decrypted just to say whether a user is connected).
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { type ConnectionStatus, teamViewerConnections, type UserRole, users } from "../schema.js";

export interface UserConnectionStatus {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  isDisabled: boolean;
  connection: {
    status: ConnectionStatus;
    teamViewerUserId: string;
    teamViewerName: string;
    teamViewerEmail: string;
    updatedAt: Date;
  } | null;
}

function selectUsersWithConnection(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      isDisabled: users.isDisabled,
      status: teamViewerConnections.status,
      teamViewerUserId: teamViewerConnections.teamViewerUserId,
      teamViewerName: teamViewerConnections.teamViewerName,
      teamViewerEmail: teamViewerConnections.teamViewerEmail,
      connectionUpdatedAt: teamViewerConnections.updatedAt,
    })
    .from(users)
    .leftJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectUsersWithConnection>["where"]>>[number];

function toStatus(row: Row): UserConnectionStatus {
  const { status, teamViewerUserId, teamViewerName, teamViewerEmail, connectionUpdatedAt, ...user } = row;
  return {
    ...user,
    connection:
      status === null || teamViewerUserId === null || connectionUpdatedAt === null
        ? null
        : {
            status,
            teamViewerUserId,
            teamViewerName: teamViewerName ?? "",
            teamViewerEmail: teamViewerEmail ?? "",
            updatedAt: connectionUpdatedAt,
          },
  };
}

export async function listUserConnectionStatuses(
  db: Db,
  organisationId: string,
): Promise<UserConnectionStatus[]> {
  const rows = await selectUsersWithConnection(db)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.email));
  return rows.map(toStatus);
}

export async function findUserConnectionStatus(
  db: Db,
  values: { organisationId: string; userId: string },
): Promise<UserConnectionStatus | undefined> {
  const [row] = await selectUsersWithConnection(db).where(
    and(eq(users.organisationId, values.organisationId), eq(users.id, values.userId)),
  );
  return row === undefined ? undefined : toStatus(row);
}
