import { describe, expect, it } from "vitest";
import { call, createSession, SCRIPT_TOKEN, startSimulator } from "./support.js";

const design = {
  id: "helpdesk-look",
  ownerUserid: "u7005",
  displayName: "Fabrikam Support",
  logoUrl: "http://localhost:3000/brand/logo.png",
};

describe("customised QuickSupport modules (custom_module_id, docs/teamviewer-api.md §3)", () => {
  it("shows the module's name and logo on the QuickSupport page of a session that names it", async () => {
    const sim = startSimulator();
    const saved = await call(sim, "POST", "/__sim/custom-modules", { json: design });
    expect(saved.body).toEqual({ id: design.id, displayName: design.displayName, logoUrl: design.logoUrl });
    const branded = await createSession(sim, SCRIPT_TOKEN, { custom_module_id: design.id });
    const plain = await createSession(sim, SCRIPT_TOKEN);

    const page = (await call(sim, "GET", branded.end_customer_link)).text;
    expect(page).toContain("<strong>Fabrikam Support</strong>");
    expect(page).toContain('<img class="brand-logo" src="http://localhost:3000/brand/logo.png" alt="" />');
    expect((await call(sim, "GET", plain.end_customer_link)).text).not.toContain("Fabrikam Support");
  });

  it("redesigns a module in place: sessions naming it show the new look", async () => {
    const sim = startSimulator();
    sim.admin.saveCustomModule(design);
    const session = await createSession(sim, SCRIPT_TOKEN, { custom_module_id: design.id });
    sim.admin.saveCustomModule({ ...design, displayName: "Fabrikam Help", logoUrl: undefined });
    const page = (await call(sim, "GET", session.end_customer_link)).text;
    expect(page).toContain("<strong>Fabrikam Help</strong>");
    expect(page).not.toContain("<img");
  });

  it("ignores a module of another company, as another company's design is not the session's", async () => {
    const sim = startSimulator();
    sim.admin.saveCustomModule({ ...design, ownerUserid: "u8001" });
    const session = await createSession(sim, SCRIPT_TOKEN, { custom_module_id: design.id });
    expect((await call(sim, "GET", session.end_customer_link)).text).not.toContain("Fabrikam Support");
  });

  it("refuses a logo address that is not http(s), a missing name, and another company's module id", async () => {
    const sim = startSimulator();
    const script = await call(sim, "POST", "/__sim/custom-modules", {
      json: { ...design, logoUrl: "javascript:alert(1)" },
    });
    expect(script.status).toBe(400);
    expect(script.body.error_description).toBe("Not an http(s) logo address: javascript:alert(1)");
    const nameless = await call(sim, "POST", "/__sim/custom-modules", {
      json: { id: "x", ownerUserid: "u7005" },
    });
    expect(nameless.body.error_description).toBe("displayName must be a string.");
    sim.admin.saveCustomModule(design);
    const taken = await call(sim, "POST", "/__sim/custom-modules", {
      json: { ...design, ownerUserid: "u8001" },
    });
    expect(taken.body.error_description).toBe("Module helpdesk-look belongs to another company.");
  });
});
