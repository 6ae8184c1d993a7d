/**
 * Who a support session can be handed to: active admins and supporters of the organisation whose
 * TeamViewer connection works (reassigning needs their TeamViewer user id).
 */
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { teamViewerConnections, users } from "../schema.js";

export interface Colleague {
  id: string;
  displayName: string;
  email: string;
}

export function listConnectedColleagues(db: Db, organisationId: string): Promise<Colleague[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id))
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.isDisabled, false),
        ne(users.role, "auditor"),
        eq(teamViewerConnections.status, "connected"),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.email));
}

/** Every user of any organisation whose TeamViewer connection works: whose sessions we may look after. */
export function listConnectedSupporters(db: Db): Promise<{ userId: string; organisationId: string }[]> {
  return db
    .select({ userId: users.id, organisationId: users.organisationId })
    .from(users)
    .innerJoin(teamViewerConnections, eq(teamViewerConnections.userId, users.id))
    .where(and(eq(users.isDisabled, false), eq(teamViewerConnections.status, "connected")))
    .orderBy(asc(users.id));
}
