/**
 * The messages between the service's thread and the thread that runs PGlite
 * (pglite-worker-client.ts ↔ pglite-worker-thread.ts). Everything in them survives
 * `postMessage`: functions (type parsers, notice callbacks) never cross, and errors travel as
 * their fields and are made into errors again on the other side.
 */
import type { PGliteOptions, RowMode } from "@electric-sql/pglite";

/** What PGlite.create is given in the worker: only options that can be copied to it. */
export type PgliteWorkerOptions = Pick<PGliteOptions, "postgresqlconf">;

export interface PgliteWorkerData {
  /** The PGlite folder; undefined for an in-memory database. */
  dataDir: string | undefined;
  options: PgliteWorkerOptions;
}

export interface WorkerQueryOptions {
  rowMode?: RowMode;
  paramTypes?: number[];
  /** Type ids whose values the worker returns as text, for a parser on the service's side. */
  textTypes?: number[];
}

export type WorkerRequest =
  | {
      kind: "query";
      id: number;
      /** The transaction the statement belongs to; none for a statement of its own. */
      transactionId?: number;
      text: string;
      params: unknown[] | undefined;
      options: WorkerQueryOptions | undefined;
    }
  | { kind: "begin"; id: number }
  | { kind: "end"; id: number; transactionId: number; commit: boolean }
  /** Starts forwarding the channel's notifications (PGlite's `LISTEN`). */
  | { kind: "listen"; id: number; channel: string }
  | { kind: "close"; id: number };

/** `Omit` applied to each member of a union, so each keeps its own fields. */
type OmitEach<Union, Key extends PropertyKey> = Union extends unknown ? Omit<Union, Key> : never;

/** A request before the client numbers it. */
export type WorkerRequestBody = OmitEach<WorkerRequest, "id">;

export type WorkerReply =
  | { kind: "ready" }
  | { kind: "failed"; error: SerialisedError }
  | { kind: "result"; id: number; value: unknown }
  | { kind: "error"; id: number; error: SerialisedError }
  /**
   * A notification on a channel the service listens to. Sent before the answer to the statement
   * whose commit sent it, so the service has seen it by the time that statement is answered.
   */
  | { kind: "notification"; channel: string; payload: string };

export interface SerialisedError {
  name: string;
  message: string;
  /** The error's own fields: a database error's `code`, `detail`, `constraint`, … */
  fields: Record<string, unknown>;
}

/**
 * Keeps the fields `postMessage` can copy; a field it cannot (a function, say) is left out.
 * PGlite's file system also throws plain objects (Emscripten's `ErrnoError`, with `errno` and
 * no message); their fields become the message, so it still says what failed.
 */
export function serialiseError(error: unknown): SerialisedError {
  if (typeof error !== "object" || error === null) {
    return { name: "Error", message: String(error), fields: {} };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      fields[key] = structuredClone(value);
    } catch {
      // Not copyable: PGlite attaches the query's options, parsers included.
    }
  }
  if (error instanceof Error) return { name: error.name, message: error.message, fields };
  const name = typeof fields.name === "string" ? fields.name : "Error";
  const details = Object.entries(fields)
    .filter(([key]) => key !== "name")
    .map(([key, value]) => `${key} ${String(value)}`);
  return { name, message: details.length === 0 ? name : `${name} (${details.join(", ")})`, fields };
}

/** An error on the service's side with the worker's message and fields; its stack is the caller's. */
export function reviveError(serialised: SerialisedError): Error {
  const error = Object.assign(new Error(serialised.message), serialised.fields);
  error.name = serialised.name;
  return error;
}
