import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { organisations, type UserRole, users } from "../schema.js";

export type User = typeof users.$inferSelect;

export interface CreateUserValues {
  organisationId: string;
  email: string;
  role: UserRole;
  displayName?: string;
  passwordHash?: string | null;
}

export async function createUser(db: Db, values: CreateUserValues): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ ...values, email: values.email.trim() })
    .returning();
  if (user === undefined) throw new Error("insert into users returned no row");
  return user;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/**
 * The user behind a browser or widget session, in one query on every signed-in request: only while
 * neither the user nor their organisation is disabled. `organisationTimeZone` is the zone the user
 * reads times in unless they chose their own.
 */
export async function findActiveUserById(
  db: Db,
  id: string,
): Promise<(User & { organisationTimeZone: string }) | undefined> {
  const [row] = await db
    .select({ user: users, organisationTimeZone: organisations.timeZone })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, id), eq(users.isDisabled, false), isNull(organisations.disabledAt)));
  return row === undefined ? undefined : { ...row.user, organisationTimeZone: row.organisationTimeZone };
}

/** Case-insensitive, matching the unique index on lower(email). */
export async function findUserByEmail(
  db: Db,
  organisationId: string,
  email: string,
): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), hasEmail(email)));
  return user;
}

/**
 * The user with this address in any organisation: addresses are unique in the installation, so
 * this is how sign-in finds the user's organisation.
 */
export async function findUserByEmailInInstallation(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(hasEmail(email));
  return user;
}

function hasEmail(email: string) {
  return eq(sql`lower(${users.email})`, email.trim().toLowerCase());
}

export function listUsers(db: Db, organisationId: string): Promise<User[]> {
  return db.select().from(users).where(eq(users.organisationId, organisationId)).orderBy(asc(users.email));
}

export type UserChanges = Partial<
  Pick<User, "displayName" | "role" | "passwordHash" | "locale" | "timeZone" | "isDisabled">
>;

export async function updateUser(
  db: Db,
  id: string,
  changes: UserChanges,
  now: Date,
): Promise<User | undefined> {
  const [user] = await db
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, id))
    .returning();
  return user;
}

export async function countUsers(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(eq(users.organisationId, organisationId));
  return row?.total ?? 0;
}

/** Users of every organisation together: none means the installation is not set up yet. */
export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}

/** Admins who can still sign in: the ones that keep an organisation manageable. */
export async function countActiveAdmins(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(
      and(eq(users.organisationId, organisationId), eq(users.role, "admin"), eq(users.isDisabled, false)),
    );
  return row?.total ?? 0;
}
