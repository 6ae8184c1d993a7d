import { UnexpectedResponseError } from "../errors.js";
import type { ApiResponse, RequestOptions } from "../http/api-transport.js";
import { encodePath } from "../http/wire-encoding.js";
import { listPages, type PagePromise } from "../pagination.js";
import { expectObjectWithId, ignoreBody, type JsonObject } from "../wire.js";
import { ApiResource } from "./api-resource.js";

/**
 * `Open` or `Closed`. TeamViewer may answer the integers of its schema (0 = Open, 1 = Closed) or
 * strings in any case; the client always hands out this capitalised string. The schema's two
 * further, unnamed states arrive as their number written as a string (`"2"`, `"3"`).
 *
 * @example
 * ```ts
 * const isOpen = (session: SessionSummary) => session.state === "Open";
 * ```
 */
export type SessionState = "Open" | "Closed" | (string & {});

/**
 * `Default` (remote control) or `Pilot` (augmented reality). TeamViewer may answer the schema's
 * integers (0 = Default, 1 = Pilot) or strings; the client always hands out this string. The
 * schema's unnamed 2 arrives as `"2"`.
 *
 * @example
 * ```ts
 * const isAugmentedReality = session.support_session_type === "Pilot";
 * ```
 */
export type SessionSupportSessionType = "Default" | "Pilot" | (string & {});

/** The schema's integers for the named values (docs/teamviewer-api.md §3 [guess]). */
const SESSION_STATE_NAMES = ["Open", "Closed"] as const;
const SUPPORT_SESSION_TYPE_NAMES = ["Default", "Pilot"] as const;

/**
 * The end customer of a session, as TeamViewer returns it.
 *
 * @example
 * ```ts
 * const greeting = `Hello ${session.end_customer?.name ?? "there"}`;
 * ```
 */
export interface EndCustomer {
  name?: string | null;
  email?: string | null;
  [extra: string]: unknown;
}

/**
 * A session as listed without `full_list`: only `code`, `state` and `groupid`.
 * Unknown fields TeamViewer adds are kept.
 *
 * @example
 * ```ts
 * const { items } = await client.sessions.list(); // SessionSummary[]: code, state, groupid
 * ```
 */
export interface SessionSummary {
  /** Session code, `s119-457-589`. */
  code: string;
  state: SessionState;
  groupid?: string | null;
  [extra: string]: unknown;
}

/**
 * A TeamViewer service case with a session code. Optional fields may be missing or `null`; unknown
 * fields are kept as TeamViewer sent them.
 *
 * **`supporter_link` and `webclient_supporter_link` are credentials**: they embed the session's
 * service-queue token and let whoever holds them join as the supporter. Show them to the supporter
 * only; the end customer only ever gets `end_customer_link`.
 *
 * @example
 * ```ts
 * const session = await client.sessions.retrieve("s119-457-589");
 * sendToCustomer(session.end_customer_link);
 * openForSupporter(session.supporter_link);
 * ```
 */
export interface Session extends SessionSummary {
  groupname?: string | null;
  description?: string | null;
  waiting_message?: string | null;
  end_customer?: EndCustomer | null;
  assigned_userid?: string | null;
  assigned_at?: string | null;
  created_at?: string | null;
  valid_until?: string | null;
  closed_at?: string | null;
  /** The only link meant for the end customer. */
  end_customer_link?: string | null;
  /** Credential: opens the session in the supporter's TeamViewer app. Supporter only. */
  supporter_link?: string | null;
  /** Credential: opens the session in the browser (WebClient). Supporter only. */
  webclient_supporter_link?: string | null;
  /** Whether the end customer is waiting right now. */
  online?: boolean | null;
  support_session_type?: SessionSupportSessionType | null;
  /** Free text only visible through the API; a place for the caller's correlation id. */
  custom_api?: string | null;
  /** In the schema, meaning undocumented (docs/teamviewer-api.md §3); kept as sent. */
  tv_version?: string | number | null;
  /** In the schema, meaning undocumented (docs/teamviewer-api.md §3); kept as sent. */
  customId?: string | number | null;
  /** The custom QuickSupport module of the session, on GET answers; kept as sent. */
  custom_module_id?: string | number | null;
  /** The end customer's phone number the SMS invitation went to. */
  sms_invite_number?: string | null;
  /** The SMS invitation's language: an integer 0–32 whose mapping is undocumented. */
  sms_invite_language?: number | null;
}

/**
 * Name and e-mail of the end customer, both optional.
 *
 * @example
 * ```ts
 * await client.sessions.create({ groupname: "Helpdesk", end_customer: { name: "Erika", email: "erika@example.org" } });
 * ```
 */
export interface EndCustomerParams {
  /** At most 100 characters. */
  name?: string | undefined;
  /** At most 254 characters. */
  email?: string | undefined;
}

