/**
 * Key rotation, step three of four: add a key → make it primary → **rewrap** → drop the old key.
 * Re-encrypts every stored secret that is not yet under the primary key.
 *
 * - No downtime: old and new keys are both in the keyring while it runs, so every read works
 *   at every moment; each row is replaced atomically.
 * - Batched: `batchSize` rows per query, so memory stays flat whatever the table sizes.
 * - Idempotent and resumable: the work list is "values not under the primary key", read from
 *   the data itself. Stopping (abort, crash) and running again simply continues.
 * - Safe beside live writes: a value is only replaced if unchanged since it was read.
 */
import type { Db } from "../db/open-database.js";
import {
  bindingFor,
  listRowsNotUnderKey,
  replaceSealedValue,
  secretColumns,
} from "../db/repositories/stored-secrets.js";
import type { SecretBox } from "./secret-box.js";

export interface RewrapOptions {
  db: Db;
  vault: SecretBox;
  /** Rows per query; defaults to 100. */
  batchSize?: number;
  /** Stops between batches; run again later to continue. */
  signal?: AbortSignal;
  /** Called after each batch, e.g. to report progress or, in tests, to act mid-run. */
  onBatch?: (progress: RewrapProgress) => void | Promise<void>;
}

export interface RewrapProgress {
  /** Values re-encrypted so far in this run. */
  rewrapped: number;
}

export interface RewrapResult extends RewrapProgress {
  /** False when stopped by the signal before every value was under the primary key. */
  isComplete: boolean;
}

export async function rewrapSecrets(options: RewrapOptions): Promise<RewrapResult> {
  const { db, vault, signal } = options;
  const batchSize = options.batchSize ?? 100;
  const primaryKeyId = vault.keyring.primaryKeyId;
  let rewrapped = 0;

  for (const column of Object.values(secretColumns)) {
    // Keyset paging by id: rows skipped because they changed meanwhile are not revisited.
    let afterId: string | undefined;
    for (;;) {
      if (signal?.aborted) return { rewrapped, isComplete: false };
      const rows = await listRowsNotUnderKey(db, column, { primaryKeyId, afterId, limit: batchSize });
      if (rows.length === 0) break;
      for (const row of rows) {
        const binding = bindingFor(column, row.id);
        const resealed = vault.encrypt(vault.decrypt(row.sealed, binding), binding);
        if (await replaceSealedValue(db, column, row, resealed)) rewrapped++;
      }
      afterId = rows.at(-1)?.id;
      await options.onBatch?.({ rewrapped });
    }
  }
  return { rewrapped, isComplete: true };
}
