/**
 * Issue 25, the operator's page (docs/adr/0046-operator-api-and-keys.md): signing in with an
 * operator key opens an HttpOnly, SameSite=Strict session that belongs to no organisation; the
 * page lists the organisations with their counts and creates, renames, disables and enables them
 * through the operator's use cases; every bad input is shown on the page, changing nothing.
 */
import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { cookieName, cookiePolicyFor } from "../../../src/identity/session-cookie.js";
import { sessionCookie } from "../../../src/identity/web-context.js";
import { startWebSession } from "../../../src/identity/web-sessions.js";
import { createOperatorKey, revokeOperatorKey } from "../../../src/operator/operator-keys.js";
import { usePgliteEngine } from "../../support/engines.js";
import { Browser } from "../../web/web-harness.js";
import { createSessionHarness, type SessionHarness } from "../sessions/session-harness.js";

const engine = usePgliteEngine();
const origin = "http://localhost:3000";

async function setUp() {
  const h = await createSessionHarness(engine);
  const { token } = await createOperatorKey({ db: h.database.db, clock: h.clock }, { name: "Ops desk" });
  return { h, operatorKey: token };
}

function browserOf(h: SessionHarness): Browser {
  return new Browser({ app: h.app, origin });
}

/** Signs in through the form and answers the browser and a CSRF token for the page's forms. */
async function signedInOperator(h: SessionHarness, operatorKey: string) {
  const browser = browserOf(h);
  const signedIn = await browser.submit("/operator/sign-in", "/operator/sign-in", { operatorKey });
  expect(signedIn.status).toBe(303);
  expect(signedIn.headers.get("location")).toBe("/operator");
  return { browser, signedIn, csrf: await browser.csrfTokenFrom("/operator") };
}

async function organisationIdNamed(browser: Browser, name: string): Promise<string> {
  const html = await (await browser.get("/operator")).text();
  const id = new RegExp(`id="rename-([0-9a-f-]{36})"[^>]*value="${name}"`).exec(html)?.[1];
  expect(id, `no row for ${name}`).toBeDefined();
  return id ?? "";
}

