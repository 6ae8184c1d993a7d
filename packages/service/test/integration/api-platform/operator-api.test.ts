/**
 * Issue 25, the operator API (docs/adr/0046-operator-api-and-keys.md): `/api/operator/v1` with its
 * own key kind, through the same use cases as `attendant orgs …`; an organisation's API key never
 * opens it, an operator key opens none of `/api/v1`, and every bad input is a problem+json that
 * says what to change.
 */
import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { createOperatorKey, revokeOperatorKey } from "../../../src/operator/operator-keys.js";
import { usePgliteEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness } from "../sessions/session-harness.js";

const organisations = "/api/operator/v1/organisations";
const engine = usePgliteEngine();

interface OrganisationJson {
  id: string;
  name: string;
  enabled: boolean;
  disabledAt: string | null;
  userCount?: number;
  sessionCount?: number;
}

async function setUp() {
  const h = await createSessionHarness(engine);
  const { token } = await createOperatorKey({ db: h.database.db, clock: h.clock }, { name: "Provisioning" });
  return { h, operatorKey: token };
}

async function createFabrikam(h: SessionHarness, operatorKey: string): Promise<OrganisationJson> {
  const created = await h.api("POST", organisations, {
    key: operatorKey,
    json: { name: "Fabrikam", adminEmail: "lee@fabrikam.example" },
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { organisation: OrganisationJson }).organisation;
}

describe("the operator API", () => {
  it("lets an operator key list the organisations with their counts, create one with its first admin's sign-in link, rename, disable and enable it, each audited in that organisation's log under the key", async () => {
    const { h, operatorKey } = await setUp();
    await h.addUser("supporter");

    const created = await h.api("POST", organisations, {
      key: operatorKey,
      json: { name: "Fabrikam Support", adminEmail: "lee@fabrikam.example", adminName: "Lee" },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      organisation: OrganisationJson;
      admin: { email: string; displayName: string };
      signInUrl: string;
      signInLinkLifetimeMinutes: number;
    };
    expect(body).toMatchObject({
      organisation: { name: "Fabrikam Support", enabled: true, disabledAt: null },
      admin: { email: "lee@fabrikam.example", displayName: "Lee" },
      signInLinkLifetimeMinutes: 15,
    });
    expect(body.signInUrl).toMatch(/^http:\/\/localhost:3000\/login\/link\?token=[\w-]{20,}$/);
    const { id } = body.organisation;

    const listed = await h.api("GET", organisations, { key: operatorKey });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { organisations: OrganisationJson[] }).organisations).toMatchObject([
      { id: h.organisationId, userCount: 1, sessionCount: 0, enabled: true },
      { id, name: "Fabrikam Support", userCount: 1, sessionCount: 0, enabled: true },
    ]);

    const renamed = await h.api("PATCH", `${organisations}/${id}`, {
      key: operatorKey,
      json: { name: " Fabrikam Remote Help " },
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id, name: "Fabrikam Remote Help" });

    const disabled = await h.api("POST", `${organisations}/${id}/disable`, { key: operatorKey });
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ id, enabled: false, disabledAt: expect.any(String) });
    const enabled = await h.api("POST", `${organisations}/${id}/enable`, { key: operatorKey });
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toMatchObject({ id, enabled: true, disabledAt: null });

    const { events } = await listAuditEvents(h.database.db, { organisationId: id });
    const prefix = operatorKey.split("_")[1];
    expect(
      events
        .filter((event) => event.action.startsWith("organisation."))
        .map((event) => [event.action, event.actor.label]),
    ).toEqual(
      ["enabled", "disabled", "renamed", "created"].map((action) => [
        `organisation.${action}`,
        `operator-key:${prefix} (Provisioning)`,
      ]),
    );
  });

  it("answers 401 to a missing, malformed or revoked operator key and 403 to an organisation's API key of every scope, creating nothing", async () => {
    const { h, operatorKey } = await setUp();
    const organisationKey = await h.createKey(null, [
      "sessions:read",
      "sessions:write",
      "organisation:read",
      "webhooks:write",
    ]);
    await revokeOperatorKey({ db: h.database.db, clock: h.clock }, operatorKey);
    const json = { name: "Fabrikam", adminEmail: "lee@fabrikam.example" };

    for (const key of [undefined, "atdop_nope_nope", operatorKey]) {
      const refused = await h.api("POST", organisations, { ...(key === undefined ? {} : { key }), json });
      expect(refused.status, String(key)).toBe(401);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="attendant-operator-api"');
      expect((await refused.json()).code).toBe("invalid-operator-key");
    }
    const organisationKeyRefused = await h.api("POST", organisations, { key: organisationKey, json });
    expect(organisationKeyRefused.status).toBe(403);
    expect(await organisationKeyRefused.json()).toMatchObject({
      code: "organisation-key",
      detail: expect.stringContaining("the operator API needs an operator key"),
    });

    const { token: liveKey } = await createOperatorKey(
      { db: h.database.db, clock: h.clock },
      { name: "Check" },
    );
    const listed = await h.api("GET", organisations, { key: liveKey });
    expect(((await listed.json()) as { organisations: unknown[] }).organisations).toHaveLength(1);
  });

  it("opens no organisation route with an operator key: /api/v1 answers it 401", async () => {
    const { h, operatorKey } = await setUp();
    for (const [method, path] of [
      ["GET", "/api/v1/sessions"],
      ["GET", "/api/v1/users"],
      ["POST", "/api/v1/webhooks"],
    ] as const) {
      const refused = await h.api(method, path, {
        key: operatorKey,
        ...(method === "POST" ? { json: {} } : {}),
      });
      expect(refused.status, path).toBe(401);
      expect((await refused.json()).code).toBe("invalid-api-key");
    }
  });

  it("refuses an empty or too long name and a bad e-mail address (400), an unknown id (404), a taken name and disabling or enabling twice (409), each saying what to change", async () => {
    const { h, operatorKey } = await setUp();
    const fabrikam = await createFabrikam(h, operatorKey);
    const send = async (method: string, path: string, json?: unknown) => {
      const response = await h.api(method, path, {
        key: operatorKey,
        ...(json === undefined ? {} : { json }),
      });
      expect(response.headers.get("content-type"), `${method} ${path}`).toBe("application/problem+json");
      return { status: response.status, ...((await response.json()) as { code: string; detail: string }) };
    };

    expect(await send("POST", organisations, { name: "  ", adminEmail: "a@example.com" })).toMatchObject({
      status: 400,
      code: "invalid-input",
      detail: "The organisation's name must not be empty.",
    });
    expect(await send("PATCH", `${organisations}/${fabrikam.id}`, { name: "x".repeat(101) })).toMatchObject({
      status: 400,
      code: "invalid-input",
      detail: "The organisation's name is 101 characters long; shorten it to 100 at most.",
    });
    expect(
      await send("POST", organisations, { name: "Northwind", adminEmail: "not-an-address" }),
    ).toMatchObject({
      status: 400,
      code: "invalid-input",
      detail: "The first admin's e-mail address (adminEmail): Enter an e-mail address like name@example.com.",
    });
    expect(await send("POST", organisations, { name: "Northwind" })).toMatchObject({
      status: 400,
      code: "invalid-request",
    });
    expect(
      await send("PATCH", `${organisations}/${fabrikam.id}`, { name: "FABRIKAM", extra: 1 }),
    ).toMatchObject({ status: 400, code: "invalid-request" });

    for (const path of [
      `${organisations}/00000000-0000-4000-8000-000000000000/disable`,
      `${organisations}/not-an-id/enable`,
    ]) {
      expect(await send("POST", path)).toMatchObject({
        status: 404,
        code: "organisation-not-found",
        detail: "There is no organisation with this id; GET /api/operator/v1/organisations lists them.",
      });
    }
    expect(
      await send("PATCH", `${organisations}/00000000-0000-4000-8000-000000000000`, { name: "Northwind" }),
    ).toMatchObject({ status: 404, code: "organisation-not-found" });

    expect(
      await send("POST", organisations, { name: "FABRIKAM", adminEmail: "a@example.com" }),
    ).toMatchObject({
      status: 409,
      code: "organisation-name-taken",
      detail: expect.stringContaining('There is already an organisation named "Fabrikam"'),
    });
    expect(
      await send("POST", organisations, { name: "Northwind", adminEmail: "LEE@fabrikam.example" }),
    ).toMatchObject({ status: 409, code: "email-taken" });

    expect(await send("POST", `${organisations}/${fabrikam.id}/enable`)).toMatchObject({
      status: 409,
      code: "already-enabled",
      detail: 'The organisation "Fabrikam" is already enabled; nothing changed.',
    });
    expect(
      (await h.api("POST", `${organisations}/${fabrikam.id}/disable`, { key: operatorKey })).status,
    ).toBe(200);
    expect(await send("POST", `${organisations}/${fabrikam.id}/disable`)).toMatchObject({
      status: 409,
      code: "already-disabled",
    });

    const listed = await h.api("GET", organisations, { key: operatorKey });
    expect(
      ((await listed.json()) as { organisations: OrganisationJson[] }).organisations.map((o) => o.name),
    ).toEqual([expect.any(String), "Fabrikam"]);
  });

  it("describes itself in its own OpenAPI document and reference page, apart from /api/v1's, documenting every operator route", async () => {
    const { h } = await setUp();
    const document = (await (await h.api("GET", "/api/operator/v1/openapi.json")).json()) as {
      info: { title: string };
      security: unknown;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.info.title).toBe("Attendant operator API");
    expect(document.security).toEqual([{ operatorKey: [] }]);
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
    );
    const served = h.app.routes
      .filter((route) => route.path.startsWith("/api/operator/v1/") && route.method !== "ALL")
      .map((route) => `${route.method} ${route.path}`);
    expect([...new Set(documented)].sort()).toEqual([...new Set(served)].sort());

    const apiDocument = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(apiDocument.paths).filter((path) => path.includes("operator"))).toEqual([]);

    const reference = await h.api("GET", "/api/operator/v1/reference");
    expect(reference.status).toBe(200);
    const html = await reference.text();
    expect(html).toContain("<h1>Attendant operator API reference</h1>");
    expect(html).toContain("Needs an operator key.");
    expect(html).toContain("-H &quot;Authorization: Bearer $ATTENDANT_OPERATOR_KEY&quot;");
    expect(html).not.toContain("ATTENDANT_API_KEY");
    expect(html).toContain('href="/api/operator/v1/openapi.json"');
  });
});
