/**
 * Demo mode: the customer's simulated QuickSupport shows the organisation's brand, as the join
 * page does, through a customised QuickSupport module the session names (ADR 0048).
 */
import { DEMO } from "@attendant/simulator";
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { solidPng } from "../../support/png-image.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  type PagesHarness,
} from "../session-pages/pages-harness.js";
import { brandPath, logoPathIn, submitBrand } from "./brand-harness.js";

/** The end-customer link of the only session, opened as the customer's browser would. */
async function quickSupportPage(h: PagesHarness): Promise<string> {
  const sessions = await h.simulator.fetch("http://localhost:4010/api/v1/sessions?full_list=true", {
    headers: { authorization: `Bearer ${DEMO.scriptToken}` },
  });
  const [session] = (await sessions.json()).sessions;
  return (await h.simulator.fetch(session.end_customer_link)).text();
}

describe("the brand on the simulated QuickSupport page", () => {
  const engine = usePgliteEngine();

  it("shows the organisation's display name and logo in demo mode", async () => {
    const h = await createPagesHarness(engine, { demo: true, env: { ATTENDANT_DEMO: "true" } });
    const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
    const logo = { bytes: solidPng(80, 40), name: "logo.png", type: "image/png" };
    expect((await submitBrand(admin, {}, logo)).status).toBe(303);
    const logoPath = logoPathIn(await (await admin.get(brandPath)).text());
    const supporter = await h.signIn(await h.addUser("supporter", { teamViewerUserid: "u7005" }));
    await createSessionThroughPage(supporter);

    const page = await quickSupportPage(h);
    expect(page).toContain("<strong>Fabrikam Support</strong>");
    expect(page).toContain(`<img class="brand-logo" src="http://localhost:3000${logoPath}" alt="" />`);
  });

  it("shows a later brand change on the next session", async () => {
    const h = await createPagesHarness(engine, { demo: true, env: { ATTENDANT_DEMO: "true" } });
    const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
    const supporter = await h.signIn(await h.addUser("supporter", { teamViewerUserid: "u7005" }));
    expect((await submitBrand(admin, { displayName: "Fabrikam Help" })).status).toBe(303);
    await createSessionThroughPage(supporter);
    expect(await quickSupportPage(h)).toContain("<strong>Fabrikam Help</strong>");
  });

  it("leaves the QuickSupport of an organisation on its own TeamViewer app alone", async () => {
    const h = await createPagesHarness(engine, { demo: true });
    const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
    expect((await submitBrand(admin, {})).status).toBe(303);
    const supporter = await h.signIn(await h.addUser("supporter", { teamViewerUserid: "u7005" }));
    await createSessionThroughPage(supporter);
    const page = await quickSupportPage(h);
    expect(page).toContain("QuickSupport");
    expect(page).not.toContain("Fabrikam Support");
  });
});
