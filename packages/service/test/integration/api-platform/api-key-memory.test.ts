import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeyMemoryOf } from "../../../src/api-keys/api-key-memory.js";
import type { Database } from "../../../src/db/open-database.js";
import { principalTables } from "../../../src/db/repositories/api-keys.js";
import { describeEachEngine, usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness } from "../sessions/session-harness.js";

const prefixOf = (key: string) => key.split("_")[1] ?? "";

describeEachEngine("API keys kept in memory", (engine) => {
  it("are kept only on the embedded database, whose changes this process learns of in order", async () => {
    const h = await createSessionHarness(engine);

    expect(apiKeyMemoryOf(h.database) === undefined).toBe(engine.name === "postgresql");
  });
});

describe("API keys kept in memory [pglite]", () => {
  const engine = usePgliteEngine();

  it("every table a key is read from notifies a change before the changing statement is answered", async () => {
    const h = await createSessionHarness(engine);
    const seen: string[] = [];
    await h.database.listenInOrder?.("api_principal_changed", (table) => seen.push(`changed ${table}`));

    for (const table of principalTables) {
      // A statement trigger fires even when no row changes.
      await h.database.db.execute(sql`update ${sql.identifier(table)} set id = id where false`);
      seen.push(`${table} answered`);
    }

    expect(principalTables).toEqual([
      "api_keys",
      "organisations",
      "users",
      "teamviewer_apps",
      "teamviewer_connections",
    ]);
    expect(seen).toEqual(principalTables.flatMap((table) => [`changed ${table}`, `${table} answered`]));
  });

  /**
   * The harness's database, with notifications delivered only when a test calls `notify()`: a
   * change made without one shows whether the memory read the database again.
   */
  async function withControlledNotifications() {
    const h = await createSessionHarness(engine);
    let notify: () => void = () => {
      throw new Error("the memory did not listen");
    };
    const database: Database = {
      ...h.database,
      listenInOrder: async (_channel, listener) => {
        notify = () => listener("api_keys");
      },
    };
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const key = await h.createKey(supporter);
    const memory = await apiKeyMemoryOf(database);
    if (memory === undefined) throw new Error("PGlite keeps API keys in memory");
    const rename = (name: string) => h.database.db.execute(sql`update api_keys set name = ${name}`);
    return { memory, prefix: prefixOf(key), notify: () => notify(), rename, h };
  }

  it("answers a key from memory until a change is notified, then reads it again", async () => {
    const { memory, prefix, notify, rename } = await withControlledNotifications();
    const first = await memory.find(prefix);
    await rename("renamed unnoticed");

    expect(await memory.find(prefix)).toBe(first);
    notify();
    expect((await memory.find(prefix))?.key.name).toBe("renamed unnoticed");
  });

  it("does not remember a key read while a change was notified, nor a prefix that has no key", async () => {
    const { memory, prefix, notify, rename, h } = await withControlledNotifications();
    const reading = memory.find(prefix);
    notify();
    expect((await reading)?.key.prefix).toBe(prefix);
    await rename("renamed after the overlapping read");
    expect((await memory.find(prefix))?.key.name).toBe("renamed after the overlapping read");

    expect(await memory.find("0badc0de")).toBeUndefined();
    await h.database.db.execute(sql`update api_keys set prefix = '0badc0de'`);
    expect((await memory.find("0badc0de"))?.key.prefix).toBe("0badc0de");
  });

  it("shares the remembered rows frozen, so no request can change them for the next", async () => {
    const { memory, prefix } = await withControlledNotifications();
    const found = await memory.find(prefix);
    if (found === undefined) throw new Error("the key exists");

    expect(() => {
      (found.key as { scopes: string[] }).scopes.push("webhooks:write");
    }).toThrow(TypeError);
    expect(() => {
      (found.actingUserTeamViewer.connection as { status: string }).status = "revoked";
    }).toThrow(TypeError);
  });

  it("counts a key's requests per window, and a request that waited across the minute in the newer window", async () => {
    const { memory } = await withControlledNotifications();
    const nine = new Date("2026-03-02T09:00:00.000Z");
    const nineOhOne = new Date("2026-03-02T09:01:00.000Z");

    expect([memory.countRequest("key-a", nine), memory.countRequest("key-a", nine)]).toEqual([1, 2]);
    expect(memory.countRequest("key-b", nine)).toBe(1);
    expect(memory.countRequest("key-a", nineOhOne)).toBe(1);
    expect(memory.countRequest("key-a", nine)).toBe(2);
    expect(memory.countRequest("key-a", nineOhOne)).toBe(3);
  });
});
