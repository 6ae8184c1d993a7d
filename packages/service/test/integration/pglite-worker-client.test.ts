import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteQueryClient } from "../../src/db/pglite-query-client.js";
import { type PgliteWorkerClient, startPgliteWorker } from "../../src/db/pglite-worker-client.js";

/** Types drizzle parses itself, types PGlite parses, and parameters of each kind the service binds. */
const probe = sql`select
  timestamptz '2030-01-02 03:04:05.678+00' as "timestamptz",
  interval '1 day 02:03:04' as "interval",
  date '2030-01-02' as "date",
  array[timestamptz '2030-01-02 03:04:05+00']::timestamptz[] as "timestamptzs",
  '{"a": [1, "b"], "ja": "接続レポート"}'::jsonb as "jsonb",
  9007199254740993::int8 as "int8",
  1.25::numeric as "numeric",
  '\\x0102'::bytea as "bytea",
  array['x', 'y']::text[] as "texts",
  ${new Date("2030-01-02T03:04:05.678Z")}::timestamptz::text as "boundDate",
  ${JSON.stringify({ ü: "Grüße" })}::jsonb as "boundJson",
  ${null}::uuid as "boundNull"`;

describe("PGlite on its own thread", () => {
  let inThread: PGlite;
  let worker: PgliteWorkerClient;

  beforeAll(async () => {
    [inThread, worker] = await Promise.all([PGlite.create(), startPgliteWorker(undefined)]);
  });
  afterAll(async () => {
    await Promise.all([inThread.close(), worker.close()]);
  });

  it("returns the same rows and fields through drizzle as PGlite on the service's thread, in and outside a transaction", async () => {
    const expectedDb = drizzle({ client: pgliteQueryClient(inThread) as PGlite });
    const workerDb = drizzle({ client: worker as unknown as PGlite });
    const expected = await expectedDb.execute(probe);

    const outside = await workerDb.execute(probe);
    expect(outside.rows).toEqual(expected.rows);
    expect(outside.fields).toEqual(expected.fields);
    expect((await workerDb.transaction((tx) => tx.execute(probe))).rows).toEqual(expected.rows);
    const at = sql<string>`${sql.raw("timestamptz '2030-01-02 03:04:05.678+00'")}`;
    expect(await workerDb.select({ at }).from(sql`(select 1) as one`)).toEqual(
      await expectedDb.select({ at }).from(sql`(select 1) as one`),
    );
  });

  it("applies parsers a caller asks for beyond drizzle's own, in object and array rows", async () => {
    const parsers = { [types.INT4]: (value: string) => `int:${value}` };
    const objects = await worker.query("select 41 + 1 as n, $1::int as m, 'x' as t", [7], { parsers });
    const arrays = await worker.query("select 41 + 1 as n, null::int as m", [], {
      parsers,
      rowMode: "array",
    });

    expect(objects.rows).toEqual([{ n: "int:42", m: "int:7", t: "x" }]);
    expect(arrays.rows).toEqual([["int:42", null]]);
  });

  it("refuses a query option that cannot cross to the thread, naming it", async () => {
    const attempt = worker.query("select 1", [], { onNotice: () => undefined });

    await expect(attempt).rejects.toThrow(/cannot be given the query option onNotice/);
    expect((await worker.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });

  it("rejects with the database's error, code and fields included, and keeps working", async () => {
    await worker.query("create table worker_errors (id int primary key)");
    await worker.query("insert into worker_errors values ($1)", [1]);

    await expect(worker.query("insert into worker_errors values ($1)", [1])).rejects.toMatchObject({
      code: "23505",
      constraint: "worker_errors_pkey",
      message: expect.stringContaining("duplicate key"),
    });
    await expect(worker.query("select 1 / 0")).rejects.toMatchObject({ code: "22012" });
    expect((await worker.query("select count(*)::int as n from worker_errors")).rows).toEqual([{ n: 1 }]);
  });

  it("commits a transaction's writes, rolls back a failed one, and refuses statements on a closed one", async () => {
    await worker.query("create table worker_tx (id int primary key)");
    const count = async () =>
      (await worker.query<{ n: number }>("select count(*)::int as n from worker_tx")).rows;

    await expect(
      worker.transaction(async (tx) => {
        await tx.query("insert into worker_tx values ($1)", [1]);
        expect((await tx.query("select count(*)::int as n from worker_tx")).rows).toEqual([{ n: 1 }]);
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await count()).toEqual([{ n: 0 }]);

    let closedTx: Parameters<Parameters<PgliteWorkerClient["transaction"]>[0]>[0] | undefined;
    const returned = await worker.transaction(async (tx) => {
      await tx.query("insert into worker_tx values ($1)", [2]);
      closedTx = tx;
      return "kept";
    });
    expect(returned).toBe("kept");
    expect(await count()).toEqual([{ n: 1 }]);
    expect(closedTx?.closed).toBe(true);
    await expect(closedTx?.query("select 1")).rejects.toThrow("Transaction is closed");
  });

  it("runs a statement from outside an open transaction only after it ends, as PGlite does on one thread", async () => {
    await worker.query("create table worker_order (id int)");
    let outside: Promise<unknown> | undefined;
    await worker.transaction(async (tx) => {
      await tx.query("insert into worker_order values (1)");
      outside = worker.query("select count(*)::int as n from worker_order");
      await tx.query("insert into worker_order values (2)");
    });

    expect(await outside).toMatchObject({ rows: [{ n: 2 }] });
  });

  // What the embedded database's API key memory relies on (src/api-keys/api-key-memory.ts).
  it("delivers a committed notification before the answer to the statement or transaction that sent it, and none for a rollback", async () => {
    await worker.query("create table worker_notify (id int)");
    await worker.query(`create function worker_notify_changed() returns trigger language plpgsql as $$
      begin perform pg_notify('worker_notify_changed', tg_op); return null; end $$`);
    await worker.query(`create trigger worker_notify_changed after insert or update on worker_notify
      for each statement execute function worker_notify_changed()`);
    const seen: string[] = [];
    await worker.listen("worker_notify_changed", (payload) => seen.push(`notified ${payload}`));
    await worker.listen("worker_notify_changed", (payload) => seen.push(`second listener ${payload}`));

    await worker.query("insert into worker_notify values ($1)", [1]);
    seen.push("insert answered");
    await worker.query("select * from worker_notify where id = $1", [1]);
    seen.push("select answered");
    await worker.transaction(async (tx) => {
      await tx.query("update worker_notify set id = $1", [2]);
      seen.push("update in transaction answered");
    });
    seen.push("transaction ended");
    await worker
      .transaction(async (tx) => {
        await tx.query("insert into worker_notify values ($1)", [3]);
        throw new Error("abandon");
      })
      .catch(() => seen.push("rolled back"));

    expect(seen).toEqual([
      "notified INSERT",
      "second listener INSERT",
      "insert answered",
      "select answered",
      "update in transaction answered",
      "notified UPDATE",
      "second listener UPDATE",
      "transaction ended",
      "rolled back",
    ]);
  });

  it("fails every later statement with a clear error once closed", async () => {
    const closing = await startPgliteWorker(undefined);
    await closing.close();

    await expect(closing.query("select 1")).rejects.toThrow(/embedded database is closed/);
  });
});

describe("PGlite's thread and its data folder", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "attendant-pglite-worker-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps what was written after the database is closed and opened again", async () => {
    const dataDir = path.join(folder, "kept");
    const first = await startPgliteWorker(dataDir);
    await first.query("create table kept (label text)");
    await first.query("insert into kept values ($1)", ["Grüße, 接続"]);
    await first.close();

    const again = await startPgliteWorker(dataDir);
    expect((await again.query("select label from kept")).rows).toEqual([{ label: "Grüße, 接続" }]);
    await again.close();
  });

  it("rejects with where and why when the database cannot be opened", async () => {
    const notAFolder = path.join(folder, "file");
    writeFileSync(notAFolder, "not a database");

    const attempt = startPgliteWorker(notAFolder);

    await expect(attempt).rejects.toThrow(
      `PGlite could not open the database in ${notAFolder}: ErrnoError (errno`,
    );
    await expect(attempt).rejects.toMatchObject({ cause: { name: "ErrnoError", errno: expect.any(Number) } });
  });

  it("does not keep a process alive once nothing is in flight, like PGlite on one thread", () => {
    const script = `
      import { startPgliteWorker } from ${JSON.stringify(new URL("../../src/db/pglite-worker-client.ts", import.meta.url).href)};
      const client = await startPgliteWorker(undefined);
      const { rows } = await client.query("select 1 as one");
      console.log(JSON.stringify(rows));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 60_000,
    });

    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe('[{"one":1}]');
    expect(child.status).toBe(0);
  });
});
