/**
 * Security properties that no other test names outright (docs/security.md maps
 * every property to its test).
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  joinPathIn,
} from "../session-pages/pages-harness.js";

describe("security properties", () => {
  const engine = usePgliteEngine();

  it("join links are random 256-bit tokens, different every time, stored only as their SHA-256", async () => {
    const h = await createPagesHarness(engine, { mailer: "recording" });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter);
    const tokens: string[] = [];
    for (let index = 0; index < 3; index++) {
      const sessionPath = await createSessionThroughPage(browser, { externalId: `join-${index}` });
      await invite(browser, sessionPath);
      tokens.push(joinPathIn(h.sentMail.at(-1)?.text ?? "").slice("/join/".length));
    }
    // 43 base64url characters carry 258 bits; the generator draws 32 random bytes.
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);

    const stored = await queryRows<Record<string, unknown>>(h.database.db, sql`select * from join_links`);
    expect(stored).toHaveLength(tokens.length);
    const everything = JSON.stringify(stored);
    for (const token of tokens) {
      expect(everything).not.toContain(token);
      const hash = createHash("sha256").update(token).digest("hex");
      expect(stored.map((row) => row.token_hash)).toContain(hash);
    }
  });
});

describe("answers the fuzzer found", () => {
  const engine = usePgliteEngine();

  it("editing a webhook endpoint that does not exist with invalid input is a 404, never a 500", async () => {
    const h = await createPagesHarness(engine);
    const admin = await h.addUser("admin");
    const browser = await h.signIn(admin);
    const csrf = await browser.csrfTokenFrom("/profile");
    const before = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from webhook_endpoints`,
    );

    const response = await browser.post("/webhooks/fa6b2463-76bd-4469-9b7c-4117c670ff7e", {
      _csrf: csrf,
      url: "0",
    });

    expect(response.status).toBe(404);
    expect(await queryRows(h.database.db, sql`select count(*)::int as n from webhook_endpoints`)).toEqual(
      before,
    );
  });
});
