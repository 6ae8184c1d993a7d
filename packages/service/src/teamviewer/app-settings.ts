/**
 * Admins register their organisation's TeamViewer app (docs/teamviewer-api.md §1: client id,
 * client secret, one redirect URI; the authorize and API URLs are configurable because
 * TeamViewer has moved them before). The secret is write-only: never shown, kept when the
 * field is left empty, replaced only when a new one is typed. Every change is audited, without
 * the secret.
 */
import { findTeamViewerApp, saveTeamViewerApp } from "../db/repositories/teamviewer-apps.js";
import type { MessageKey } from "../i18n/index.js";
import { removeDemoScriptTokenOnOwnApp } from "../reports/demo-script-token.js";
import { type ActingUser, auditAs } from "./acting-user.js";
import { callbackPath, isAllowedEndpoint } from "./app-endpoints.js";
import type { TeamViewerAppSettings } from "./teamviewer-app-settings.js";
import type { TokenStoreDeps } from "./token-store.js";

export const appSettingFields = [
  "clientId",
  "clientSecret",
  "redirectUri",
  "authorizeUrl",
  "apiBaseUrl",
] as const;
export type AppSettingField = (typeof appSettingFields)[number];

/** What the form sent, trimmed; an empty `clientSecret` means "keep the stored one". */
export type AppSettingsInput = Record<AppSettingField, string>;

export type FieldErrors = Partial<Record<AppSettingField, MessageKey>>;

export type SaveAppSettingsResult =
  | { kind: "saved"; changed: AppSettingField[] }
  | { kind: "invalid"; errors: FieldErrors };

// Client ids look like `123456-AbCdEf…`, secrets are random strings (docs/teamviewer-api.md,
// "Conventions on the wire"); a space or a line break means a copy-paste accident.
const credentialPattern = /^\S{1,500}$/;

/** Reads the five fields from a parsed form body; anything missing or not text becomes "". */
export function readAppSettingsForm(body: Record<string, unknown>): AppSettingsInput {
  const read = (name: AppSettingField) => {
    const value = body[name];
    return typeof value === "string" ? value.trim() : "";
  };
  return {
    clientId: read("clientId"),
    clientSecret: read("clientSecret"),
    redirectUri: read("redirectUri"),
    authorizeUrl: read("authorizeUrl"),
    apiBaseUrl: read("apiBaseUrl"),
  };
}

export function validateAppSettings(input: AppSettingsInput, hasStoredSecret: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (input.clientId === "") errors.clientId = "tv.settings.error.clientIdRequired";
  else if (!credentialPattern.test(input.clientId)) errors.clientId = "tv.settings.error.credentialFormat";
  if (input.clientSecret === "" && !hasStoredSecret)
    errors.clientSecret = "tv.settings.error.clientSecretRequired";
  else if (input.clientSecret !== "" && !credentialPattern.test(input.clientSecret)) {
    errors.clientSecret = "tv.settings.error.credentialFormat";
  }
  for (const field of ["redirectUri", "authorizeUrl", "apiBaseUrl"] as const) {
    const problem = checkEndpoint(input[field]);
    if (problem !== undefined) errors[field] = problem;
  }
  if (errors.redirectUri === undefined && !new URL(input.redirectUri).pathname.endsWith(callbackPath)) {
    errors.redirectUri = "tv.settings.error.redirectPath";
  }
  return errors;
}

function checkEndpoint(value: string): MessageKey | undefined {
  if (value === "") return "common.required";
  if (!URL.canParse(value)) return "tv.settings.error.url";
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "tv.settings.error.url";
  if (url.username !== "" || url.password !== "" || url.hash !== "") return "tv.settings.error.url";
  if (!isAllowedEndpoint(url)) return "tv.settings.error.insecureUrl";
  return undefined;
}

/** Validates and stores the settings; nothing is stored when any field is wrong. */
export async function saveAppSettings(
  deps: TokenStoreDeps,
  actor: ActingUser,
  input: AppSettingsInput,
): Promise<SaveAppSettingsResult> {
  const stored = await findTeamViewerApp(deps.database.db, deps.vault, actor.organisationId);
  const errors = validateAppSettings(input, stored !== undefined);
  if (Object.keys(errors).length > 0) return { kind: "invalid", errors };

  const next: TeamViewerAppSettings = {
    ...input,
    clientSecret:
      input.clientSecret === "" && stored !== undefined ? stored.clientSecret : input.clientSecret,
  };
  const changed = appSettingFields.filter((field) => stored === undefined || stored[field] !== next[field]);
  if (changed.length === 0) return { kind: "saved", changed };
  await saveTeamViewerApp(
    deps.database.db,
    deps.vault,
    { organisationId: actor.organisationId, ...next },
    deps.clock.now(),
  );
  await removeDemoScriptTokenOnOwnApp(
    { db: deps.database.db, vault: deps.vault, clock: deps.clock, demoMode: deps.config.demoMode },
    actor.organisationId,
  );
  const { clientSecret: _secret, ...shown } = next;
  await auditAs(deps, actor, {
    action: "teamviewer_app.updated",
    target: { type: "organisation", id: actor.organisationId },
    // Field names only for the secret: "clientSecret" in `changed` says it was replaced.
    details: { changed, ...shown },
  });
  return { kind: "saved", changed };
}
