/**
 * PGlite on a thread of its own (pglite-worker-thread.ts), offered to drizzle as the same
 * `query` and `transaction` the in-thread client has (pglite-query-client.ts).
 *
 * Why: PGlite runs each statement synchronously in WebAssembly. On the service's thread a report
 * page's upsert (~150–200 ms) stopped everything else: HTTP answers, timers, and fetching and
 * parsing the next page, which is why a PGlite sync could not overlap fetching with storing as
 * it does on a PostgreSQL server (docs/performance.md, ADR 0011). Statements now cost a message
 * each way (0.35–0.5 ms a statement in the session-create benchmark) and the service's thread
 * stays free while they run.
 */
import { Worker } from "node:worker_threads";
import type { PGlite, Results } from "@electric-sql/pglite";
import { withoutTextParsers } from "./pglite-query-client.js";
import {
  type PgliteWorkerData,
  type PgliteWorkerOptions,
  reviveError,
  type WorkerQueryOptions,
  type WorkerReply,
  type WorkerRequest,
  type WorkerRequestBody,
} from "./pglite-worker-protocol.js";

type QueryOptions = NonNullable<Parameters<PGlite["query"]>[2]>;

export interface WorkerTransaction {
  query<Row>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  readonly closed: boolean;
}

export interface PgliteWorkerClient {
  query<Row>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
  transaction<T>(callback: (tx: WorkerTransaction) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` with each notification on `channel` (`pg_notify`), once PGlite listens to
   * it. A notification reaches the listener before the answer to the statement (or the end of
   * the transaction) whose commit sent it.
   */
  listen(channel: string, listener: (payload: string) => void): Promise<void>;
  /** Closes the database and ends the thread. */
  close(): Promise<void>;
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

const fromSource = import.meta.url.endsWith(".ts");
const threadEntry = new URL(
  fromSource ? "./pglite-worker-thread.ts" : "./pglite-worker-thread.js",
  import.meta.url,
);

/**
 * The compiled service starts the thread's JavaScript entry. From source (tests, `tsx`) the entry
 * is TypeScript, which a new thread cannot load by itself (an inherited `--import tsx` does not
 * reach a worker's entry module): the thread registers tsx first, then imports it.
 */
function newThread(workerData: PgliteWorkerData): Worker {
  if (!fromSource) return new Worker(threadEntry, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const start = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(threadEntry.href)}); });`;
  return new Worker(start, { eval: true, workerData });
}

/** Starts the thread and opens the database in it; rejects with PGlite's reason when it cannot. */
export async function startPgliteWorker(
  dataDir: string | undefined,
  options: PgliteWorkerOptions = {},
): Promise<PgliteWorkerClient> {
  const workerData: PgliteWorkerData = { dataDir, options };
  const worker = newThread(workerData);
  const pending = new Map<number, Pending>();
  /** Per channel: its listeners, and the request that made PGlite listen to it. */
  const channels = new Map<string, { listeners: Set<(payload: string) => void>; listening: Promise<void> }>();
  let nextId = 1;
  /** Set once the thread is gone: every later request fails with it. */
  let stopped: Error | undefined;

  const opened = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: WorkerReply) => {
      switch (reply.kind) {
        case "ready":
          resolve();
          return;
        case "failed": {
          const cause = reviveError(reply.error);
          const where = dataDir === undefined ? "in memory" : `in ${dataDir}`;
          reject(new Error(`PGlite could not open the database ${where}: ${cause.message}`, { cause }));
          return;
        }
        case "result":
        case "error": {
          const waiting = pending.get(reply.id);
          pending.delete(reply.id);
          if (pending.size === 0) worker.unref();
          if (reply.kind === "result") waiting?.resolve(reply.value);
          else waiting?.reject(reviveError(reply.error));
          return;
        }
        case "notification":
          // Synchronously: the committing statement's answer is the next message.
          for (const listener of channels.get(reply.channel)?.listeners ?? []) listener(reply.payload);
          return;
      }
    });
    const stop = (error: Error) => {
      stopped ??= error;
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on("error", (error) =>
      stop(new Error(`The embedded database stopped: ${error.message}`, { cause: error })),
    );
    worker.on("exit", (code) =>
      stop(new Error(`The embedded database is closed (its thread exited with code ${code})`)),
    );
  });

  function request<T>(message: WorkerRequestBody): Promise<T> {
    if (stopped !== undefined) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as Pending["resolve"], reject });
      worker.postMessage({ ...message, id } as WorkerRequest);
    });
  }

  async function query<Row>(
    text: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    transactionId?: number,
  ): Promise<Results<Row>> {
    const workerOptions = toWorkerOptions(options);
    const result = await request<Results<Row>>({
      kind: "query",
      text,
      params,
      options: workerOptions,
      ...(transactionId === undefined ? {} : { transactionId }),
    });
    const parsers = workerOptions?.textTypes === undefined ? undefined : options?.parsers;
    return parsers === undefined ? result : applyParsers(result, parsers);
  }

  await opened;
  // Like PGlite on the service's thread, an idle database does not keep the process alive; a
  // statement in flight does (request() refs the thread again).
  if (pending.size === 0) worker.unref();
  return {
    query: (text, params, options) => query(text, params, options),
    async transaction<T>(callback: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
      const transactionId = await request<number>({ kind: "begin" });
      let closed = false;
      const end = (commit: boolean) => {
        closed = true;
        return request<void>({ kind: "end", transactionId, commit });
      };
      const tx: WorkerTransaction = {
        query: (text, params, options) =>
          closed
            ? Promise.reject(new Error("Transaction is closed"))
            : query(text, params, options, transactionId),
        get closed() {
          return closed;
        },
      };
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        // The callback's error is the one to report; a thread that is gone took the
        // transaction with it.
        await end(false).catch(() => undefined);
        throw error;
      }
      await end(true);
      return result;
    },
    async listen(channel, listener) {
      let known = channels.get(channel);
      if (known === undefined) {
        known = { listeners: new Set(), listening: request<void>({ kind: "listen", channel }) };
        channels.set(channel, known);
      }
      known.listeners.add(listener);
      await known.listening;
    },
    async close() {
      if (stopped === undefined) await request<void>({ kind: "close" });
      await worker.terminate();
    },
  };
}