interface SessionFields {
  /** At most 4000 characters. */
  description?: string | undefined;
  end_customer?: EndCustomerParams | undefined;
  /** Text shown to the waiting end customer. */
  waiting_message?: string | undefined;
  /** `u` + digits; defaults to the token's owner on create, `"u0"` unassigns on update. */
  assigned_userid?: string | undefined;
  /** At most 4000 characters, only visible through the API: put your correlation id here. */
  custom_api?: string | undefined;
}

/**
 * Parameters of `client.sessions.create`: `groupid` or `groupname` is required (a new `groupname`
 * creates the group).
 *
 * @example
 * ```ts
 * const params: SessionCreateParams = { groupname: "Helpdesk", description: "Outlook does not start", custom_api: "ticket:4711" };
 * ```
 */
export type SessionCreateParams = SessionFields & {
  /** Defaults to 24 hours after creation. */
  valid_until?: string | Date | undefined;
  /**
   * Sent as given: the strings most integrations send (the default way to ask), or one of the
   * schema's integers (0 = Default, 1 = Pilot, 2 unnamed) when a caller needs them.
   */
  support_session_type?: "Default" | "Pilot" | 0 | 1 | 2 | undefined;
  /** The end customer's phone, `^\+?[\d \(\)\/\-]+$`: TeamViewer sends the invitation by SMS. */
  sms_invite_number?: string | undefined;
  /** The SMS language, an integer 0–32; TeamViewer documents no mapping, so leave it out unless you know it. */
  sms_invite_language?: number | undefined;
  /** In the schema, meaning undocumented: passed through as given. */
  tv_version?: string | undefined;
  /** In the schema, meaning undocumented: passed through as given. */
  customId?: string | undefined;
} & (
    | { groupid: string; groupname?: string | undefined }
    | { groupname: string; groupid?: string | undefined }
  );

/**
 * A `state` filter value: TeamViewer takes lower case here and answers capitalised.
 *
 * @example
 * ```ts
 * await client.sessions.list({ state: ["open", "closed"] });
 * ```
 */
export type SessionStateFilter = "open" | "closed";

/**
 * Filters of `client.sessions.list`. Without `full_list: true` each item carries only `code`, `state`
 * and `groupid`.
 *
 * @example
 * ```ts
 * const params: SessionListParams = { state: ["open", "closed"], full_list: true, groupid: "g40211" };
 * ```
 */
export interface SessionListParams {
  groupid?: string | undefined;
  assigned_userid?: string | undefined;
  /** Defaults to open sessions only. */
  state?: SessionStateFilter | "open,closed" | readonly SessionStateFilter[] | undefined;
  full_list?: boolean | undefined;
  /** Start after this session code (the previous page's `next_offset`); paging does this for you. */
  offset?: string | undefined;
}

/**
 * A partial update for `client.sessions.update`; fields left out stay as they are. Only the fields
 * docs/teamviewer-api.md §3 lists as changeable are offered: `valid_until` is fixed at creation.
 *
 * @example
 * ```ts
 * await client.sessions.update(code, { assigned_userid: "u7005", waiting_message: "Kenji joins in a minute" });
 * ```
 */
export interface SessionUpdateParams extends SessionFields {
  /** `"closed"` closes (sets `closed_at`), `"open"` reopens. */
  state?: SessionStateFilter | undefined;
  groupid?: string | undefined;
  groupname?: string | undefined;
  /** Phone number for an SMS invitation, `^\+?[\d \(\)\/\-]+$`. */
  sms_invite_number?: string | undefined;
  /** The SMS language, an integer 0–32 whose mapping is undocumented. */
  sms_invite_language?: number | undefined;
  /** The custom QuickSupport module to use. */
  custom_module_id?: string | undefined;
}

/**
 * `client.sessions`: service cases with a session code.
 *
 * @example
 * ```ts
 * const session = await client.sessions.create({ groupname: "Helpdesk", custom_api: "ticket:4711" });
 * await client.sessions.close(session.code);
 * ```
 */
export class SessionsResource extends ApiResource {
  /**
   * Creates a session. Never retried automatically (a repeat would open a second session): after a
   * `ConnectionError` or `TimeoutError`, look for your `custom_api` value with `list({ full_list: true })`
   * before creating again.
   *
   * @example
   * ```ts
   * const session = await client.sessions.create({ groupname: "Helpdesk", end_customer: { name: "Erika" }, custom_api: "ticket:4711" });
   * ```
   */
  create(params: SessionCreateParams, options?: RequestOptions): Promise<Session> {
    return this.transport
      .request({ method: "POST", path: "/sessions", body: params, isRedirectAnAnswer: true }, options)
      .then((response) => readCreatedSession(response, (code) => this.retrieve(code, options)));
  }

