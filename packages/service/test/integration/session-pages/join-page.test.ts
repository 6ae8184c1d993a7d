import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { createPagesHarness, createSessionThroughPage, invite, joinPathIn } from "./pages-harness.js";

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  const h = await createPagesHarness(engine, { mailer: "recording" });
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const browser = await h.signIn(supporter, "Kenji Sato");
  const sessionPath = await createSessionThroughPage(browser);
  const sent = await invite(browser, sessionPath);
  expect(sent.status).toBe(200);
  const joinPath = joinPathIn(h.sentMail[0]?.text ?? "");
  return { h, supporter, browser, sessionPath, joinPath };
}

/** The validity line as a customer reads it: the `<time>` the page's script may rewrite, as text. */
const validityIn = (html: string) =>
  /<p class="join-valid" id="valid-until">([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "");

describe("the end customer's join page", () => {
  const engine = usePgliteEngine();

  it("shows who helps, the Join link, how to get QuickSupport and the validity, in English by default", async () => {
    const { h, joinPath, sessionPath } = await setUp(engine);
    const response = await h.visitor().get(joinPath);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Kenji Sato from Contoso Helpdesk will help you.");
    expect(html).toContain("Getting QuickSupport");
    expect(validityIn(html)).toBe("This invitation is valid until 3 March 2026 at 09:00 UTC.");
    const [row] = await queryRows<{ end_customer_link: string }>(
      h.database.db,
      sql`select end_customer_link from support_sessions where id = ${sessionPath.split("/")[2]}`,
    );
    expect(html).toContain(`href="${row?.end_customer_link}"`);
  });

  it("speaks German and Japanese from Accept-Language on an address given without an e-mail, and switches with ?lang=", async () => {
    const { h, browser, sessionPath } = await setUp(engine);
    // An invitation's own language would come first (test/integration/brand/brand-for-customers.test.ts).
    const joinPath = joinPathIn(
      await (await browser.submit(sessionPath, `${sessionPath}/join-address`, {})).text(),
    );
    const german = await (await h.visitor().get(joinPath, { "accept-language": "de-AT,de;q=0.9" })).text();
    expect(german).toContain('<html lang="de">');
    expect(german).toContain("Kenji Sato von Contoso Helpdesk hilft Ihnen.");
    expect(german).toContain(">Teilnehmen<");
    expect(validityIn(german)).toBe("Diese Einladung gilt bis 3. März 2026 um 09:00 UTC.");

    const japanese = await (await h.visitor().get(`${joinPath}?lang=ja`, { "accept-language": "de" })).text();
    expect(japanese).toContain('<html lang="ja">');
    expect(japanese).toContain("Contoso Helpdesk の Kenji Sato がサポートいたします。");
    expect(japanese).toContain(">参加する<");
    expect(validityIn(japanese)).toBe("この招待の有効期限は 2026年3月3日 9:00 UTC です。");
    expect(japanese).toContain(`href="${joinPath}?lang=en"`);
  });

  it("shows nothing that belongs to the supporter: no supporter link, queue token or e-mail address", async () => {
    const { h, joinPath, supporter, browser, sessionPath } = await setUp(engine);
    const sessionPage = await (await browser.get(sessionPath)).text();
    const supporterLink = /href="([^"]+)"[^>]*id="open-in-teamviewer"/.exec(sessionPage)?.[1] ?? "";
    const queueToken = /servicequeuetoken=([A-Za-z0-9]+)/.exec(sessionPage)?.[1] ?? "";
    expect(supporterLink).toMatch(/^http/);
    expect(queueToken).toHaveLength(12);
    // Even a signed-in colleague opening the address sees only the customer's page.
    for (const viewer of [h.visitor(), browser]) {
      const html = await (await viewer.get(joinPath)).text();
      expect(html).not.toContain(supporterLink);
      expect(html).not.toContain(queueToken);
      expect(html).not.toContain(supporter.email);
      expect(html).not.toContain("IndexByol");
      expect(html).not.toContain("/logout");
    }
  });

  it("answers no-store, no-referrer and the strict CSP, and sets no session cookie", async () => {
    const { h, joinPath } = await setUp(engine);
    const response = await h.visitor().get(joinPath);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.getSetCookie().join(";")).not.toContain("attendant_session");
  });

  it("stores only the SHA-256 of the token", async () => {
    const { h, joinPath } = await setUp(engine);
    const token = joinPath.split("/")[2] ?? "";
    const rows = await queryRows<Record<string, unknown>>(h.database.db, sql`select * from join_links`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("says kindly that an expired invitation is over, and that a closed session has ended", async () => {
    const { h, joinPath, browser, sessionPath } = await setUp(engine);
    h.clock.advance(25 * 3600 * 1000);
    const expired = await h.visitor().get(`${joinPath}?lang=ja`);
    expect(expired.status).toBe(410);
    const expiredHtml = await expired.text();
    expect(expiredHtml).toContain("この招待は有効期限が切れています");
    expect(expiredHtml).not.toContain("join-button");

    h.clock.advance(-25 * 3600 * 1000);
    expect((await browser.submit(sessionPath, `${sessionPath}/close`, { confirm: "yes" })).status).toBe(303);
    const closed = await h.visitor().get(joinPath);
    expect(closed.status).toBe(410);
    const closedHtml = await closed.text();
    expect(closedHtml).toContain("This support session has ended");
    expect(closedHtml).toContain("please contact Contoso Helpdesk again");
  });

  it("answers an unknown or replaced address with a 404 that reveals nothing", async () => {
    const { h, joinPath, browser, sessionPath } = await setUp(engine);
    const unknown = await h.visitor().get(`/join/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain("This link does not work");
    expect(unknownHtml).not.toContain("Contoso");

    // A new address (here: copied by the supporter) replaces the one in the e-mail.
    const issued = await browser.submit(sessionPath, `${sessionPath}/join-address`, {});
    const newPath = joinPathIn(await issued.text());
    expect(newPath).not.toBe(joinPath);
    expect((await h.visitor().get(joinPath)).status).toBe(404);
    expect((await h.visitor().get(newPath)).status).toBe(200);
  });

  it("refuses a caller who keeps guessing addresses with 429 and Retry-After, until the window ends", async () => {
    const { h } = await setUp(engine);
    const guesser = h.visitor({ ip: "198.51.100.7" });
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await guesser.get(`/join/guess${attempt}`)).status).toBe(404);
    }
    const refused = await guesser.get("/join/guess20");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    h.clock.advance(601 * 1000);
    expect((await guesser.get("/join/guess21")).status).toBe(404);
  });

  it("still opens a valid address from an address throttled for guessing, as for a customer behind the guesser's NAT", async () => {
    const { h, joinPath } = await setUp(engine);
    const sharedNat = h.visitor({ ip: "198.51.100.7" });
    for (let attempt = 0; attempt < 21; attempt++) await sharedNat.get(`/join/guess${attempt}`);
    expect((await sharedNat.get("/join/guess-again")).status).toBe(429);
    const customer = await sharedNat.get(joinPath);
    expect(customer.status).toBe(200);
    expect(await customer.text()).toContain("join-button");
  });

  it("throttles guesses sharing a token prefix from any address, and still opens the valid address with that prefix", async () => {
    const { h, joinPath } = await setUp(engine);
    const token = joinPath.slice("/join/".length);
    const prefix = token.slice(0, 8);
    const variant = (attempt: number) => `${prefix}${String(attempt).padStart(35, "x")}`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await h.visitor({ ip: `203.0.113.${attempt + 1}` }).get(`/join/${variant(attempt)}`);
      expect(response.status).toBe(404);
    }
    const freshAddress = h.visitor({ ip: "192.0.2.200" });
    const refused = await freshAddress.get(`/join/${variant(99)}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await freshAddress.get(`/join/${"B".repeat(43)}`)).status).toBe(404);
    expect((await freshAddress.get(joinPath)).status).toBe(200);
  });
});
