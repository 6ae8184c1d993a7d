/**
 * Demo mode's report source: the simulator's demo tenant has a company script token that sees
 * every connection report. While the demo simulator runs, the organisation gets that token (when
 * it has none of its own), so the background sync brings the demo's reports onto /reports and
 * the dashboard from the first start, before anyone connects TeamViewer. Once demo mode ends (a
 * real app was registered) the demo token is removed again if it is still the one stored, so a
 * real TeamViewer never receives it; a token an admin saved is never touched.
 */
import { DEMO } from "@attendant/simulator";
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { DemoMode } from "../config/config-schema.js";
import type { Db } from "../db/open-database.js";
import {
  deleteOrganisationScriptToken,
  findOrganisationScriptToken,
  saveOrganisationScriptToken,
} from "../db/repositories/organisation-script-tokens.js";
import { findFirstOrganisation } from "../db/repositories/organisations.js";
import type { SecretBox } from "../vault/secret-box.js";

export async function applyDemoScriptToken(
  deps: { db: Db; vault: SecretBox; clock: Clock },
  options: { isDemoMode: boolean },
): Promise<"saved" | "removed" | "unchanged"> {
  const { db, vault, clock } = deps;
  // Demo mode runs with the one organisation that the first start created.
  const organisation = await findFirstOrganisation(db);
  if (organisation === undefined) return "unchanged";
  const stored = await findOrganisationScriptToken(db, vault, organisation.id);
  const audit = (action: "script_token.saved" | "script_token.deleted") =>
    recordAuditEvent(
      { db, clock },
      {
        organisationId: organisation.id,
        actor: { label: "system" },
        action,
        target: { type: "organisation", id: organisation.id },
        ip: null,
        userAgent: null,
        details: { reason: options.isDemoMode ? "demo mode started" : "demo mode ended" },
      },
    );
  if (options.isDemoMode && stored === undefined) {
    await saveOrganisationScriptToken(
      db,
      vault,
      { organisationId: organisation.id, token: DEMO.scriptToken, createdByUserId: null },
      clock.now(),
    );
    await audit("script_token.saved");
    return "saved";
  }
  if (!options.isDemoMode && stored === DEMO.scriptToken) {
    await deleteOrganisationScriptToken(db, organisation.id);
    await audit("script_token.deleted");
    return "removed";
  }
  return "unchanged";
}

/**
 * Called when an admin registers a TeamViewer app of their own: from then on the organisation
 * talks to that TeamViewer, which must never receive the demo tenant's token (the sync would
 * send it and mark the organisation "needs reconnect"). Does nothing when the stored token is
 * an admin's own, or when ATTENDANT_DEMO=true keeps every organisation on the simulator.
 */
export async function removeDemoScriptTokenOnOwnApp(
  deps: { db: Db; vault: SecretBox; clock: Clock; demoMode: DemoMode },
  organisationId: string,
): Promise<boolean> {
  if (deps.demoMode === "on") return false;
  const stored = await findOrganisationScriptToken(deps.db, deps.vault, organisationId);
  if (stored !== DEMO.scriptToken) return false;
  await deleteOrganisationScriptToken(deps.db, organisationId);
  await recordAuditEvent(deps, {
    organisationId,
    actor: { label: "system" },
    action: "script_token.deleted",
    target: { type: "organisation", id: organisationId },
    ip: null,
    userAgent: null,
    details: { reason: "own TeamViewer app registered" },
  });
  return true;
}
