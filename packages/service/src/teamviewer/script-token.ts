/**
 * The company script token (docs/teamviewer-api.md §1, "Script tokens"): an admin pastes it, we
 * check with a ping that TeamViewer accepts it before storing it (encrypted), and it can be
 * removed. Report sync uses it later through `forOrganisation` (client-factory.ts).
 */
import { TeamViewerError } from "@attendant/teamviewer";
import {
  deleteOrganisationScriptToken,
  findOrganisationScriptToken,
  saveOrganisationScriptToken,
} from "../db/repositories/organisation-script-tokens.js";
import type { MessageKey } from "../i18n/index.js";
import { type ActingUser, auditAs } from "./acting-user.js";
import { buildApiClient } from "./build-clients.js";
import { resolveTeamViewerApp } from "./teamviewer-app.js";
import type { TokenStoreDeps } from "./token-store.js";

export type SaveScriptTokenResult = { kind: "saved" } | { kind: "invalid"; error: MessageKey };

// Tokens look like `12345678-AbCdEfGhIjKlMnOpQrSt` (docs/teamviewer-api.md, "Conventions on the wire"); be lenient
// about the exact shape but refuse what cannot be a token, before calling TeamViewer with it.
const tokenPattern = /^[A-Za-z0-9._~+/=-]{8,500}$/;

export async function saveScriptToken(
  deps: TokenStoreDeps,
  actor: ActingUser,
  token: string,
): Promise<SaveScriptTokenResult> {
  if (token === "") return { kind: "invalid", error: "common.required" };
  if (!tokenPattern.test(token)) return { kind: "invalid", error: "tv.scriptToken.error.format" };
  const app = await resolveTeamViewerApp(deps, actor.organisationId);
  if (app === undefined) return { kind: "invalid", error: "tv.scriptToken.error.noApp" };
  try {
    const { token_valid } = await buildApiClient(deps, app, token).ping();
    if (!token_valid) return { kind: "invalid", error: "tv.scriptToken.error.rejected" };
  } catch (error) {
    if (!(error instanceof TeamViewerError)) throw error;
    deps.logger.warn({ err: error }, "checking a script token failed");
    return { kind: "invalid", error: "tv.scriptToken.error.unreachable" };
  }
  await saveOrganisationScriptToken(
    deps.database.db,
    deps.vault,
    { organisationId: actor.organisationId, token, createdByUserId: actor.userId },
    deps.clock.now(),
  );
  await auditAs(deps, actor, {
    action: "script_token.saved",
    target: { type: "organisation", id: actor.organisationId },
  });
  return { kind: "saved" };
}

/** Returns whether there was a token to remove. */
export async function removeScriptToken(deps: TokenStoreDeps, actor: ActingUser): Promise<boolean> {
  const existing = await findOrganisationScriptToken(deps.database.db, deps.vault, actor.organisationId);
  if (existing === undefined) return false;
  await deleteOrganisationScriptToken(deps.database.db, actor.organisationId);
  await auditAs(deps, actor, {
    action: "script_token.deleted",
    target: { type: "organisation", id: actor.organisationId },
  });
  return true;
}
