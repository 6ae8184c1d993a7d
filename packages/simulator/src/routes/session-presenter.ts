import { supporterOf } from "../apps/session-runtime.js";
import { compactSessionCode, type SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { formatWireDate } from "../wire/dates.js";
import { SESSION_STATE_NUMBERS, SESSION_TYPE_NUMBERS } from "./session-fields.js";

/** The three links, with the real path shapes on the simulator's origin (docs/teamviewer-api.md §3 and §7). */
export function createSessionLinks(state: SimulatorState, session: SupportSession) {
  const origin = state.settings.publicOrigin;
  const compact = compactSessionCode(session.code);
  const displayName = state.world.accounts.get(supporterOf(session))?.name ?? "";
  const webclientQuery = new URLSearchParams({
    sessioncode: compact,
    servicequeuetoken: session.serviceQueueToken,
    lang: "en",
    displayName,
  });
  return {
    end_customer_link: `${origin}/v15/${compact}`,
    supporter_link: `${origin}/v15/${compact}-${session.serviceQueueToken}`,
    webclient_supporter_link: `${origin}/Connect/IndexByol?${webclientQuery}`,
  };
}

/** The full session object (docs/teamviewer-api.md §3). */
export function presentSession(state: SimulatorState, session: SupportSession): Record<string, unknown> {
  const isNull = state.settings.quirks.absentFields === "null";
  const optional = (value: unknown) => (value === undefined ? (isNull ? null : undefined) : value);
  const body: Record<string, unknown> = {
    code: session.code,
    state: session.state,
    groupid: session.groupid,
    // Not in the schema's session answers (docs/teamviewer-api.md §3): only the sessionGroupname switch adds it.
    groupname: state.settings.quirks.sessionGroupname
      ? (state.world.groups.get(session.groupid)?.name ?? "")
      : undefined,
    description: optional(session.description),
    waiting_message: optional(session.waitingMessage),
    end_customer: optional(session.endCustomer),
    assigned_userid: optional(session.assignedUserid),
    assigned_at: optional(session.assignedAt === undefined ? undefined : formatWireDate(session.assignedAt)),
    created_at: formatWireDate(session.createdAt),
    valid_until: formatWireDate(session.validUntil),
    closed_at: optional(session.closedAt === undefined ? undefined : formatWireDate(session.closedAt)),
    ...createSessionLinks(state, session),
    online: session.customer !== undefined,
    support_session_type: session.supportSessionType,
    custom_api: optional(session.customApi),
    ...presentPassThroughFields(session),
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return body;
}

/** The create answer with the schema's integers for its enums (the `sessionCreateEnums` switch). */
export function withIntegerEnums(
  session: SupportSession,
  body: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...body,
    state: SESSION_STATE_NUMBERS[session.state],
    support_session_type: SESSION_TYPE_NUMBERS[session.supportSessionType],
  };
}

/**
 * Fields the schema carries that the caller set (docs/teamviewer-api.md §3): sent only when set, so a session
 * created without them answers exactly as before.
 */
function presentPassThroughFields(session: SupportSession): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    tv_version: session.tvVersion,
    customId: session.customId,
    custom_module_id: session.customModuleId,
    sms_invite_number: session.smsInviteNumber,
    sms_invite_language: session.smsInviteLanguage,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Without `full_list` a listed session carries only these (docs/teamviewer-api.md §3). */
export function presentSessionBrief(session: SupportSession) {
  return { code: session.code, state: session.state, groupid: session.groupid };
}
