import { eq } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { webSessions } from "../schema.js";

export type WebSession = typeof webSessions.$inferSelect;

export interface CreateWebSessionValues {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  tokenHash: string;
  userId: string;
  csrfSecret: string;
  now: Date;
  expiresAt: Date;
}

export async function createWebSession(db: Db, values: CreateWebSessionValues): Promise<WebSession> {
  const { now, ...rest } = values;
  const [session] = await db
    .insert(webSessions)
    .values({ ...rest, createdAt: now, lastSeenAt: now })
    .returning();
  if (session === undefined) throw new Error("insert into web_sessions returned no row");
  return session;
}

export async function findWebSessionByTokenHash(db: Db, tokenHash: string): Promise<WebSession | undefined> {
  const [session] = await db.select().from(webSessions).where(eq(webSessions.tokenHash, tokenHash));
  return session;
}

/** Records activity, which pushes the idle timeout forward. */
export async function touchWebSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(webSessions).set({ lastSeenAt: now }).where(eq(webSessions.id, id));
}

export async function deleteWebSession(db: Db, id: string): Promise<void> {
  await db.delete(webSessions).where(eq(webSessions.id, id));
}

/** Logs a user out everywhere, e.g. after a password change or when disabled. */
export async function deleteWebSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(webSessions).where(eq(webSessions.userId, userId));
}
