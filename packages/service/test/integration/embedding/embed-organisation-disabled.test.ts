/**
 * Issue 25: a disabled organisation's helpdesk widget (docs/adr/0042-organisations-as-tenants.md).
 * The entry refuses a good assertion with its own reason, after checking the signature, and a
 * widget already open stops at its next request; enabling the organisation restores both.
 */
import { expect, it } from "vitest";
import { setOrganisationDisabledAt } from "../../../src/db/repositories/organisations.js";
import { describeEachEngine } from "../../support/engines.js";
import { createEmbedHarness, type EmbedHarness, tokenOf } from "./embed-harness.js";

function setDisabled(h: EmbedHarness, disabled: boolean) {
  return setOrganisationDisabledAt(h.database.db, h.organisationId, disabled ? h.clock.now() : null);
}

describeEachEngine("the widget of a disabled organisation", (engine) => {
  it("refuses a good assertion with 403 organisation-disabled, saying to ask the operator, and opens again once enabled", async () => {
    const h = await createEmbedHarness(engine);
    await setDisabled(h, true);
    const refused = await h.open(await h.sign());
    expect(refused.status).toBe(403);
    expect(refused.headers.get("location")).toBeNull();
    const page = await refused.text();
    expect(page).toContain('data-refusal="organisation-disabled"');
    expect(page).toContain("Ask the operator to enable it again.");
    expect(h.logs()).toContain('"reason":"organisation-disabled"');

    await setDisabled(h, false);
    expect((await h.open(await h.sign())).status).toBe(303);
  });

  it("still refuses a badly signed assertion for a disabled organisation as bad-signature, so only its helpdesk learns it is disabled", async () => {
    const h = await createEmbedHarness(engine);
    await setDisabled(h, true);
    const forged = await h.open(await h.sign({ secret: "not-the-integration-secret-at-all" }));
    expect(await forged.text()).toContain('data-refusal="bad-signature"');
  });

  it("ends an open widget's session at its next request once the organisation is disabled", async () => {
    const h = await createEmbedHarness(engine);
    const token = tokenOf(await h.open(await h.sign()));
    expect((await h.probe(token)).status).toBe(200);
    await setDisabled(h, true);
    expect((await h.probe(token)).status).toBe(401);
    await setDisabled(h, false);
    // The session was ended, not paused: the helpdesk opens a new one.
    expect((await h.probe(token)).status).toBe(401);
  });
});