  /**
   * Lists sessions, newest first; await it for one page, `for await` it for every session.
   *
   * @example
   * ```ts
   * for await (const session of client.sessions.list({ state: "open", full_list: true })) console.log(session.code, session.online);
   * ```
   */
  list(params: SessionListParams & { full_list: true }, options?: RequestOptions): PagePromise<Session>;
  list(params?: SessionListParams, options?: RequestOptions): PagePromise<SessionSummary>;
  list(params: SessionListParams = {}, options?: RequestOptions): PagePromise<SessionSummary> {
    return listPages(
      this.transport,
      {
        path: "/sessions",
        query: params,
        cursorParam: "offset",
        itemsKey: "sessions",
        remainingKey: "sessions_remaining",
        toItem: toSession,
      },
      options,
    );
  }

  /**
   * Fetches one session by its code.
   *
   * @example
   * ```ts
   * const { state, online } = await client.sessions.retrieve("s119-457-589");
   * ```
   */
  retrieve(code: string, options?: RequestOptions): Promise<Session> {
    const path = encodePath`/sessions/${code}`;
    return this.transport
      .request({ method: "GET", path }, options)
      .then((r) => toSession(r.body, `GET ${path}`));
  }

  /**
   * Changes some fields of a session (TeamViewer answers 204).
   *
   * @example
   * ```ts
   * await client.sessions.update("s119-457-589", { description: "Outlook fixed, checking mail sync" });
   * ```
   */
  update(code: string, params: SessionUpdateParams, options?: RequestOptions): Promise<void> {
    return this.transport
      .request({ method: "PUT", path: encodePath`/sessions/${code}`, body: params }, options)
      .then(ignoreBody);
  }

  /**
   * Closes a session, the way integrations end a service case (`update` with `state: "closed"`).
   *
   * @example
   * ```ts
   * await client.sessions.close("s119-457-589");
   * ```
   */
  close(code: string, options?: RequestOptions): Promise<void> {
    return this.update(code, { state: "closed" }, options);
  }

  /**
   * Deletes a session for good; prefer `close` to keep the history.
   *
   * @example
   * ```ts
   * await client.sessions.delete("s119-457-589");
   * ```
   */
  delete(code: string, options?: RequestOptions): Promise<void> {
    return this.transport
      .request({ method: "DELETE", path: encodePath`/sessions/${code}` }, options)
      .then(ignoreBody);
  }
}

function toSession(raw: unknown, label: string): Session {
  const session: JsonObject = { ...expectObjectWithId(raw, "code", "a session", label) };
  if ("state" in session) session.state = readEnum(session.state, SESSION_STATE_NAMES);
  if ("support_session_type" in session) {
    session.support_session_type = readEnum(session.support_session_type, SUPPORT_SESSION_TYPE_NAMES);
  }
  return session as Session;
}

/**
 * One type for an enum that arrives as the schema's integer or as a string (docs/teamviewer-api.md
 * §3): a named value becomes its capitalised name, whatever its case; another integer its digits.
 */
function readEnum(value: unknown, names: readonly string[]): unknown {
  const index =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\d+$/.test(value)
        ? Number(value)
        : undefined;
  if (index !== undefined) return names[index] ?? String(index);
  if (typeof value !== "string") return value;
  return names.find((name) => name.toLowerCase() === value.toLowerCase()) ?? value;
}

/**
 * The session from a create answer. One production proxy answers 2xx with an empty body and a
 * `Location` naming the session, and asks for "redirect as success", hinting that the upstream
 * answer is a 3xx with a `Location` (docs/teamviewer-api.md §3). Either way the session is
 * fetched by the code the `Location` names; without one, the caller is told to look for the
 * session rather than create it again.
 */
function readCreatedSession(
  response: ApiResponse,
  retrieve: (code: string) => Promise<Session>,
): Promise<Session> {
  const isRedirect = response.status >= 300 && response.status < 400;
  if (!isRedirect && response.body !== undefined) {
    return Promise.resolve(toSession(response.body, "POST /sessions"));
  }
  const location = response.headers.get("location");
  const code = location === null ? null : sessionCodeIn(location);
  if (code === null) {
    return Promise.reject(
      new UnexpectedResponseError(
        `TeamViewer answered the session create with ${response.status} but with neither the session nor a ` +
          "Location header naming it, so it may have been created. Find it with sessions.list({ full_list: true }) " +
          "by its custom_api value; do not create it again blindly.",
      ),
    );
  }
  return retrieve(code);
}

/** The session code a `Location` ends with (`…/sessions/s119-457-589`), or null. */
function sessionCodeIn(location: string): string | null {
  const segments = new URL(location, "https://location.invalid/").pathname.split("/").filter(Boolean);
  const last = segments.at(-1);
  if (last === undefined) return null;
  const code = decodeURIComponent(last);
  return SESSION_CODE.test(code) ? code : null;
}

const SESSION_CODE = /^s\d{2,3}-?\d{3}-?\d{3}$/i;
