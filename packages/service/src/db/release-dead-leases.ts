/**
 * Leases (report sync, webhook deliveries, helpdesk writes, in-flight Idempotency-Key claims,
 * invitations being sent, report write-backs) keep several instances off the same work; a process
 * that dies holding one blocks that work until the lease expires. With PGlite the data-folder
 * lock already proves that no other process has the database open, so every lease found when
 * it is opened belongs to a dead process and is released at once — otherwise
 * `attendant reports sync` right after a crash would answer "busy" for minutes. On PostgreSQL
 * other instances may be alive, so leases there only ever expire.
 */
import { isNotNull } from "drizzle-orm";
import type { Database } from "./open-database.js";
import {
  connectionReports,
  helpdeskWrites,
  idempotencyKeys,
  sessionInvitations,
  syncLeases,
  webhookDeliveries,
} from "./schema.js";

/** Call after migrating, before any job starts. Does nothing on PostgreSQL. */
export async function releaseLeasesOfDeadProcesses(database: Database): Promise<void> {
  if (database.engine !== "pglite") return;
  await database.db.delete(syncLeases);
  await database.db
    .update(webhookDeliveries)
    .set({ lockedUntil: null, lockedBy: null })
    .where(isNotNull(webhookDeliveries.lockedUntil));
  await database.db
    .update(helpdeskWrites)
    .set({ lockedUntil: null, lockedBy: null })
    .where(isNotNull(helpdeskWrites.lockedUntil));
  await database.db
    .update(idempotencyKeys)
    .set({ leaseExpiresAt: null })
    .where(isNotNull(idempotencyKeys.leaseExpiresAt));
  await database.db
    .update(sessionInvitations)
    .set({ leaseExpiresAt: null })
    .where(isNotNull(sessionInvitations.leaseExpiresAt));
  await database.db
    .update(connectionReports)
    .set({ writeBackLeaseExpiresAt: null })
    .where(isNotNull(connectionReports.writeBackLeaseExpiresAt));
}
