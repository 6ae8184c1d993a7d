/**
 * Issue 25, disabling an organisation (docs/adr/0042-organisations-as-tenants.md): its API keys
 * are refused with their own answer and its end customers' join addresses stop working, from the
 * very next request, also after a request that put the key into the embedded database's memory
 * (ADR 0014); enabling it again restores both.
 */
import { expect, it } from "vitest";
import { setOrganisationDisabledAt } from "../../../src/db/repositories/organisations.js";
import { describeEachEngine, type TestEngine } from "../../support/engines.js";
import { createSessionHarness, type SessionHarness, sampleTicket } from "../sessions/session-harness.js";

const createBody = { ticket: sampleTicket, group: { name: "Helpdesk" } };

async function setUp(engine: TestEngine) {
  const h = await createSessionHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  return { h, supporterKey: await h.createKey(kenji), organisationKey: await h.createKey(null) };
}

function setDisabled(h: SessionHarness, disabled: boolean) {
  return setOrganisationDisabledAt(h.database.db, h.organisationId, disabled ? h.clock.now() : null);
}

describeEachEngine("a disabled organisation's API keys and join addresses", (engine) => {
  it("refuses its supporter's and organisation-wide keys from the next request with 403 organisation-disabled, and accepts them again once enabled", async () => {
    const { h, supporterKey, organisationKey } = await setUp(engine);
    // Both keys authenticate first, so on the embedded database they are remembered.
    expect((await h.api("POST", "/api/v1/sessions", { key: supporterKey, json: createBody })).status).toBe(
      201,
    );
    expect((await h.api("GET", "/api/v1/sessions", { key: organisationKey })).status).toBe(200);

    await setDisabled(h, true);
    for (const key of [supporterKey, organisationKey]) {
      const refused = await h.api("GET", "/api/v1/sessions", { key });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      const problem = await refused.json();
      expect(problem.code).toBe("organisation-disabled");
      expect(problem.detail).toContain("organisation has been disabled by the operator");
    }

    await setDisabled(h, false);
    expect((await h.api("GET", "/api/v1/sessions", { key: supporterKey })).status).toBe(200);
    expect((await h.api("GET", "/api/v1/sessions", { key: organisationKey })).status).toBe(200);
  });

  it("still answers a wrong secret for a disabled organisation's key 401 invalid-api-key, so only the key's holder learns it is disabled", async () => {
    const { h, supporterKey } = await setUp(engine);
    await setDisabled(h, true);
    const tampered = await h.api("GET", "/api/v1/sessions", { key: `${supporterKey.slice(0, -4)}AAAA` });
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).code).toBe("invalid-api-key");
  });

  it("tells the end customer that a join address of a disabled organisation is no longer valid (410), and opens it again once enabled", async () => {
    const { h, supporterKey } = await setUp(engine);
    const created = await h.api("POST", "/api/v1/sessions", { key: supporterKey, json: createBody });
    const { joinUrl } = (await created.json()) as { joinUrl: string };
    expect((await h.app.request(joinUrl)).status).toBe(200);

    await setDisabled(h, true);
    const withdrawn = await h.app.request(joinUrl);
    expect(withdrawn.status).toBe(410);
    const page = await withdrawn.text();
    expect(page).toContain("This link is no longer valid");
    expect(page).not.toContain(">Join<");
    const status = await h.app.request(`${joinUrl}/status`);
    expect(await status.json()).toMatchObject({ status: "ended" });

    await setDisabled(h, false);
    expect((await h.app.request(joinUrl)).status).toBe(200);
  });
});