describe("the operator page", () => {
  it("signs in with an operator key into an HttpOnly, SameSite=Strict session that is not stored by the browser, lists the organisations with their counts, and signs out", async () => {
    const { h, operatorKey } = await setUp();
    await h.addUser("supporter");
    const { browser, signedIn, csrf } = await signedInOperator(h, operatorKey);
    const cookie = signedIn.headers.getSetCookie().find((value) => value.includes("attendant_operator="));
    expect(cookie).toMatch(/^__Host-attendant_operator=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(operatorKey);

    const page = await browser.get("/operator");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain(`id="organisation-${h.organisationId}"`);
    expect(html).toMatch(/<td>1<\/td><td>0<\/td>/);
    expect(html).toContain("Ops desk");
    expect(html).not.toContain("@example");

    const signedOut = await browser.post("/operator/sign-out", { _csrf: csrf });
    expect(signedOut.status).toBe(303);
    const after = await browser.get("/operator");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/operator/sign-in");
  });

  it("creates, renames, disables and enables an organisation from the page, showing the first admin's one-time link once and auditing each change under the operator key", async () => {
    const { h, operatorKey } = await setUp();
    const { browser, csrf } = await signedInOperator(h, operatorKey);

    const created = await browser.post("/operator/organisations", {
      _csrf: csrf,
      name: "Fabrikam Support",
      adminEmail: "lee@fabrikam.example",
      adminName: "",
    });
    expect(created.status).toBe(200);
    const createdHtml = await created.text();
    expect(createdHtml).toContain("with the admin lee@fabrikam.example");
    expect(createdHtml).toMatch(/http:\/\/localhost:3000\/login\/link\?token=[\w-]{20,}/);
    expect(await (await browser.get("/operator")).text()).not.toContain("/login/link?token=");

    const id = await organisationIdNamed(browser, "Fabrikam Support");
    const renamed = await browser.post(`/operator/organisations/${id}/rename`, {
      _csrf: csrf,
      name: "Fabrikam Remote Help",
    });
    expect(await renamed.text()).toContain("Renamed “Fabrikam Support” to “Fabrikam Remote Help”.");
    const disabled = await browser.post(`/operator/organisations/${id}/disable`, { _csrf: csrf });
    const disabledHtml = await disabled.text();
    expect(disabledHtml).toContain("Disabled “Fabrikam Remote Help”");
    expect(disabledHtml).toContain("Enable Fabrikam Remote Help");
    const twice = await browser.post(`/operator/organisations/${id}/disable`, { _csrf: csrf });
    expect(await twice.text()).toContain("“Fabrikam Remote Help” is already disabled; nothing changed.");
    const enabled = await browser.post(`/operator/organisations/${id}/enable`, { _csrf: csrf });
    expect(await enabled.text()).toContain("Enabled “Fabrikam Remote Help” again.");

    const { events } = await listAuditEvents(h.database.db, { organisationId: id });
    const label = `operator-key:${operatorKey.split("_")[1]} (Ops desk)`;
    expect(
      events
        .filter((event) => event.action.startsWith("organisation."))
        .map((event) => [event.action, event.actor.label]),
    ).toEqual(
      ["enabled", "disabled", "renamed", "created"].map((action) => [`organisation.${action}`, label]),
    );
  });

  it("shows an empty or too long name, a bad e-mail address, a taken name and an unknown id on the page with its status, keeping what was typed and creating nothing", async () => {
    const { h, operatorKey } = await setUp();
    const { browser, csrf } = await signedInOperator(h, operatorKey);
    const create = (fields: Record<string, string>) =>
      browser.post("/operator/organisations", { _csrf: csrf, adminName: "", ...fields });

    const cases: [Promise<Response>, number, string][] = [
      [
        create({ name: " ", adminEmail: "a@example.com" }),
        400,
        "The organisation&#39;s name must not be empty.",
      ],
      [
        create({ name: "x".repeat(101), adminEmail: "a@example.com" }),
        400,
        "The organisation&#39;s name is 101 characters long; shorten it to 100 at most.",
      ],
      [
        create({ name: "Northwind", adminEmail: "not-an-address" }),
        400,
        "First admin&#39;s e-mail address: Enter an e-mail address like name@example.com.",
      ],
      [
        browser.post("/operator/organisations/00000000-0000-4000-8000-000000000000/rename", {
          _csrf: csrf,
          name: "Northwind",
        }),
        404,
        "There is no organisation with this id; the list below shows them.",
      ],
      [
        browser.post("/operator/organisations/not-an-id/disable", { _csrf: csrf }),
        404,
        "There is no organisation with this id",
      ],
    ];
    for (const [answer, status, message] of cases) {
      const response = await answer;
      expect(response.status, message).toBe(status);
      expect(await response.text()).toContain(message);
    }
    const firstName = /value="([^"]+)"/.exec(
      /id="rename-[^"]+"[^>]*/.exec(await (await browser.get("/operator")).text())?.[0] ?? "",
    )?.[1];
    const taken = await create({
      name: (firstName ?? "").toUpperCase(),
      adminEmail: "kim@northwind.example",
    });
    expect(taken.status).toBe(409);
    const takenHtml = await taken.text();
    expect(takenHtml).toContain("There is already an organisation named");
    expect(takenHtml).toContain('value="kim@northwind.example"');

    const list = await (await browser.get("/operator")).text();
    expect(list.match(/id="organisation-/g)).toHaveLength(1);
  });

  it("refuses a wrong, revoked or organisation API key at sign-in (401), ends the session once its key is revoked, and sends visitors and organisation sign-ins to the operator sign-in", async () => {
    const { h, operatorKey } = await setUp();
    const organisationKey = await h.createKey(null);
    const { token: revokedKey } = await createOperatorKey(
      { db: h.database.db, clock: h.clock },
      { name: "Old" },
    );
    await revokeOperatorKey({ db: h.database.db, clock: h.clock }, revokedKey);
    for (const key of ["", `${operatorKey.slice(0, -4)}AAAA`, revokedKey, organisationKey]) {
      const browser = browserOf(h);
      const refused = await browser.submit("/operator/sign-in", "/operator/sign-in", { operatorKey: key });
      expect(refused.status, key).toBe(401);
      expect(await refused.text()).toContain("This is not a valid operator key, or it has been revoked.");
      expect(browser.cookies.has("__Host-attendant_operator")).toBe(false);
    }

    const { browser } = await signedInOperator(h, operatorKey);
    await revokeOperatorKey({ db: h.database.db, clock: h.clock }, operatorKey);
    const afterRevoke = await browser.get("/operator");
    expect(afterRevoke.status).toBe(303);
    expect(afterRevoke.headers.get("location")).toBe("/operator/sign-in");

    const visitor = await browserOf(h).get("/operator");
    expect(visitor.headers.get("location")).toBe("/operator/sign-in");
    // An organisation's admin, signed in: their session opens their pages, not the operator's.
    const admin = browserOf(h);
    const user = await h.addUser("admin");
    const { token } = await startWebSession({ db: h.database.db, clock: h.clock }, { userId: user.id });
    admin.cookies.set(cookieName(cookiePolicyFor(origin), sessionCookie), token);
    expect((await admin.get("/")).status).toBe(200);
    const adminAnswer = await admin.get("/operator");
    expect(adminAnswer.status).toBe(303);
    expect(adminAnswer.headers.get("location")).toBe("/operator/sign-in");
  });

  it("refuses a form post without the CSRF token (403), changing nothing", async () => {
    const { h, operatorKey } = await setUp();
    const { browser } = await signedInOperator(h, operatorKey);
    const forged = await browser.post("/operator/organisations", {
      name: "Forged",
      adminEmail: "forged@example.com",
    });
    expect(forged.status).toBe(403);
    expect(await (await browser.get("/operator")).text()).not.toContain("Forged");
  });
});
