/**
 * On the embedded database, what authenticating an API request reads is kept in memory: each
 * key as `findApiKey` reads it, and each key's request count in its current rate window.
 *
 * Why: on PGlite the key look-up that also counts the request was the largest part of an API
 * request's own cost, ~1.5 ms of a session create's overhead (docs/performance.md, ADR 0014).
 *
 * Why it is exact: this process is the embedded database's only client (the data-folder lock),
 * and the tables a key is read from notify every committed change (migration 0009). PGlite's
 * thread delivers that notification before it answers the statement or transaction that made the
 * change (`Database.listenInOrder`), and the memory forgets every key on it. Whoever revokes a
 * key, disables a user or stores a refreshed token has therefore emptied the memory before they
 * learn that their change committed. A key read while a change was committing is used for its own
 * request but not remembered. On PostgreSQL servers there is no memory: other instances commit
 * too, and their notifications would arrive late.
 *
 * Counting in memory is as exact as the database's count was, for the same reason: one process.
 * A restart starts every key in a fresh window, as a crash did with the unlogged table.
 */
import type { Database } from "../db/open-database.js";
import { type FoundApiKey, findApiKey } from "../db/repositories/api-keys.js";

/** The channel of migration 0009's triggers. */
const principalChanged = "api_principal_changed";

/** Far more keys than an embedded deployment has; beyond it the least recently used is forgotten. */
const maxRememberedKeys = 10_000;

export interface ApiKeyMemory {
  /** The key with this prefix as `findApiKey` reads it: from memory unless something changed. */
  find(prefix: string): Promise<FoundApiKey | undefined>;
  /**
   * Counts a request of the key in the window that starts at `windowStart` and returns its number
   * in that window, this one included. A request whose window has already been followed by a
   * newer one (it waited across the minute) is counted in the newer one.
   */
  countRequest(apiKeyId: string, windowStart: Date): number;
}

/** One memory per database: every app in the process that shares the database shares it. */
const memories = new WeakMap<Database, Promise<ApiKeyMemory>>();

/** Undefined on PostgreSQL, whose changes this process does not learn of in order. */
export function apiKeyMemoryOf(database: Database): Promise<ApiKeyMemory> | undefined {
  const listen = database.listenInOrder;
  if (listen === undefined) return undefined;
  let memory = memories.get(database);
  if (memory === undefined) {
    memory = createApiKeyMemory(database, listen);
    memories.set(database, memory);
    // A memory that could not start listening is not kept: the next request tries again.
    memory.catch(() => memories.delete(database));
  }
  return memory;
}

async function createApiKeyMemory(
  database: Database,
  listen: NonNullable<Database["listenInOrder"]>,
): Promise<ApiKeyMemory> {
  /** By prefix, in least-recently-used order. Only keys that exist: unknown prefixes are read. */
  const keys = new Map<string, FoundApiKey>();
  /** Bumped by every change, so that a read that overlapped one is not remembered. */
  let changes = 0;
  await listen(principalChanged, () => {
    changes += 1;
    keys.clear();
  });
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async find(prefix) {
      const remembered = keys.get(prefix);
      if (remembered !== undefined) {
        keys.delete(prefix);
        keys.set(prefix, remembered);
        return remembered;
      }
      const changesBefore = changes;
      const found = await findApiKey(database.db, prefix);
      if (found === undefined || changes !== changesBefore) return found;
      const oldest = keys.keys().next();
      if (keys.size >= maxRememberedKeys && oldest.done !== true) keys.delete(oldest.value);
      // Every request shares the remembered rows: frozen, so none can change them for the next.
      keys.set(prefix, deepFreeze(found));
      return found;
    },
    countRequest(apiKeyId, windowStart) {
      const start = windowStart.getTime();
      const current = windows.get(apiKeyId);
      if (current !== undefined && current.start >= start) return ++current.count;
      windows.set(apiKeyId, { start, count: 1 });
      return 1;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || value instanceof Date || Object.isFrozen(value)) {
    return value;
  }
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
