import type { ConnectionExtras } from "../reports/connection-extras.js";
import type { ConnectionReport, ReportFeedback } from "../reports/connection-report.js";
import type { SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { formatWireDate } from "../wire/dates.js";

/**
 * What the two TeamViewer apps do to a session (docs/teamviewer-api.md §7): the end customer joins with
 * QuickSupport (the session turns `online`), the supporter connects, and ending the connection
 * writes the connection report of docs/teamviewer-api.md §4. The pages and the admin surface both call these.
 */

/** A step that does not fit the session's current state (the admin API answers 409). */
export class TransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransitionError";
  }
}

export interface CustomerJoinOptions {
  deviceName?: string;
  deviceId?: string;
}

export interface EndConnectionOptions {
  feedback?: ReportFeedback;
  /** The supporter's own comment written at the end of the session: the report's `session_note`. */
  sessionNote?: string;
}

/** Connections made with a session code get `support_session_type` 2 (docs/teamviewer-api.md §4 [guess]). */
const SESSION_CODE_CONNECTION_TYPE = 2;
const DEFAULT_DEVICE_NAME = "CUSTOMER-PC";

export function requireSession(state: SimulatorState, code: string): SupportSession {
  const session = state.sessions.get(code);
  if (!session) throw new TransitionError(`There is no session ${code}.`);
  return session;
}

export function joinAsCustomer(state: SimulatorState, code: string, options: CustomerJoinOptions = {}) {
  const session = requireSession(state, code);
  if (session.state === "Closed") throw new TransitionError("This session has been closed.");
  if (state.clock.now() >= session.validUntil) throw new TransitionError("This session code has expired.");
  session.customer ??= {
    deviceId: options.deviceId ?? state.random.digits(10),
    deviceName: options.deviceName?.trim() || DEFAULT_DEVICE_NAME,
    joinedAt: state.clock.now(),
  };
  return session;
}

export function leaveAsCustomer(state: SimulatorState, code: string): SupportSession {
  const session = requireSession(state, code);
  if (session.connection) throw new TransitionError("End the connection before the customer leaves.");
  session.customer = undefined;
  return session;
}

export function connectSupporter(state: SimulatorState, code: string): SupportSession {
  const session = requireSession(state, code);
  if (session.state === "Closed") throw new TransitionError("This session has been closed.");
  if (!session.customer) throw new TransitionError("The customer has not joined yet.");
  if (session.connection) throw new TransitionError("The supporter is already connected.");
  session.connection = {
    supporterUserid: supporterOf(session),
    supporterDeviceId: state.random.digits(10),
    startedAt: state.clock.now(),
    chat: [],
    screenshots: [],
  };
  return session;
}

/** Longest chat message the simulated apps take. */
const CHAT_MESSAGE_MAX = 1000;

/** A chat message between the connected supporter and customer; kept for the chat transcript. */
export function sendChatMessage(
  state: SimulatorState,
  code: string,
  message: { isFromSupporter: boolean; content: string },
): SupportSession {
  const session = requireSession(state, code);
  if (!session.connection) throw new TransitionError("Chat needs a running connection.");
  const content = message.content.trim();
  if (content === "") throw new TransitionError("The message is empty.");
  if (content.length > CHAT_MESSAGE_MAX)
    throw new TransitionError(`A message has at most ${CHAT_MESSAGE_MAX} characters.`);
  session.connection.chat.push({
    isFromSupporter: message.isFromSupporter,
    writtenAt: state.clock.now(),
    content,
  });
  return session;
}

/** The supporter takes a screenshot of the customer's screen during the connection. */
export function takeScreenshot(state: SimulatorState, code: string): SupportSession {
  const session = requireSession(state, code);
  const connection = session.connection;
  if (!connection) throw new TransitionError("A screenshot needs a running connection.");
  const number = connection.screenshots.length + 1;
  connection.screenshots.push({
    screenshotId: state.random.uuid(),
    fileName: `screenshot-${number}.png`,
    mimeType: "image/png",
    takenAt: state.clock.now(),
  });
  return session;
}

