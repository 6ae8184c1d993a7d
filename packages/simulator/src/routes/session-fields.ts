import type { Principal } from "../http/principal.js";
import type { EndCustomer } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { isGroupVisible } from "../state/visibility.js";
import type { Group } from "../state/world.js";
import { parseWireDate } from "../wire/dates.js";
import { badRequest } from "../wire/errors.js";
import { GROUP_ID, optionalString, USER_ID } from "../wire/params.js";
import { createGroupFor, findVisibleGroupByName } from "./group-routes.js";

/** Validation of the session body fields (docs/teamviewer-api.md §3, table under `POST /sessions`). */

export const TEXT_MAX = 4000;
const END_CUSTOMER_NAME_MAX = 100;
const END_CUSTOMER_EMAIL_MAX = 254;
/** `assigned_userid: "u0"` unassigns (docs/teamviewer-api.md §3). */
export const UNASSIGNED_USERID = "u0";

/**
 * `groupid` or `groupname`: a new name creates the group; both must name the same group
 * (docs/teamviewer-api.md §3). Undefined when neither is given.
 */
export function resolveGroup(
  state: SimulatorState,
  principal: Principal,
  body: Record<string, unknown>,
): Group | undefined {
  const groupid = optionalString(body, "groupid");
  const groupname = optionalString(body, "groupname")?.trim();
  if (groupid === undefined && !groupname) return undefined;
  let byId: Group | undefined;
  if (groupid !== undefined) {
    if (!GROUP_ID.test(groupid)) throw badRequest("Parameter groupid is malformed.");
    byId = state.world.groups.get(groupid);
    if (!byId || !isGroupVisible(byId, principal)) throw badRequest(`Group ${groupid} was not found.`);
  }
  if (!groupname) return byId;
  const byName = findVisibleGroupByName(state.world, principal, groupname);
  if (byId) {
    if (byName?.id !== byId.id) throw badRequest("Parameters groupid and groupname name different groups.");
    return byId;
  }
  return byName ?? createGroupFor(state.world, principal, groupname);
}

export function parseEndCustomer(body: Record<string, unknown>): EndCustomer | undefined {
  const value = body.end_customer;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw badRequest("Parameter end_customer must be an object.");
  const fields = value as Record<string, unknown>;
  const name = optionalString(fields, "name", END_CUSTOMER_NAME_MAX);
  const email = optionalString(fields, "email", END_CUSTOMER_EMAIL_MAX);
  return { ...(name !== undefined && { name }), ...(email !== undefined && { email }) };
}

/** The assignee: an account of the caller's company, or `u0` for nobody. */
export function parseAssignee(
  state: SimulatorState,
  principal: Principal,
  value: string,
): string | undefined {
  if (!USER_ID.test(value)) throw badRequest("Parameter assigned_userid is malformed.");
  if (value === UNASSIGNED_USERID) return undefined;
  const account = state.world.accounts.get(value);
  if (!account || account.companyId !== principal.companyId) throw badRequest(`User ${value} was not found.`);
  return value;
}

/** The schema's integers for the named session enums (docs/teamviewer-api.md §3 [guess]). */
export const SESSION_STATE_NUMBERS = { Open: 0, Closed: 1 } as const;
export const SESSION_TYPE_NUMBERS = { Default: 0, Pilot: 1 } as const;

/**
 * `support_session_type` on create: the strings integrations send (any case) or the schema's
 * integers (0 = Default, 1 = Pilot). The schema's unnamed 2 has no known meaning, so it is refused.
 */
export function parseSupportSessionType(body: Record<string, unknown>): "Default" | "Pilot" | undefined {
  const value = body.support_session_type;
  if (value === undefined || value === null) return undefined;
  const named = Object.entries(SESSION_TYPE_NUMBERS).find(([name, number]) =>
    typeof value === "number"
      ? value === number
      : typeof value === "string" && value.toLowerCase() === name.toLowerCase(),
  );
  if (named === undefined) {
    throw badRequest("Parameter support_session_type must be Default, Pilot, 0 (Default) or 1 (Pilot).");
  }
  return named[0] as "Default" | "Pilot";
}

export function parseValidUntil(body: Record<string, unknown>, now: number): number | undefined {
  const value = optionalString(body, "valid_until");
  if (value === undefined) return undefined;
  const epochMs = parseWireDate(value);
  if (epochMs === undefined) throw badRequest("Parameter valid_until is not a valid date.");
  if (epochMs <= now) throw badRequest("Parameter valid_until must lie in the future.");
  return epochMs;
}

/** The SMS language: an integer 0–32 whose mapping is undocumented (docs/teamviewer-api.md §3). */
const SMS_LANGUAGE_MAX = 32;

export function parseSmsLanguage(body: Record<string, unknown>): number | undefined {
  const value = body.sms_invite_language;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > SMS_LANGUAGE_MAX) {
    throw badRequest(`Parameter sms_invite_language must be an integer from 0 to ${SMS_LANGUAGE_MAX}.`);
  }
  return value;
}
