/**
 * Per-key request counts in fixed one-minute windows (src/api/rate-limit.ts). The count itself is
 * taken with the key look-up (`findApiKeyCountingRequest` in api-keys.ts): one
 * INSERT … ON CONFLICT DO UPDATE on the (key, window) primary key, so concurrent requests on any
 * number of instances each get their own, exact number back on either engine.
 */
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { apiKeyRateWindows } from "../schema.js";

/** Removes the key's windows that started before `before`; they can no longer limit anything. */
export async function deleteApiKeyRateWindowsBefore(
  db: Db,
  values: { apiKeyId: string; before: Date },
): Promise<void> {
  await db
    .delete(apiKeyRateWindows)
    .where(
      and(eq(apiKeyRateWindows.apiKeyId, values.apiKeyId), lt(apiKeyRateWindows.windowStart, values.before)),
    );
}
