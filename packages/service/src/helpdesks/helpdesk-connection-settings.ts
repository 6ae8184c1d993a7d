/**
 * Admins connect their organisation's helpdesk (issue 22): its kind, address, an API token and
 * the ticket field that receives the session code. The token is write-only like every secret:
 * never shown, kept when the field is left empty, replaced when a new one is typed. Saving checks
 * the connection at once, and "Test connection" checks it again; the outcome is kept for the
 * health API. A helpdesk that is down never stops the settings from being saved.
 */
import type { Clock } from "../clock.js";
import type { Database } from "../db/open-database.js";
import {
  deleteHelpdeskConnection,
  findHelpdeskConnection,
  type HelpdeskConnectionRecord,
  recordHelpdeskCheck,
  saveHelpdeskConnection,
} from "../db/repositories/helpdesk-connections.js";
import type { InvitationLocale } from "../db/schema.js";
import { isSupportedLocale, type MessageKey } from "../i18n/index.js";
import { type ActingUser, auditAs } from "../teamviewer/acting-user.js";
import { isAllowedEndpoint } from "../teamviewer/app-endpoints.js";
import type { SecretBox } from "../vault/secret-box.js";
import { connectorFor } from "./connectors.js";
import {
  type HelpdeskHealth,
  type HelpdeskKind,
  type HelpdeskProblem,
  helpdeskKinds,
} from "./helpdesk-connector.js";

export interface HelpdeskDeps {
  database: Database;
  vault: SecretBox;
  clock: Clock;
}

const textFields = ["kind", "baseUrl", "token", "sessionField", "noteLocale"] as const;
const switchFields = [
  "writesSessionField",
  "writesSessionNotes",
  "writesConnectionNotes",
  "writesInvitationReplies",
] as const;
export type HelpdeskSwitch = (typeof switchFields)[number];

/** What the form or API sent, trimmed; an empty `token` means "keep the stored one". */
export type HelpdeskSettingsInput = Record<(typeof textFields)[number], string> &
  Record<HelpdeskSwitch, boolean>;
export type HelpdeskFieldErrors = Partial<Record<(typeof textFields)[number], MessageKey>>;

/** The connection as pages and the API show it: everything but the token. */
export interface HelpdeskConnectionView extends Record<HelpdeskSwitch, boolean> {
  kind: HelpdeskKind;
  baseUrl: string;
  sessionField: string;
  noteLocale: InvitationLocale;
  hasToken: true;
  lastCheck: { checkedAt: Date; problems: HelpdeskProblem[] } | null;
  updatedAt: Date;
}

export type SaveHelpdeskResult =
  | { kind: "saved"; connection: HelpdeskConnectionView; health: HelpdeskHealth }
  | { kind: "invalid"; errors: HelpdeskFieldErrors };

export const defaultSessionField = "TeamViewer session";

/** The choices of the form's helpdesk list, in the reader's language. */
export const helpdeskKindOptions = helpdeskKinds.map((kind) => ({
  value: kind,
  label: `helpdesk.kind.${kind}` as const satisfies MessageKey,
}));

/**
 * Reads the settings from a parsed form or JSON body: text that is missing or not text becomes
 * "", a switch is on for `true` (JSON) or `on` (a checked box) and off otherwise.
 */
