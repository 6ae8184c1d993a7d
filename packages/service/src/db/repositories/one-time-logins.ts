import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { oneTimeLogins } from "../schema.js";

export async function createOneTimeLogin(
  db: Db,
  values: { tokenHash: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  const { now, ...rest } = values;
  await db.insert(oneTimeLogins).values({ ...rest, createdAt: now });
}

/**
 * Marks the link used and returns its user, or undefined when it is unknown, used or expired.
 * One conditional UPDATE, so two simultaneous clicks cannot both succeed.
 */
export async function consumeOneTimeLogin(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .update(oneTimeLogins)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeLogins.tokenHash, tokenHash),
        isNull(oneTimeLogins.usedAt),
        gt(oneTimeLogins.expiresAt, now),
      ),
    )
    .returning({ userId: oneTimeLogins.userId });
  return row;
}
