import { DEMO } from "@attendant/simulator";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createFakeClock } from "../../../src/clock.js";
import { migrate } from "../../../src/db/migrate.js";
import type { Db } from "../../../src/db/open-database.js";
import {
  findOrganisationScriptToken,
  saveOrganisationScriptToken,
} from "../../../src/db/repositories/organisation-script-tokens.js";
import { createOrganisation } from "../../../src/db/repositories/organisations.js";
import {
  applyDemoScriptToken,
  removeDemoScriptTokenOnOwnApp,
} from "../../../src/reports/demo-script-token.js";
import { SecretBox } from "../../../src/vault/secret-box.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";

describe("the demo's company script token", () => {
  const engine = usePgliteEngine();
  let deps: { db: Db; vault: SecretBox; clock: ReturnType<typeof createFakeClock> };
  let organisationId: string;

  beforeAll(async () => {
    const { database, config } = await engine.openSharedDatabase();
    await migrate(database);
    if (config.keyring === undefined) throw new Error("test config has a keyring");
    deps = { db: database.db, vault: new SecretBox(config.keyring), clock: createFakeClock() };
    organisationId = (await createOrganisation(deps.db, { name: "Demo" })).id;
  });

  const stored = () => findOrganisationScriptToken(deps.db, deps.vault, organisationId);

  it("is saved when demo mode starts, once, and removed when demo mode ends", async () => {
    expect(await applyDemoScriptToken(deps, { isDemoMode: true })).toBe("saved");
    expect(await stored()).toBe(DEMO.scriptToken);
    expect(await applyDemoScriptToken(deps, { isDemoMode: true })).toBe("unchanged");
    expect(await applyDemoScriptToken(deps, { isDemoMode: false })).toBe("removed");
    expect(await stored()).toBeUndefined();
    const audited = await queryRows<{ action: string; actor_label: string }>(
      deps.db,
      sql`select action, actor_label from audit_log where action like 'script_token.%' order by id`,
    );
    expect(audited).toEqual([
      { action: "script_token.saved", actor_label: "system" },
      { action: "script_token.deleted", actor_label: "system" },
    ]);
  });

  it("is removed when an admin registers an own TeamViewer app, unless ATTENDANT_DEMO=true keeps the simulator", async () => {
    expect(await applyDemoScriptToken(deps, { isDemoMode: true })).toBe("saved");
    expect(await removeDemoScriptTokenOnOwnApp({ ...deps, demoMode: "on" }, organisationId)).toBe(false);
    expect(await stored()).toBe(DEMO.scriptToken);
    expect(await removeDemoScriptTokenOnOwnApp({ ...deps, demoMode: "auto" }, organisationId)).toBe(true);
    expect(await stored()).toBeUndefined();
  });

  it("never replaces or removes a token an admin saved", async () => {
    await saveOrganisationScriptToken(
      deps.db,
      deps.vault,
      { organisationId, token: "12345-RealCompanyToken", createdByUserId: null },
      deps.clock.now(),
    );
    expect(await applyDemoScriptToken(deps, { isDemoMode: true })).toBe("unchanged");
    expect(await applyDemoScriptToken(deps, { isDemoMode: false })).toBe("unchanged");
    expect(await stored()).toBe("12345-RealCompanyToken");
  });
});
