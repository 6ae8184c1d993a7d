/**
 * Demo mode: the customer's simulated QuickSupport shows the organisation's brand, as the join
 * page does (issue 25; ADR 0048). TeamViewer's own way is a customised QuickSupport module that
 * a company designs in its Management Console and a session names in `custom_module_id`
 * (changeable with `update`, packages/teamviewer README). The service plays that admin for the
 * simulator: it saves the brand as the organisation's module, then names it on the session. Real
 * TeamViewer apps are left alone: there the company designs its module itself.
 */
import { type CustomModuleInput, DEMO } from "@attendant/simulator";
import type { TeamViewerClient } from "@attendant/teamviewer";
import { loadBrand } from "../brand/organisation-brand.js";
import { findOrganisationById } from "../db/repositories/organisations.js";
import type { AppDeps } from "../http/app-deps.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";

type ModuleDeps = Pick<
  AppDeps,
  "database" | "vault" | "config" | "demoTeamViewerApp" | "saveDemoQuickSupportModule" | "logger"
>;

/**
 * Names the organisation's brand module on a session just created through the demo app. Never
 * fails the create: a session without the brand on its simulated QuickSupport still works.
 */
export async function brandDemoQuickSupport(
  deps: ModuleDeps,
  client: TeamViewerClient,
  session: { organisationId: string; code: string },
): Promise<void> {
  const save = deps.saveDemoQuickSupportModule;
  if (save === undefined) return;
  try {
    if (!(await resolveTeamViewerApp(deps, session.organisationId))?.isSimulator) return;
    const module = await moduleOf(deps, session.organisationId);
    save(module);
    await client.sessions.update(session.code, { custom_module_id: module.id });
  } catch (error) {
    deps.logger.warn(
      { err: error, code: session.code },
      "could not show the brand on the demo session's simulated QuickSupport",
    );
  }
}

async function moduleOf(deps: ModuleDeps, organisationId: string): Promise<CustomModuleInput> {
  const brand = await loadBrand(deps.database.db, organisationId);
  const organisation = await findOrganisationById(deps.database.db, organisationId);
  return {
    id: `attendant-${organisationId}`,
    // The demo's supporters are the demo company's accounts (packages/simulator README).
    ownerUserid: DEMO.accounts[0].userid,
    displayName: brand?.name ?? organisation?.name ?? "",
    logoUrl: brand?.logoPath === undefined ? undefined : new URL(brand.logoPath, deps.config.publicUrl).href,
  };
}
