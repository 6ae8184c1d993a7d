import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createApp } from "../../../src/http/create-app.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { createSessionHarness } from "../sessions/session-harness.js";

async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine, {}, { ATTENDANT_API_RATE_LIMIT_PER_MINUTE: "3" });
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const key = await h.createKey(supporter);
  return { h, key, supporter };
}

describeEachEngine("per-API-key rate limit", (engine) => {
  it("answers 429 problem+json with Retry-After past the limit, and again 200 in the next minute", async () => {
    const { h, key } = await setUp(engine);
    // 09:00:15 on the fake clock: the window ends in 45 seconds.
    h.clock.advance(15_000);
    for (let request = 1; request <= 3; request += 1) {
      const response = await h.api("GET", "/api/v1/sessions", { key });
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      expect(response.headers.get("ratelimit-remaining")).toBe(String(3 - request));
      expect(response.headers.get("ratelimit-reset")).toBe("45");
      expect(response.headers.get("x-ratelimit-limit")).toBe("3");
    }
    const refused = await h.api("GET", "/api/v1/sessions", { key });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("45");
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: "rate-limited",
      retryAfterSeconds: 45,
      requestId: expect.any(String),
      detail: expect.stringContaining("more than 3 requests"),
    });
    h.clock.advance(45_000);
    const nextMinute = await h.api("GET", "/api/v1/sessions", { key });
    expect(nextMinute.status).toBe(200);
    expect(nextMinute.headers.get("ratelimit-remaining")).toBe("2");
  });

  it("counts each key on its own, and shares the count between instances on one database", async () => {
    const { h, key, supporter } = await setUp(engine);
    const otherKey = await h.createKey(supporter);
    const secondInstance = createApp({ ...h.deps, config: h.config });
    const viaSecond = () =>
      secondInstance.request("http://localhost:3000/api/v1/sessions", {
        headers: { authorization: `Bearer ${key}` },
      });
    expect((await h.api("GET", "/api/v1/sessions", { key })).status).toBe(200);
    expect((await viaSecond()).status).toBe(200);
    expect((await h.api("GET", "/api/v1/sessions", { key })).status).toBe(200);
    expect((await viaSecond()).status).toBe(429);
    expect((await h.api("GET", "/api/v1/sessions", { key: otherKey })).status).toBe(200);
  });

  it("lets exactly the limit through when requests arrive at the same time", async () => {
    const { h, key } = await setUp(engine);
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async () => (await h.api("GET", "/api/v1/sessions", { key })).status),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  // PostgreSQL servers count in api_key_rate_windows, shared by every instance; the embedded
  // database has one process and counts in memory (src/api-keys/api-key-memory.ts).
  it("keeps only the current window of a key on PostgreSQL, and nothing in the table on PGlite", async () => {
    const { h, key } = await setUp(engine);
    await h.api("GET", "/api/v1/sessions", { key });
    h.clock.advance(60_000);
    await h.api("GET", "/api/v1/sessions", { key });
    h.clock.advance(120_000);
    const latest = await h.api("GET", "/api/v1/sessions", { key });
    expect(latest.headers.get("ratelimit-remaining")).toBe("2");
    const rows = await queryRows<{ window_start: Date | string; request_count: number }>(
      h.database.db,
      sql`select window_start, request_count from api_key_rate_windows`,
    );
    const windows = rows.map((row) => [new Date(row.window_start).toISOString(), row.request_count]);
    expect(windows).toEqual(engine.name === "postgresql" ? [["2026-03-02T09:03:00.000Z", 1]] : []);
  });

  it("does not count requests without a valid key, and does not limit the public document", async () => {
    const { h } = await setUp(engine);
    for (let request = 0; request < 5; request += 1) {
      expect((await h.api("GET", "/api/v1/openapi.json")).status).toBe(200);
      expect((await h.api("GET", "/api/v1/sessions")).status).toBe(401);
    }
    const rows = await queryRows(h.database.db, sql`select * from api_key_rate_windows`);
    expect(rows).toEqual([]);
  });

  // On PostgreSQL the count is taken by the statement that finds the key
  // (findApiKeyCountingRequest), before the key is checked in code: it must count exactly the
  // requests that then authenticate. On PGlite a refused request must not reach the count either.
  it("does not count a key's refused requests: wrong secret, disabled supporter, revoked key", async () => {
    const { h, key, supporter } = await setUp(engine);
    const remaining = async () =>
      (await h.api("GET", "/api/v1/sessions", { key })).headers.get("ratelimit-remaining");
    const wrongSecret = `${key.slice(0, key.lastIndexOf("_") + 1)}${"A".repeat(43)}`;
    expect((await h.api("GET", "/api/v1/sessions", { key: wrongSecret })).status).toBe(401);
    await h.database.db.execute(sql`update users set is_disabled = true where id = ${supporter.id}`);
    expect((await h.api("GET", "/api/v1/sessions", { key })).status).toBe(401);

    await h.database.db.execute(sql`update users set is_disabled = false where id = ${supporter.id}`);
    expect(await remaining()).toBe("2");

    await h.database.db.execute(sql`update api_keys set revoked_at = now()`);
    expect((await h.api("GET", "/api/v1/sessions", { key })).status).toBe(401);
    await h.database.db.execute(sql`update api_keys set revoked_at = null`);
    expect(await remaining()).toBe("1");
  });
});
