import type { Hono } from "hono";
import { endConnection } from "../apps/session-runtime.js";
import { authorize, type Principal } from "../http/principal.js";
import type { SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { isSessionVisible } from "../state/visibility.js";
import { badRequest, jsonResponse, notFound } from "../wire/errors.js";
import {
  GROUP_ID,
  optionalString,
  parseBooleanParam,
  readJsonObject,
  requireMatch,
  SESSION_CODE,
  SMS_NUMBER,
  USER_ID,
} from "../wire/params.js";
import {
  parseAssignee,
  parseEndCustomer,
  parseSmsLanguage,
  parseSupportSessionType,
  parseValidUntil,
  resolveGroup,
  TEXT_MAX,
} from "./session-fields.js";
import { presentSession, presentSessionBrief, withIntegerEnums } from "./session-presenter.js";

/** Sessions live 24 h unless `valid_until` says otherwise (docs/teamviewer-api.md §3). */
const DEFAULT_VALIDITY_MS = 24 * 3600 * 1000;

/** Sessions (docs/teamviewer-api.md §3). */
export function registerSessionRoutes(app: Hono, state: SimulatorState): void {
  app.post("/api/v1/sessions", async (c) => {
    const principal = authorize(state, c.req.raw, "session_management");
    const body = await readJsonObject(c.req.raw);
    const now = state.clock.now();
    const group = resolveGroup(state, principal, body);
    if (!group) throw badRequest("Parameter groupid or groupname is required.");
    const assigneeParam = optionalString(body, "assigned_userid");
    const assignedUserid =
      assigneeParam === undefined ? principal.userid : parseAssignee(state, principal, assigneeParam);
    const fields = {
      companyId: principal.companyId,
      creatorUserid: principal.userid,
      groupid: group.id,
      description: optionalString(body, "description", TEXT_MAX),
      waitingMessage: optionalString(body, "waiting_message", TEXT_MAX),
      endCustomer: parseEndCustomer(body),
      assignedUserid,
      assignedAt: assignedUserid === undefined ? undefined : now,
      createdAt: now,
      validUntil: parseValidUntil(body, now) ?? now + DEFAULT_VALIDITY_MS,
      supportSessionType: parseSupportSessionType(body) ?? "Default",
      customApi: optionalString(body, "custom_api", TEXT_MAX),
      smsInviteNumber: parseSmsNumber(body),
      smsInviteLanguage: parseSmsLanguage(body),
      tvVersion: optionalString(body, "tv_version", TEXT_MAX),
      customId: optionalString(body, "customId", TEXT_MAX),
      customModuleId: optionalString(body, "custom_module_id", TEXT_MAX),
    };
    const limited = answerIfOverLicence(state, principal);
    if (limited) return limited;
    const session = state.sessions.create(fields);
    const { sessionCreateAnswer } = state.settings.quirks;
    if (sessionCreateAnswer !== "body") {
      const location = `${state.settings.publicOrigin}/api/v1/sessions/${session.code}`;
      return new Response(null, {
        status: sessionCreateAnswer === "location" ? 201 : 303,
        headers: { location },
      });
    }
    const answer = presentSession(state, session);
    return jsonResponse(
      state.settings.quirks.sessionCreateEnums === "integers" ? withIntegerEnums(session, answer) : answer,
    );
  });

  app.get("/api/v1/sessions", (c) => {
    const principal = authorize(state, c.req.raw, "session_management");
    const query = c.req.query();
    const states = parseStates(query.state);
    const isFullList =
      query.full_list === undefined ? false : parseBooleanParam("full_list", query.full_list);
    const groupid =
      query.groupid === undefined ? undefined : requireMatch("groupid", query.groupid, GROUP_ID);
    const assignee =
      query.assigned_userid === undefined
        ? undefined
        : requireMatch("assigned_userid", query.assigned_userid, USER_ID);
    const visible = state.sessions
      .all()
      .filter((session) => isSessionVisible(state.world, session, principal))
      .sort(newestFirst);
    let start = 0;
    if (query.offset !== undefined) {
      const position = visible.findIndex((session) => session.code === query.offset?.toLowerCase());
      if (position < 0) throw badRequest("Parameter offset names no session.");
      start = position + 1;
    }
    const matching = visible
      .slice(start)
      .filter(
        (session) =>
          states.has(session.state) &&
          (groupid === undefined || session.groupid === groupid) &&
          (assignee === undefined || session.assignedUserid === assignee),
      );
    const page = matching.slice(0, state.settings.sessionPageSize);
    const remaining = matching.length - page.length;
    const last = page.at(-1);
    return jsonResponse({
      sessions: page.map((session) =>
        isFullList ? presentSession(state, session) : presentSessionBrief(session),
      ),
      ...(remaining > 0 && last && { next_offset: last.code }),
      sessions_remaining: remaining,
    });
  });

  app.get("/api/v1/sessions/:code", (c) => {
    const principal = authorize(state, c.req.raw, "session_management");
    return jsonResponse(presentSession(state, findSession(state, principal, c.req.param("code"))));
  });

  app.put("/api/v1/sessions/:code", async (c) => {
    const principal = authorize(state, c.req.raw, "session_management");
    const session = findSession(state, principal, c.req.param("code"));
    const body = await readJsonObject(c.req.raw);
    applySessionUpdate(state, principal, session, body);
    return new Response(null, { status: 204 });
  });

  app.delete("/api/v1/sessions/:code", (c) => {
    const principal = authorize(state, c.req.raw, "session_management");
    const session = findSession(state, principal, c.req.param("code"));
    state.sessions.delete(session.code);
    return new Response(null, { status: 204 });
  });
}

function findSession(state: SimulatorState, principal: Principal, code: string): SupportSession {
  const session = SESSION_CODE.test(code) ? state.sessions.get(code) : undefined;
  if (!session || !isSessionVisible(state.world, session, principal))
    throw notFound(`Session ${code} was not found.`);
  return session;
}

/** Partial update (docs/teamviewer-api.md §3): every field is validated before any is applied. */
function applySessionUpdate(
  state: SimulatorState,
  principal: Principal,
  session: SupportSession,
  body: Record<string, unknown>,
): void {
  const now = state.clock.now();
  const stateParam = optionalString(body, "state")?.toLowerCase();
  if (stateParam !== undefined && stateParam !== "open" && stateParam !== "closed") {
    throw badRequest("Parameter state must be open or closed.");
  }
  const assigneeParam = optionalString(body, "assigned_userid");
  const assignedUserid =
    assigneeParam === undefined ? undefined : parseAssignee(state, principal, assigneeParam);
  const changes: Partial<SupportSession> = {
    ...("description" in body && { description: optionalString(body, "description", TEXT_MAX) }),
    ...("waiting_message" in body && { waitingMessage: optionalString(body, "waiting_message", TEXT_MAX) }),
    ...("custom_api" in body && { customApi: optionalString(body, "custom_api", TEXT_MAX) }),
    ...("end_customer" in body && { endCustomer: parseEndCustomer(body) }),
    ...("sms_invite_number" in body && { smsInviteNumber: parseSmsNumber(body) }),
    ...("sms_invite_language" in body && { smsInviteLanguage: parseSmsLanguage(body) }),
    ...("custom_module_id" in body && {
      customModuleId: optionalString(body, "custom_module_id", TEXT_MAX),
    }),
    ...(assigneeParam !== undefined && {
      assignedUserid,
      assignedAt: assignedUserid === undefined ? undefined : now,
    }),
  };
  const group = resolveGroup(state, principal, body);
  Object.assign(session, changes);
  if (group) session.groupid = group.id;
  if (stateParam === "closed" && session.state === "Open") closeSession(state, session, now);
  if (stateParam === "open" && session.state === "Closed") {
    session.state = "Open";
    session.closedAt = undefined;
  }
}

/** Closing ends a running connection (its report is written) and sends the waiting customer away. */
function closeSession(state: SimulatorState, session: SupportSession, now: number): void {
  if (session.connection) endConnection(state, session.code);
  session.customer = undefined;
  session.state = "Closed";
  session.closedAt = now;
}

/** Licence limits answer 400 with a plain string mentioning "license limitations" (docs/teamviewer-api.md §3 [guess]). */
function answerIfOverLicence(state: SimulatorState, principal: Principal): Response | undefined {
  const cap = state.world.requireAccount(principal.userid).license.maxConcurrentSessions;
  const now = state.clock.now();
  const open = state.sessions
    .all()
    .filter(
      (session) =>
        session.companyId === principal.companyId && session.state === "Open" && session.validUntil > now,
    );
  if (open.length < cap) return undefined;
  const message = "The session could not be created because of license limitations.";
  if (state.settings.quirks.licenseLimitBody === "text") {
    return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return jsonResponse(message, 400);
}

function parseSmsNumber(body: Record<string, unknown>): string | undefined {
  const value = optionalString(body, "sms_invite_number");
  if (value !== undefined && !SMS_NUMBER.test(value))
    throw badRequest("Parameter sms_invite_number is malformed.");
  return value;
}

/** `open`, `closed` or `open,closed`; default open only; lower case in, capitalised out (docs/teamviewer-api.md §3). */
function parseStates(value: string | undefined): Set<SupportSession["state"]> {
  if (value === undefined) return new Set(["Open"]);
  const states = new Set<SupportSession["state"]>();
  for (const part of value.split(",")) {
    const lower = part.trim().toLowerCase();
    if (lower === "open") states.add("Open");
    else if (lower === "closed") states.add("Closed");
    else throw badRequest("Parameter state must be open, closed or open,closed.");
  }
  return states;
}

/** Newest `created_at` first; creation order breaks ties (docs/teamviewer-api.md §3). */
function newestFirst(a: SupportSession, b: SupportSession): number {
  return b.createdAt - a.createdAt || b.seq - a.seq;
}