export function readHelpdeskSettings(body: Record<string, unknown>): HelpdeskSettingsInput {
  const text = (name: (typeof textFields)[number]) => {
    const value = body[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const isOn = (name: HelpdeskSwitch) => body[name] === true || body[name] === "on";
  return {
    kind: text("kind"),
    baseUrl: text("baseUrl"),
    token: text("token"),
    sessionField: text("sessionField"),
    noteLocale: text("noteLocale"),
    writesSessionField: isOn("writesSessionField"),
    writesSessionNotes: isOn("writesSessionNotes"),
    writesConnectionNotes: isOn("writesConnectionNotes"),
    writesInvitationReplies: isOn("writesInvitationReplies"),
  };
}

/** RT's field names are free text; a line break or a very long name is a paste accident. */
const fieldNamePattern = /^[^\p{Cc}]{1,200}$/u;
/** API tokens are one printable word. */
const tokenPattern = /^[\x21-\x7e]{8,500}$/;

export function validateHelpdeskSettings(
  input: HelpdeskSettingsInput,
  hasStoredToken: boolean,
): HelpdeskFieldErrors {
  const errors: HelpdeskFieldErrors = {};
  if (!(helpdeskKinds as readonly string[]).includes(input.kind)) errors.kind = "helpdesk.error.kind";
  const urlProblem = checkBaseUrl(input.baseUrl);
  if (urlProblem !== undefined) errors.baseUrl = urlProblem;
  if (input.token === "" && !hasStoredToken) errors.token = "common.required";
  else if (input.token !== "" && !tokenPattern.test(input.token)) errors.token = "helpdesk.error.token";
  if (!isSupportedLocale(input.noteLocale)) errors.noteLocale = "helpdesk.error.noteLocale";
  if (input.sessionField === "") errors.sessionField = "common.required";
  else if (!fieldNamePattern.test(input.sessionField)) errors.sessionField = "helpdesk.error.sessionField";
  return errors;
}

function checkBaseUrl(value: string): MessageKey | undefined {
  if (value === "") return "common.required";
  if (!URL.canParse(value)) return "helpdesk.error.url";
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "helpdesk.error.url";
  if (url.username !== "" || url.password !== "" || url.hash !== "" || url.search !== "") {
    return "helpdesk.error.url";
  }
  // The token travels with every call: plain http only to this machine.
  if (!isAllowedEndpoint(url)) return "helpdesk.error.insecureUrl";
  return undefined;
}

/** The address without a trailing slash, so `${baseUrl}/REST/2.0` is always well formed. */
function normaliseBaseUrl(value: string): string {
  const url = new URL(value);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export async function getHelpdeskConnection(
  deps: HelpdeskDeps,
  actor: ActingUser,
): Promise<HelpdeskConnectionView | undefined> {
  const stored = await findHelpdeskConnection(deps.database.db, deps.vault, actor.organisationId);
  return stored === undefined ? undefined : viewOf(stored);
}

/** Validates and stores the settings, then checks them; nothing is stored when a field is wrong. */
export async function saveHelpdeskSettings(
  deps: HelpdeskDeps,
  actor: ActingUser,
  input: HelpdeskSettingsInput,
): Promise<SaveHelpdeskResult> {
  const stored = await findHelpdeskConnection(deps.database.db, deps.vault, actor.organisationId);
  const errors = validateHelpdeskSettings(input, stored !== undefined);
  if (Object.keys(errors).length > 0) return { kind: "invalid", errors };
  const next = {
    organisationId: actor.organisationId,
    kind: input.kind as HelpdeskKind,
    baseUrl: normaliseBaseUrl(input.baseUrl),
    token: input.token === "" && stored !== undefined ? stored.token : input.token,
    sessionField: input.sessionField,
    noteLocale: input.noteLocale as InvitationLocale,
    writesSessionField: input.writesSessionField,
    writesSessionNotes: input.writesSessionNotes,
    writesConnectionNotes: input.writesConnectionNotes,
    writesInvitationReplies: input.writesInvitationReplies,
  };
  await saveHelpdeskConnection(deps.database.db, deps.vault, next, deps.clock.now());
  const { token: _token, ...shown } = next;
  await auditAs(deps, actor, {
    action: "helpdesk_connection.saved",
    target: { type: "organisation", id: actor.organisationId },
    details: { ...shown, tokenReplaced: input.token !== "" },
  });
  const checked = await testHelpdeskConnection(deps, actor);
  if (checked === undefined) throw new Error("the helpdesk connection just saved is missing");
  return { kind: "saved", ...checked };
}

/** Checks the stored connection now and keeps the outcome; undefined when there is none. */
export async function testHelpdeskConnection(
  deps: HelpdeskDeps,
  actor: ActingUser,
): Promise<{ connection: HelpdeskConnectionView; health: HelpdeskHealth } | undefined> {
  const stored = await findHelpdeskConnection(deps.database.db, deps.vault, actor.organisationId);
  if (stored === undefined) return undefined;
  const health = await connectorFor(stored).checkHealth();
  const checkedAt = deps.clock.now();
  await recordHelpdeskCheck(deps.database.db, { id: stored.id, problems: health.problems, checkedAt });
  return {
    connection: viewOf({ ...stored, lastCheckedAt: checkedAt, lastCheckProblems: health.problems }),
    health,
  };
}

/** True when there was a connection to remove. */
export async function removeHelpdeskConnection(deps: HelpdeskDeps, actor: ActingUser): Promise<boolean> {
  const removed = await deleteHelpdeskConnection(deps.database.db, actor.organisationId);
  if (removed) {
    await auditAs(deps, actor, {
      action: "helpdesk_connection.removed",
      target: { type: "organisation", id: actor.organisationId },
    });
  }
  return removed;
}

/** The stored connection's last check, for the organisation's health; no call to the helpdesk. */
export async function readHelpdeskHealth(
  deps: HelpdeskDeps,
  organisationId: string,
): Promise<{ connection: HelpdeskConnectionView | undefined; isHealthy: boolean }> {
  const stored = await findHelpdeskConnection(deps.database.db, deps.vault, organisationId);
  if (stored === undefined) return { connection: undefined, isHealthy: true };
  const connection = viewOf(stored);
  return {
    connection,
    isHealthy: connection.lastCheck !== null && connection.lastCheck.problems.length === 0,
  };
}

function viewOf(stored: HelpdeskConnectionRecord): HelpdeskConnectionView {
  return {
    kind: stored.kind,
    baseUrl: stored.baseUrl,
    sessionField: stored.sessionField,
    noteLocale: stored.noteLocale,
    writesSessionField: stored.writesSessionField,
    writesSessionNotes: stored.writesSessionNotes,
    writesConnectionNotes: stored.writesConnectionNotes,
    writesInvitationReplies: stored.writesInvitationReplies,
    hasToken: true,
    lastCheck:
      stored.lastCheckedAt === null
        ? null
        : {
            checkedAt: stored.lastCheckedAt,
            problems: (stored.lastCheckProblems ?? []) as HelpdeskProblem[],
          },
    updatedAt: stored.updatedAt,
  };
}
