/**
 * The thread PGlite runs on (started by pglite-worker-client.ts). PGlite executes statements
 * synchronously inside WebAssembly: on the service's own thread a 1000-row page upsert held
 * HTTP requests, timers and the parsing of the next report page for its whole duration. Here
 * it holds only this thread.
 *
 * It opens the database, then answers requests one message at a time through the same client
 * drizzle used before (pglite-query-client.ts: parsers installed once, named statements).
 * A transaction stays open across messages until the service's side ends it; PGlite's own lock
 * makes statements outside it wait, as they did on one thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { keepAsText, type PgliteQueryClient, pgliteQueryClient } from "./pglite-query-client.js";
import {
  type PgliteWorkerData,
  serialiseError,
  type WorkerQueryOptions,
  type WorkerReply,
  type WorkerRequest,
} from "./pglite-worker-protocol.js";

type Transaction = Parameters<Parameters<PgliteQueryClient["transaction"]>[0]>[0];

interface OpenTransaction {
  tx: Transaction;
  /** Settles the transaction's callback: commit when resolved, roll back when rejected. */
  finish(commit: boolean): void;
  /** Settles when PGlite has committed or rolled back. */
  ended: Promise<void>;
}

/** Thrown into a transaction's callback to make PGlite roll it back. */
class RollbackRequested extends Error {}

if (parentPort === null) throw new Error("pglite-worker-thread.ts runs as a worker thread only");
const port = parentPort;
const reply = (message: WorkerReply) => port.postMessage(message);
const { dataDir, options } = workerData as PgliteWorkerData;

let pglite: PGlite;
try {
  pglite = await PGlite.create(dataDir, options);
} catch (error) {
  reply({ kind: "failed", error: serialiseError(error) });
  // Not rethrown: a thread's uncaught error reaches the client by another channel than its
  // messages and may arrive before this answer. Node delivers the answer before the exit.
  process.exit(1);
}
const client = pgliteQueryClient(pglite);
const transactions = new Map<number, OpenTransaction>();
let nextTransactionId = 1;

port.on("message", (request: WorkerRequest) => {
  answer(request).then(
    (value) => reply({ kind: "result", id: request.id, value }),
    (error: unknown) => reply({ kind: "error", id: request.id, error: serialiseError(error) }),
  );
});
reply({ kind: "ready" });

async function answer(request: WorkerRequest) {
  switch (request.kind) {
    case "query": {
      const target = request.transactionId === undefined ? client : transactionOf(request.transactionId).tx;
      return target.query(request.text, request.params, queryOptions(request.options));
    }
    case "begin":
      return begin();
    case "end": {
      const open = transactionOf(request.transactionId);
      transactions.delete(request.transactionId);
      open.finish(request.commit);
      return open.ended;
    }
    case "listen":
      // PGlite calls the listener while it reads the committing statement's answer, before
      // that statement's promise settles: the notification is posted ahead of its answer.
      await pglite.listen(request.channel, (payload) =>
        reply({ kind: "notification", channel: request.channel, payload }),
      );
      return undefined;
    case "close":
      // The service's side ends the thread once this is answered.
      await pglite.close();
      return undefined;
  }
}

/** Opens a transaction and resolves to its id once PGlite has begun it. */
function begin(): Promise<number> {
  const id = nextTransactionId++;
  return new Promise((resolveBegun, rejectBegun) => {
    let finish: OpenTransaction["finish"] = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      finish = (commit) => (commit ? resolve() : reject(new RollbackRequested()));
    });
    const ended = client
      .transaction(async (tx) => {
        transactions.set(id, { tx, finish, ended });
        resolveBegun(id);
        await finished;
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollbackRequested)) throw error;
      });
    // A failed BEGIN never reaches the callback.
    ended.catch(rejectBegun);
  });
}

function transactionOf(id: number): OpenTransaction {
  const open = transactions.get(id);
  if (open === undefined) throw new Error("Transaction is closed");
  return open;
}

function queryOptions(options: WorkerQueryOptions | undefined) {
  if (options === undefined) return undefined;
  const { textTypes, ...rest } = options;
  if (textTypes === undefined) return rest;
  return { ...rest, parsers: Object.fromEntries(textTypes.map((type) => [type, keepAsText])) };
}
