/**
 * Per-key request counts in fixed one-minute windows (src/api/rate-limit.ts). The count is one
 * INSERT … ON CONFLICT DO UPDATE on the (key, window) primary key, so concurrent requests on any
 * number of instances each get their own, exact number back on either engine.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../open-database.js";
import { apiKeyRateWindows } from "../schema.js";

/** Counts one request in the key's window and returns the window's count including it. */
export async function countApiKeyRequest(
  db: Db,
  values: { apiKeyId: string; windowStart: Date },
): Promise<number> {
  const [row] = await db
    .insert(apiKeyRateWindows)
    .values({ apiKeyId: values.apiKeyId, windowStart: values.windowStart, requestCount: 1 })
    .onConflictDoUpdate({
      target: [apiKeyRateWindows.apiKeyId, apiKeyRateWindows.windowStart],
      set: { requestCount: sql`${apiKeyRateWindows.requestCount} + 1` },
    })
    .returning({ requestCount: apiKeyRateWindows.requestCount });
  if (row === undefined) throw new Error("upsert into api_key_rate_windows returned no row");
  return row.requestCount;
}

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
