import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../support/query-rows.js";
import { type Browser, useWebHarnesses, type WebHarness } from "../../web/web-harness.js";

/** A create-form post with repeated `scopes` fields, as a browser sends checked boxes. */
async function postCreate(browser: Browser, fields: [string, string][]): Promise<Response> {
  const token = await browser.csrfTokenFrom("/api-keys");
  return browser.request("/api-keys", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
    body: new URLSearchParams([["_csrf", token], ...fields]).toString(),
  });
}

async function signedInAdmin(h: WebHarness) {
  await h.addUser("admin", "ada@example.com");
  const browser = h.browser();
  await browser.signIn("ada@example.com");
  return browser;
}

const tokenIn = (html: string) => /value="(atd_[A-Za-z0-9_-]+)"/.exec(html)?.[1];

async function countKeys(h: WebHarness): Promise<number> {
  const [row] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from api_keys`);
  return row?.n ?? -1;
}

describe("the API keys page", () => {
  const harnesses = useWebHarnesses();

  it("creates a key acting for a supporter, shows it once, and the key works against the API", async () => {
    const h = await harnesses.create();
    const browser = await signedInAdmin(h);
    const supporter = await h.addUser("supporter", "sam@example.com");
    const created = await postCreate(browser, [
      ["name", "Helpdesk production"],
      ["scopes", "sessions:read"],
      ["scopes", "organisation:read"],
      ["actingUserId", supporter.id],
    ]);
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const html = await created.text();
    const token = tokenIn(html);
    expect(token).toMatch(/^atd_/);
    expect(html).toContain("Helpdesk production");

    const api = await h.app.request("http://localhost:3000/api/v1/sessions", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);

    const list = await (await browser.get("/api-keys")).text();
    expect(tokenIn(list)).toBeUndefined();
    expect(list).not.toContain(token);
    expect(list).toContain(`atd_${token?.split("_")[1]}_…`);
    expect(list).toContain("supporter person &lt;sam@example.com&gt;");
    expect(list).toContain("organisation:read");

    const audit = await queryRows<{ action: string; details: { name: string; scopes: string[] } }>(
      h.db,
      sql`select action, details from audit_log where action = 'api_key.created'`,
    );
    expect(audit).toMatchObject([{ details: { name: "Helpdesk production" } }]);
    expect(JSON.stringify(audit)).not.toContain(token?.slice(-10));
  });

  it("creates an organisation-wide key when no user is chosen", async () => {
    const h = await harnesses.create();
    const browser = await signedInAdmin(h);
    const created = await postCreate(browser, [
      ["name", "CRM"],
      ["scopes", "sessions:write"],
      ["actingUserId", ""],
    ]);
    expect(created.status).toBe(201);
    const [row] = await queryRows<{ acting_user_id: string | null; scopes: string[] }>(
      h.db,
      sql`select acting_user_id, scopes from api_keys`,
    );
    expect(row).toEqual({ acting_user_id: null, scopes: ["sessions:write"] });
    expect(await (await browser.get("/api-keys")).text()).toContain("The whole organisation");
  });

  it("refuses a missing name, no scope, an unknown scope or an unusable user with 422 and stores nothing", async () => {
    const h = await harnesses.create();
    const browser = await signedInAdmin(h);
    const auditor = await h.addUser("auditor", "audrey@example.com");
    const cases: { fields: [string, string][]; message: string }[] = [
      {
        fields: [
          ["name", " "],
          ["scopes", "sessions:read"],
        ],
        message: "Enter a name of 1 to 100 characters.",
      },
      {
        fields: [
          ["name", "x".repeat(101)],
          ["scopes", "sessions:read"],
        ],
        message: "Enter a name of 1 to 100",
      },
      { fields: [["name", "CRM"]], message: "Choose at least one scope." },
      {
        fields: [
          ["name", "CRM"],
          ["scopes", "everything"],
        ],
        message: "Choose at least one scope.",
      },
      {
        fields: [
          ["name", "CRM"],
          ["scopes", "sessions:read"],
          ["actingUserId", "not-a-uuid"],
        ],
        message: "Choose an active admin or supporter",
      },
      {
        fields: [
          ["name", "CRM"],
          ["scopes", "sessions:read"],
          ["actingUserId", auditor.id],
        ],
        message: "Choose an active admin or supporter",
      },
    ];
    for (const { fields, message } of cases) {
      const response = await postCreate(browser, fields);
      expect(response.status, JSON.stringify(fields)).toBe(422);
      const html = await response.text();
      expect(html).toContain(message);
      expect(tokenIn(html)).toBeUndefined();
    }
    // The form keeps what was entered.
    const refilled = await (await postCreate(browser, [["name", "Kept name"]])).text();
    expect(refilled).toContain('value="Kept name"');
    expect(await countKeys(h)).toBe(0);
  });

  it("revokes a key after confirmation; the key is refused from then on", async () => {
    const h = await harnesses.create();
    const browser = await signedInAdmin(h);
    const token = tokenIn(
      await (
        await postCreate(browser, [
          ["name", "CRM"],
          ["scopes", "sessions:read"],
        ])
      ).text(),
    );
    const [key] = await queryRows<{ id: string }>(h.db, sql`select id from api_keys`);
    const confirmPath = `/api-keys/${key?.id}/revoke`;

    const confirm = await browser.get(confirmPath);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("This cannot be undone.");
    // Opening the confirmation changes nothing.
    expect((await queryRows(h.db, sql`select 1 from api_keys where revoked_at is null`)).length).toBe(1);

    const revoked = await browser.submit(confirmPath, confirmPath, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get("location")).toBe("/api-keys?notice=revoked");
    const list = await (await browser.get("/api-keys?notice=revoked")).text();
    expect(list).toContain("The key was revoked.");
    expect(list).toContain("Revoked");
    const api = await h.app.request("http://localhost:3000/api/v1/sessions", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(401);
    const audit = await queryRows(h.db, sql`select 1 from audit_log where action = 'api_key.revoked'`);
    expect(audit).toHaveLength(1);

    // A second revoke, or one of an unknown key, is a 404 with a message, not an error page.
    expect((await browser.get(confirmPath)).status).toBe(404);
    const token2 = await browser.csrfTokenFrom("/api-keys");
    const again = await browser.post(confirmPath, { _csrf: token2 });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("does not exist or is already revoked");
  });

  it("is for admins only, in every language", async () => {
    const h = await harnesses.create();
    await h.addUser("supporter", "sam@example.com");
    const browser = h.browser();
    await browser.signIn("sam@example.com");
    expect((await browser.get("/api-keys")).status).toBe(403);
    const anonymous = await h.browser().get("/api-keys");
    expect(anonymous.status).toBe(303);

    const admin = await signedInAdmin(h);
    const german = await (await admin.get("/api-keys", { "accept-language": "de" })).text();
    expect(german).toContain("API-Schlüssel erstellen");
    const japanese = await (await admin.get("/api-keys", { "accept-language": "ja" })).text();
    expect(japanese).toContain("API キーを作成");
  });
});