/**
 * The options that can travel to the thread. A caller's own type parsers become type ids the
 * thread returns as text (drizzle's own, which only repeat what the thread does, are dropped);
 * callbacks PGlite would call during the statement (serialisers, notices, blobs) cannot cross.
 */
function toWorkerOptions(options: QueryOptions | undefined): WorkerQueryOptions | undefined {
  const kept = withoutTextParsers(options);
  if (kept === undefined) return undefined;
  const { rowMode, paramTypes, parsers, ...others } = kept;
  const refused = Object.keys(others);
  if (refused.length > 0) {
    throw new Error(
      `PGlite runs on its own thread and cannot be given the query option ${refused.join(", ")}; use rowMode, paramTypes or parsers`,
    );
  }
  return {
    ...(rowMode === undefined ? {} : { rowMode }),
    ...(paramTypes === undefined ? {} : { paramTypes }),
    ...(parsers === undefined ? {} : { textTypes: Object.keys(parsers).map(Number) }),
  };
}

/** Applies a caller's own type parsers to the text the worker returned for those types. */
function applyParsers<Row>(
  result: Results<Row>,
  parsers: NonNullable<QueryOptions["parsers"]>,
): Results<Row> {
  const parsedFields = result.fields.flatMap((field, index) => {
    const parser = parsers[field.dataTypeID];
    return parser === undefined ? [] : [{ index, name: field.name, parser }];
  });
  if (parsedFields.length === 0) return result;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const { index, name, parser } of parsedFields) {
      const key = Array.isArray(row) ? index : name;
      const value = row[key];
      if (typeof value === "string") row[key] = parser(value);
    }
  }
  return result;
}
