import { supporterOf } from "../apps/session-runtime.js";
import { compactSessionCode, type SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { formatWireDate } from "../wire/dates.js";

/** The three links, with the real path shapes on the simulator's origin (spec sections 3 and 7). */
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

/** The full session object (spec section 3). */
export function presentSession(state: SimulatorState, session: SupportSession): Record<string, unknown> {
  const isNull = state.settings.quirks.absentFields === "null";
  const optional = (value: unknown) => (value === undefined ? (isNull ? null : undefined) : value);
  const body: Record<string, unknown> = {
    code: session.code,
    state: session.state,
    groupid: session.groupid,
    groupname: state.world.groups.get(session.groupid)?.name ?? "",
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

/**
 * Fields the schema carries that the caller set (spec section 3): sent only when set, so a session
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

/** Without `full_list` a listed session carries only these (spec section 3). */
export function presentSessionBrief(session: SupportSession) {
  return { code: session.code, state: session.state, groupid: session.groupid };
}