/** Ends the connection; the customer's QuickSupport closes too, so the session is no longer online. */
export function endConnection(
  state: SimulatorState,
  code: string,
  options: EndConnectionOptions = {},
): ConnectionReport {
  const session = requireSession(state, code);
  const { connection, customer } = session;
  if (!connection || !customer) throw new TransitionError("There is no connection to end.");
  const report = buildReport(state, session, options);
  state.reports.addLive(session.companyId, report);
  const extras = extrasOf(session, report);
  if (extras) state.connectionExtras.set(report.id, extras);
  session.connection = undefined;
  session.customer = undefined;
  session.lastReportId = report.id;
  return report;
}

/** The customer's rating after the connection, added to its report. */
export function submitFeedback(state: SimulatorState, code: string, feedback: ReportFeedback): void {
  const session = requireSession(state, code);
  if (
    !Number.isInteger(feedback.session_rating) ||
    feedback.session_rating < 1 ||
    feedback.session_rating > 5
  ) {
    throw new TransitionError("The rating must be a whole number from 1 to 5.");
  }
  if (!session.lastReportId) throw new TransitionError("No connection of this session has ended yet.");
  state.reports.edit(session.lastReportId, session.companyId, { feedback });
}

/** What the connection leaves beyond its report; nothing when there was no chat and no screenshot. */
function extrasOf(session: SupportSession, report: ConnectionReport): ConnectionExtras | undefined {
  const { connection, customer } = session;
  if (!connection || !customer) return undefined;
  if (connection.chat.length === 0 && connection.screenshots.length === 0) return undefined;
  return {
    supporter: { teamViewerId: connection.supporterDeviceId, name: report.username },
    customer: { teamViewerId: customer.deviceId, name: session.endCustomer?.name ?? customer.deviceName },
    title: session.description,
    sessionNote: report.session_note,
    chat: [...connection.chat],
    screenshots: [...connection.screenshots],
  };
}

/** The supporter is the assigned user, or whoever created an unassigned session. */
export function supporterOf(session: SupportSession): string {
  return session.assignedUserid ?? session.creatorUserid;
}

function buildReport(state: SimulatorState, session: SupportSession, options: EndConnectionOptions) {
  const connection = session.connection;
  const customer = session.customer;
  if (!connection || !customer) throw new TransitionError("There is no connection to end.");
  const supporter = state.world.accounts.get(connection.supporterUserid);
  const group = state.world.groups.get(session.groupid);
  const report: ConnectionReport = {
    id: state.random.uuid(),
    userid: connection.supporterUserid,
    username: supporter?.name ?? "",
    deviceid: customer.deviceId,
    devicename: customer.deviceName,
    support_session_type: SESSION_CODE_CONNECTION_TYPE,
    start_date: formatWireDate(connection.startedAt),
    end_date: formatWireDate(state.clock.now()),
    fee: 0,
    currency: "EUR",
    billing_state: "Bill",
    notes: "",
    contact_id: null,
    session_code: session.code,
    session_created_at: formatWireDate(session.createdAt),
    valid_until: formatWireDate(session.validUntil),
  };
  if (group) {
    report.groupid = group.id;
    report.groupname = group.name;
  }
  if (session.assignedUserid !== undefined && session.assignedAt !== undefined) {
    report.assigned_userid = session.assignedUserid;
    report.assigned_at = formatWireDate(session.assignedAt);
  }
  if (session.customApi !== undefined) report.custom_api = session.customApi;
  if (session.endCustomer !== undefined) report.end_customer = { ...session.endCustomer };
  if (options.feedback !== undefined) report.feedback = options.feedback;
  const sessionNote = options.sessionNote?.trim();
  if (sessionNote) report.session_note = sessionNote;
  return report;
}
