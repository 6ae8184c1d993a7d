/**
 * The one database schema, shared by PGlite and PostgreSQL. `npm run db:generate -w
 * @attendant/service` turns changes here into a new SQL migration under `drizzle/`.
 *
 * Conventions: snake_case names in SQL, camelCase in TypeScript; every timestamp is
 * `timestamptz` (stored as UTC); secrets live only in `*_encrypted` columns, written by the
 * vault with the row's id bound into the ciphertext (see src/vault/secret-box.ts). Enumerations
 * are text with a CHECK constraint rather than PostgreSQL enums, so adding a value is a plain
 * migration on both engines.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => timestamptz("created_at").notNull().defaultNow();
const updatedAt = () => timestamptz("updated_at").notNull().defaultNow();

export const userRoles = ["admin", "supporter", "auditor"] as const;
export type UserRole = (typeof userRoles)[number];

export const connectionStatuses = ["connected", "needs_reconnect"] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  /**
   * Set by `attendant orgs disable`: its users, keys, embeds, join links and background jobs stop;
   * its data stays (docs/adr/0042-organisations-as-tenants.md).
   */
  disabledAt: timestamptz("disabled_at"),
  /**
   * Close sessions at TeamViewer once past their validity, so none lingers there
   * (src/sessions/close-expired-sessions.ts, docs/adr/0052-closing-expired-sessions.md).
   */
  closesExpiredSessions: boolean("closes_expired_sessions").notNull().default(false),
  /**
   * The IANA time zone its people read times in unless they chose their own
   * (src/i18n/zoned-time.ts checks it; docs/adr/0047-time-zones.md).
   */
  timeZone: text("time_zone").notNull().default("UTC"),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    displayName: text("display_name").notNull().default(""),
    role: text("role").$type<UserRole>().notNull(),
    /** Encoded scrypt hash (src/identity/passwords.ts); null until the user sets a password. */
    passwordHash: text("password_hash"),
    /** The user's chosen UI language; null means "follow the browser". */
    locale: text("locale"),
    /** The user's own IANA time zone; null means "the organisation's" (src/i18n/zoned-time.ts). */
    timeZone: text("time_zone"),
    isDisabled: boolean("is_disabled").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Case-insensitive: "Ann@Example.com" and "ann@example.com" are one person. Unique in the
    // whole installation, not per organisation, so sign-in finds the user's organisation from
    // the address alone (docs/adr/0042-organisations-as-tenants.md).
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    check("users_role_check", sql`${t.role} in (${inList(userRoles)})`),
  ],
);

export const webSessions = pgTable(
  "web_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the cookie value: a database leak does not yield usable sessions. */
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Random per-session secret for CSRF tokens; useless without the session cookie. */
    csrfSecret: text("csrf_secret").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
    /** Absolute expiry; the idle timeout is checked against lastSeenAt. */
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [index("web_sessions_user_idx").on(t.userId)],
);

/**
 * One-time sign-in links (the demo's console link). Only the SHA-256 of the token is stored;
 * `used_at` is set by the single UPDATE that consumes it, so a link works exactly once.
 */
export const oneTimeLogins = pgTable(
  "one_time_logins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => [index("one_time_logins_user_idx").on(t.userId)],
);

/**
 * Append-only: a trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE. No foreign keys,
 * so the history outlives the users and organisations it mentions.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    // A sequence rather than a uuid: gives a stable order for keyset paging and export.
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamptz("occurred_at").notNull(),
    organisationId: uuid("organisation_id"),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_organisation_idx").on(t.organisationId, t.id),
    index("audit_log_action_idx").on(t.action),
  ],
);

export const teamViewerApps = pgTable("teamviewer_apps", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .unique()
    .references(() => organisations.id, { onDelete: "cascade" }),
  clientId: text("client_id").notNull(),
  clientSecretEncrypted: text("client_secret_encrypted").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  authorizeUrl: text("authorize_url").notNull(),
  apiBaseUrl: text("api_base_url").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const teamViewerConnections = pgTable(
  "teamviewer_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    teamViewerUserId: text("teamviewer_user_id").notNull(),
    teamViewerName: text("teamviewer_name").notNull(),
    teamViewerEmail: text("teamviewer_email").notNull(),
    accessTokenEncrypted: text("access_token_encrypted").notNull(),
    refreshTokenEncrypted: text("refresh_token_encrypted").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    status: text("status").$type<ConnectionStatus>().notNull().default("connected"),
    /**
     * Bumped on every token change. A refresh writes only if the version it read is still
     * current, so two instances refreshing the same grant cannot both win.
     */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("teamviewer_connections_status_check", sql`${t.status} in (${inList(connectionStatuses)})`)],
);

export const organisationScriptTokens = pgTable("organisation_script_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .unique()
    .references(() => organisations.id, { onDelete: "cascade" }),
  tokenEncrypted: text("token_encrypted").notNull(),
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const oauthStates = pgTable(
  "oauth_states",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the `state` parameter; the raw value only ever exists in the browser's URL. */
    stateHash: text("state_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Binds the state to the browser session that started the flow. */
    webSessionId: uuid("web_session_id")
      .notNull()
      .references(() => webSessions.id, { onDelete: "cascade" }),
    pkceVerifierEncrypted: text("pkce_verifier_encrypted").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    /** Set when the callback consumes the state; a second use is refused. */
    usedAt: timestamptz("used_at"),
  },
  (t) => [index("oauth_states_user_idx").on(t.userId)],
);

// ---- Support sessions and the REST API (issue 5, issue 7) ----

export const ticketStatuses = ["open", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/**
 * A helpdesk ticket as the helpdesk names it: Attendant keeps only what a supporter needs to
 * recognise it. `external_id` is the helpdesk's own id, unique within an organisation.
 */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    title: text("title").notNull(),
    url: text("url"),
    requesterName: text("requester_name"),
    requesterEmail: text("requester_email"),
    status: text("status").$type<TicketStatus>().notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    uniqueIndex("tickets_organisation_external_id_unique").on(t.organisationId, t.externalId),
    check("tickets_status_check", sql`${t.status} in (${inList(ticketStatuses)})`),
  ],
);

export const supportSessionStates = ["open", "closed"] as const;
export type SupportSessionState = (typeof supportSessionStates)[number];

/**
 * A TeamViewer service case (docs/teamviewer-api.md §3) opened for a ticket. The two supporter links
 * embed the session's service-queue token, so they are credentials and stored encrypted; the
 * end-customer link is meant to be handed out and is stored in the clear.
 */
export const supportSessions = pgTable(
  "support_sessions",
  {
    // Chosen by the application before the insert: the encrypted links are bound to it.
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    /** The supporter whose TeamViewer account created (and so owns) the session there. */
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    assignedUserId: uuid("assigned_user_id").references(() => users.id, { onDelete: "set null" }),
    code: text("code").notNull().unique(),
    endCustomerLink: text("end_customer_link").notNull(),
    supporterLinkEncrypted: text("supporter_link_encrypted"),
    webClientSupporterLinkEncrypted: text("webclient_supporter_link_encrypted"),
    state: text("state").$type<SupportSessionState>().notNull().default("open"),
    /** Whether the end customer was waiting when TeamViewer was last asked. */
    isOnline: boolean("online").notNull().default(false),
    /**
     * When the end customer was first seen waiting since they last were not (the live desk's
     * "customer waiting since 09:14"); null while nobody waits. Kept by updateSupportSessionRecord.
     */
    customerWaitingSince: timestamptz("customer_waiting_since"),
    validUntil: timestamptz("valid_until").notNull(),
    description: text("description"),
    waitingMessage: text("waiting_message"),
    groupId: text("group_id"),
    groupName: text("group_name"),
    /** Also sent as `custom_api: "attendant:<id>"`, so an ambiguous create can be found again. */
    correlationId: uuid("correlation_id").notNull().unique(),
    createdAt: createdAt(),
    closedAt: timestamptz("closed_at"),
    lastRefreshedAt: timestamptz("last_refreshed_at"),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("support_sessions_organisation_created_idx").on(t.organisationId, t.createdAt, t.id),
    // A supporter's own list and a ticket's list are newest first: walked in index order and
    // cut at the page, rather than every row of the supporter or ticket read and sorted.
    index("support_sessions_assigned_created_idx").on(t.assignedUserId, t.createdAt, t.id),
    index("support_sessions_ticket_created_idx").on(t.ticketId, t.createdAt, t.id),
    // The session status watch asks for the open ones every second (src/jobs/session-status-watch.ts).
    index("support_sessions_open_valid_until_idx").on(t.validUntil).where(sql`${t.state} = 'open'`),
    check("support_sessions_state_check", sql`${t.state} in (${inList(supportSessionStates)})`),
  ],
);

/**
 * Session creates whose outcome nobody could learn: `POST /sessions` failed ambiguously and the
 * look-up by correlation id failed too, so TeamViewer may hold a session we never stored. The
 * supporter's repeat of that create adopts it instead of opening a second one, and the orphan
 * sweep closes it when nobody repeats (src/sessions/close-orphaned-sessions.ts, ADR 0033).
 */
export const unsettledSessionCreates = pgTable(
  "unsettled_session_creates",
  {
    /** The create's correlation id, sent as `custom_api: "attendant:<id>"`. */
    correlationId: uuid("correlation_id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Only this supporter's repeat may adopt it: the session carries their supporter links. */
    supporterUserId: uuid("supporter_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("unsettled_session_creates_created_idx").on(t.createdAt)],
);

export const idempotencyKeyStates = ["in_flight", "done"] as const;
export type IdempotencyKeyState = (typeof idempotencyKeyStates)[number];

/**
 * `Idempotency-Key` records of our REST API (draft-ietf-httpapi-idempotency-key-header): the first
 * request claims the key, its answer is kept 24 h and replayed. The answer may carry supporter
 * links, so its body is stored encrypted.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** Whose key space this is, e.g. `api-key:<id>`: two callers never share a key. */
    callerId: text("caller_id").notNull(),
    /** SHA-256 of method, path and canonical body: the same key with another request is refused. */
    requestFingerprint: text("request_fingerprint").notNull(),
    state: text("state").$type<IdempotencyKeyState>().notNull().default("in_flight"),
    responseStatus: integer("response_status"),
    responseContentType: text("response_content_type"),
    responseBodyEncrypted: text("response_body_encrypted"),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    /**
     * While in flight: until when the claim's owner is known to be alive (it renews the lease as
     * it works). A lapsed lease means the owner died; the next repeat takes the claim over and
     * reconciles (src/api/idempotency.ts, ADR 0020).
     */
    leaseExpiresAt: timestamptz("lease_expires_at"),
  },
  (t) => [
    uniqueIndex("idempotency_keys_caller_key_unique").on(t.organisationId, t.callerId, t.key),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
    check("idempotency_keys_state_check", sql`${t.state} in (${inList(idempotencyKeyStates)})`),
  ],
);

/**
 * What an API key may do. `*:read` lists and retrieves, `*:write` creates and changes;
 * `organisation:read` covers users' TeamViewer connection status and the organisation's health.
 */
export const apiKeyScopes = [
  "sessions:read",
  "sessions:write",
  "reports:read",
  "reports:write",
  "webhooks:read",
  "webhooks:write",
  "organisation:read",
  "helpdesk:read",
  "helpdesk:write",
  "embedding:read",
  "embedding:write",
  "embedding:mint",
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/**
 * Keys platforms use for `/api/v1` (`Authorization: Bearer atd_<prefix>_<secret>`). Only the
 * SHA-256 of the secret is stored; the prefix finds the row and identifies the key in lists.
 */
export const apiKeys = pgTable("api_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  prefix: text("prefix").notNull().unique(),
  secretHash: text("secret_hash").notNull(),
  scopes: jsonb("scopes").$type<ApiKeyScope[]>().notNull(),
  /** The supporter a platform acts for; null for an organisation-wide key. */
  actingUserId: uuid("acting_user_id").references(() => users.id, { onDelete: "cascade" }),
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  lastUsedAt: timestamptz("last_used_at"),
  revokedAt: timestamptz("revoked_at"),
});

/**
 * Keys of the installation's operator for `/api/operator/v1` (`Authorization: Bearer
 * atdop_<prefix>_<secret>`), made by `attendant operator-keys create`. They belong to no
 * organisation and open no organisation's routes (docs/adr/0046-operator-api-and-keys.md). Only
 * the SHA-256 of the secret is stored, as for API keys.
 */
export const operatorKeys = pgTable("operator_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull().unique(),
  secretHash: text("secret_hash").notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamptz("last_used_at"),
  revokedAt: timestamptz("revoked_at"),
});

/**
 * The operator's browser sessions on `/operator`, opened by signing in with an operator key. Only
 * the SHA-256 of the cookie's token is stored; a session ends with its key's revocation.
 */
export const operatorSessions = pgTable("operator_sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  operatorKeyId: uuid("operator_key_id")
    .notNull()
    .references(() => operatorKeys.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  expiresAt: timestamptz("expires_at").notNull(),
});

// ---- Connection reports and their sync (issue 6) ----

/** How a stored report found its support session or ticket (src/reports/match-reports.ts). */
export const reportMatchMethods = ["custom_api", "session_code", "manual"] as const;
export type ReportMatchMethod = (typeof reportMatchMethods)[number];

/**
 * One TeamViewer connection report (docs/teamviewer-api.md §4) as last seen by the sync. The record's
 * fields are columns for filtering and views; `raw` keeps the whole record as TeamViewer sent
 * it, unknown fields included. Upserted by (organisation, TeamViewer id): a record seen again
 * updates its row, it never becomes a second one.
 */
export const connectionReports = pgTable(
  "connection_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** TeamViewer's id of the record (a UUID, kept as text as sent). */
    teamViewerReportId: text("teamviewer_report_id").notNull(),
    /** The sync account that saw the record last: write-back uses it, as it can see the record. */
    syncAccountId: uuid("sync_account_id").references(() => reportSyncAccounts.id, { onDelete: "set null" }),
    teamViewerUserId: text("teamviewer_user_id"),
    userName: text("user_name"),
    deviceId: text("device_id"),
    deviceName: text("device_name"),
    groupId: text("group_id"),
    groupName: text("group_name"),
    /** 1 RemoteConnection, 2 RemoteSupportActive, 3 RemoteSupportActiveSdk; null when unknown. */
    supportSessionType: integer("support_session_type"),
    startDate: timestamptz("start_date"),
    endDate: timestamptz("end_date"),
    /** From the dates (TeamViewer sends no duration); null when a date is missing. */
    durationSeconds: integer("duration_seconds"),
    fee: numeric("fee", { precision: 14, scale: 4, mode: "number" }),
    currency: text("currency"),
    /** `Bill`, `Billed` or `DoNotBill`; not constrained, TeamViewer may add states. */
    billingState: text("billing_state"),
    /**
     * The billable minutes a `Billed` record was billed with, so later billing rules never change
     * it (reports/billable-minutes.ts); null while the record is not `Billed`.
     */
    billedMinutes: integer("billed_minutes"),
    notes: text("notes"),
    sessionCode: text("session_code"),
    customApi: text("custom_api"),
    endCustomerName: text("end_customer_name"),
    endCustomerEmail: text("end_customer_email"),
    feedbackRating: integer("feedback_rating"),
    feedbackComment: text("feedback_comment"),
    /** The supporter's own comment written at the end of the session (`session_note`, §4). */
    sessionNote: text("session_note"),
    raw: jsonb("raw").$type<Record<string, unknown>>().notNull(),
    supportSessionId: uuid("support_session_id").references(() => supportSessions.id, {
      onDelete: "set null",
    }),
    ticketId: uuid("ticket_id").references(() => tickets.id, { onDelete: "set null" }),
    matchedBy: text("matched_by").$type<ReportMatchMethod>(),
    matchedAt: timestamptz("matched_at"),
    firstSeenAt: timestamptz("first_seen_at").notNull(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
    /**
     * A change being written back to TeamViewer (src/reports/update-connection-report.ts), set
     * before the PUT and cleared with the local update: the intended values, since when, and
     * the lease of the request sending it (null once no live request holds it, so the sync
     * re-reads the report from TeamViewer; docs/adr/0030-report-write-back-across-a-crash.md).
     */
    writeBackPending: jsonb("write_back_pending").$type<WriteBackChange>(),
    writeBackStartedAt: timestamptz("write_back_started_at"),
    writeBackLeaseExpiresAt: timestamptz("write_back_lease_expires_at"),
  },
  (t) => [
    uniqueIndex("connection_reports_organisation_report_unique").on(t.organisationId, t.teamViewerReportId),
    index("connection_reports_organisation_end_idx").on(t.organisationId, t.endDate, t.id),
    // Narrow date ranges of the reports list seek here (src/db/repositories/connection-report-search.ts).
    index("connection_reports_organisation_start_idx").on(t.organisationId, t.startDate),
    // Most of a backfill is history no session of ours belongs to: partial, so an unmatched row
    // adds no entry to these two (fewer index writes per stored report). `ticket_id = $1` and the
    // foreign keys' `support_session_id = $1` imply `is not null`, so they still use them.
    index("connection_reports_ticket_idx").on(t.ticketId, t.endDate).where(sql`${t.ticketId} is not null`),
    index("connection_reports_support_session_idx")
      .on(t.supportSessionId)
      .where(sql`${t.supportSessionId} is not null`),
    // Matching looks only at unmatched rows; this keeps re-matching cheap as history grows.
    index("connection_reports_unmatched_idx")
      .on(t.organisationId, t.endDate)
      .where(sql`${t.ticketId} is null`),
    check("connection_reports_matched_by_check", sql`${t.matchedBy} in (${inList(reportMatchMethods)})`),
    // The sync looks only at reports with a write-back pending: almost none, so a tiny index.
    index("connection_reports_write_back_pending_idx")
      .on(t.syncAccountId)
      .where(sql`${t.writeBackPending} is not null`),
  ],
);

/** What a pending write-back is to set in TeamViewer; only the fields the person changed. */
export interface WriteBackChange {
  notes?: string;
  billingState?: string;
}

/** What a connection leaves behind beyond its report record (docs/teamviewer-api.md §4), one row per kind. */
export const connectionExtraKinds = [
  "chat_transcript",
  "ai_summary",
  "augmented_session_summary",
  "screenshots",
] as const;
export type ConnectionExtraKind = (typeof connectionExtraKinds)[number];

/** `not_available`: TeamViewer answered 403 or 404 (no such extra, or the licence lacks it); never asked again. */
export const connectionExtraStates = ["available", "not_available"] as const;
export type ConnectionExtraState = (typeof connectionExtraStates)[number];

/**
 * Each extra of a report, fetched once by its sync account's turn (src/reports/fetch-connection-extras.ts).
 * `content` is our own camelCase shape (src/reports/connection-extras-view.ts), null when not
 * available; screenshot images are not stored, only their list: the service fetches one when it
 * is looked at.
 */
export const connectionReportExtras = pgTable(
  "connection_report_extras",
  {
    connectionReportId: uuid("connection_report_id")
      .notNull()
      .references(() => connectionReports.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ConnectionExtraKind>().notNull(),
    state: text("state").$type<ConnectionExtraState>().notNull(),
    content: jsonb("content"),
    fetchedAt: timestamptz("fetched_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.connectionReportId, t.kind] }),
    check("connection_report_extras_kind_check", sql`${t.kind} in (${inList(connectionExtraKinds)})`),
    check("connection_report_extras_state_check", sql`${t.state} in (${inList(connectionExtraStates)})`),
  ],
);

/** Whose token a sync account reads with: the organisation's script token, or one user's grant. */
export const reportSyncSourceKinds = ["organisation", "user"] as const;
export type ReportSyncSourceKind = (typeof reportSyncSourceKinds)[number];

/**
 * `active`: synced on schedule. `needs_reconnect`: TeamViewer refused the token; nothing is tried
 * until it is replaced. `inactive`: the source is gone (token removed, user disconnected, or the
 * organisation now syncs with its script token); kept so its reports keep their account.
 */
export const reportSyncStatuses = ["active", "needs_reconnect", "inactive"] as const;
export type ReportSyncStatus = (typeof reportSyncStatuses)[number];

/** `backfill`: reading history back to the horizon; `polling`: passes back to the high-water minus an overlap. */
export const reportSyncPhases = ["backfill", "polling"] as const;
export type ReportSyncPhase = (typeof reportSyncPhases)[number];

/**
 * One sync source and its cursor (src/reports/sync-account-page.ts). A pass walks newest-first
 * through `offset_id` pages until a record ends before `cursor_window_from`; the cursor columns
 * are written in the same transaction as the page they belong to, so a crash resumes at the
 * last committed page.
 */
export const reportSyncAccounts = pgTable(
  "report_sync_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    sourceKind: text("source_kind").$type<ReportSyncSourceKind>().notNull(),
    /** The user whose grant this account reads with; null for the organisation's script token. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /**
     * The TeamViewer account that grant belongs to: the cursor and backfill are that account's,
     * so a user who reconnects to another TeamViewer account gets a new sync account and its own
     * backfill. Null for the script token, and for user accounts whose TeamViewer account was
     * unknown when migration 0010 ran (they are never revived).
     */
    teamViewerUserId: text("teamviewer_user_id"),
    status: text("status").$type<ReportSyncStatus>().notNull().default("active"),
    statusChangedAt: timestamptz("status_changed_at").notNull(),
    phase: text("phase").$type<ReportSyncPhase>().notNull().default("backfill"),
    /** How far back the backfill goes, fixed when the account is created. */
    backfillHorizon: timestamptz("backfill_horizon").notNull(),
    backfillCompletedAt: timestamptz("backfill_completed_at"),
    /** The pass in progress: its stop point (records ended before it end the pass); null between passes. */
    cursorWindowFrom: timestamptz("cursor_window_from"),
    /** The pass in progress: `offset_id` of its next page; null for its first page. */
    cursorOffsetId: text("cursor_offset_id"),
    /** The newest `end_date` stored so far; polling passes stop an overlap before it. */
    highWaterEndDate: timestamptz("high_water_end_date"),
    /** When the next page or pass is due. */
    nextSyncAt: timestamptz("next_sync_at").notNull(),
    /** When the open sessions' codes are due to be asked for again (freshness). */
    nextCodePollAt: timestamptz("next_code_poll_at").notNull(),
    /** TeamViewer answered 429: nothing is sent for this account before this instant. */
    pausedUntil: timestamptz("paused_until"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastSuccessAt: timestamptz("last_success_at"),
    /** The end of the last complete pass: lag is measured from here. */
    lastPassCompletedAt: timestamptz("last_pass_completed_at"),
    lastErrorAt: timestamptz("last_error_at"),
    lastError: text("last_error"),
    recordsSynced: bigint("records_synced", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("report_sync_accounts_organisation_source_unique")
      .on(t.organisationId)
      .where(sql`${t.sourceKind} = 'organisation'`),
    uniqueIndex("report_sync_accounts_user_account_unique").on(t.userId, t.teamViewerUserId),
    index("report_sync_accounts_due_idx").on(t.status, t.nextSyncAt),
    check(
      "report_sync_accounts_source_kind_check",
      sql`${t.sourceKind} in (${inList(reportSyncSourceKinds)})`,
    ),
    check("report_sync_accounts_status_check", sql`${t.status} in (${inList(reportSyncStatuses)})`),
    check("report_sync_accounts_phase_check", sql`${t.phase} in (${inList(reportSyncPhases)})`),
    check(
      "report_sync_accounts_source_user_check",
      sql`(${t.sourceKind} = 'user') = (${t.userId} is not null)`,
    ),
  ],
);

export const leaseJobs = ["report-sync", "session-watch"] as const;
export type LeaseJob = (typeof leaseJobs)[number];

/**
 * Who works on an account right now, per background job: the report sync leases its
 * `report_sync_accounts` row, the session status watch its `session_watch_accounts` row (the id
 * column keeps its first name, `sync_account_id`). Taken with one conditional INSERT … ON
 * CONFLICT DO UPDATE (only when free or expired), renewed in every page's transaction, deleted
 * on release; a dead holder's lease simply expires. Several service instances therefore never
 * work on one account at the same time. No foreign key, since the id names a row of either
 * table; a lease outliving its account is never asked for again.
 */
export const syncLeases = pgTable(
  "sync_leases",
  {
    syncAccountId: uuid("sync_account_id").notNull(),
    job: text("job").$type<LeaseJob>().notNull().default("report-sync"),
    holder: text("holder").notNull(),
    acquiredAt: timestamptz("acquired_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.job, t.syncAccountId] }),
    check("sync_leases_job_check", sql`${t.job} in (${inList(leaseJobs)})`),
  ],
);

/**
 * The session status watch of one supporter's TeamViewer grant (src/sessions/watch-session-status.ts):
 * every supporter who owns open sessions gets one, so the pace, a 429 pause and the failure
 * backoff are shared by every instance.
 */
export const sessionWatchAccounts = pgTable("session_watch_accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  userId: uuid("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  /** When the sessions list is due to be asked for again. */
  nextWatchAt: timestamptz("next_watch_at").notNull(),
  /** TeamViewer answered 429: nothing is sent for this account before this instant. */
  pausedUntil: timestamptz("paused_until"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  /** When the list was last read in full: the age of every status shown for this supporter. */
  lastWatchedAt: timestamptz("last_watched_at"),
  lastErrorAt: timestamptz("last_error_at"),
  lastError: text("last_error"),
  createdAt: createdAt(),
});

// ---- End-customer join page and e-mail invitations (issue 5, "The end customer") ----

const invitationLocales = ["en", "de", "ja"] as const;
export type InvitationLocale = (typeof invitationLocales)[number];

/**
 * The end customer's join page address for a session, one per session: issuing a new one
 * replaces the old. Only the SHA-256 of the 256-bit token is kept, so the address cannot be
 * read back from the database; it expires with the session.
 */
export const joinLinks = pgTable("join_links", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  sessionId: uuid("session_id")
    .notNull()
    .unique()
    .references(() => supportSessions.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
  expiresAt: timestamptz("expires_at").notNull(),
  /**
   * The language of the invitation e-mail that carried this address; the join page speaks it
   * before the browser's (issue 25). Null for an address given another way.
   */
  locale: text("locale").$type<InvitationLocale>(),
});

/**
 * sending: recorded, its join address valid, the e-mail not yet confirmed (docs/adr/0027-invitation-exactly-once.md);
 * sent: handed to the SMTP server; captured: kept in the demo outbox; failed: not delivered.
 */
export const invitationStatuses = ["sending", "sent", "captured", "failed"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** Every invitation e-mail sent for a session, failed attempts included. */
export const sessionInvitations = pgTable(
  "session_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => supportSessions.id, { onDelete: "cascade" }),
    recipientEmail: text("recipient_email").notNull(),
    recipientName: text("recipient_name"),
    locale: text("locale").notNull(),
    status: text("status").$type<InvitationStatus>().notNull(),
    /** Why delivery failed, as the mail server said it (never a credential). */
    error: text("error"),
    sentByUserId: uuid("sent_by_user_id").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamptz("sent_at").notNull(),
    /** The form's request id: a retry of the same request finds this row instead of sending again. */
    requestId: uuid("request_id"),
    /** The composed e-mail, sealed (it carries the join token); kept only while `sending`. */
    messageSealed: text("message_sealed"),
    /** The join token hash this invitation replaced, put back if delivery fails; only while `sending`. */
    replacedJoinTokenHash: text("replaced_join_token_hash"),
    /** Whoever sends holds this lease; a retry takes over only once it ended (or its process died). */
    leaseExpiresAt: timestamptz("lease_expires_at"),
    /**
     * The join address, sealed, kept after sending only while the helpdesk's public reply
     * (`invitation.sent`) still has to carry it; forgotten once the reply is written.
     */
    helpdeskJoinUrlSealed: text("helpdesk_join_url_sealed"),
  },
  (t) => [
    index("session_invitations_session_idx").on(t.sessionId, t.sentAt),
    uniqueIndex("session_invitations_request_unique").on(t.sessionId, t.requestId),
    check("session_invitations_status_check", sql`${t.status} in (${inList(invitationStatuses)})`),
    check("session_invitations_locale_check", sql`${t.locale} in (${inList(invitationLocales)})`),
  ],
);

/** An organisation's own wording of the invitation in one language; the built-in text otherwise. */
export const invitationTemplates = pgTable(
  "invitation_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invitation_templates_organisation_locale_unique").on(t.organisationId, t.locale),
    check("invitation_templates_locale_check", sql`${t.locale} in (${inList(invitationLocales)})`),
  ],
);

/** Demo mode without SMTP: e-mails are kept here and shown on the Outbox page instead of being sent. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("mail_outbox_organisation_created_idx").on(t.organisationId, t.createdAt)],
);

// ---- Billing rules (issue 6) ----

/**
 * How an organisation turns connection durations into billable minutes: each duration is
 * rounded up to the next multiple of `roundingIncrementMinutes` and never below
 * `minimumBillableMinutes`. One row per organisation; no row means the defaults (1 and 0).
 */
export const billingRules = pgTable(
  "billing_rules",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    roundingIncrementMinutes: integer("rounding_increment_minutes").notNull().default(1),
    minimumBillableMinutes: integer("minimum_billable_minutes").notNull().default(0),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("billing_rules_increment_check", sql`${t.roundingIncrementMinutes} between 1 and 1440`),
    check("billing_rules_minimum_check", sql`${t.minimumBillableMinutes} between 0 and 1440`),
  ],
);

// ---- API key rate limit (issue 7) ----

/**
 * Requests per API key per fixed one-minute window, counted in the database so that every
 * service instance enforces the same limit. Old windows are deleted by the API itself.
 */
export const apiKeyRateWindows = pgTable(
  "api_key_rate_windows",
  {
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    windowStart: timestamptz("window_start").notNull(),
    requestCount: integer("request_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.windowStart] })],
);

// ---- Webhooks (issue 7) ----

export const webhookEventTypes = [
  "session.created",
  "session.customer_online",
  "session.customer_left",
  "session.connected",
  "session.closed",
  "session.expired",
  "connection.reported",
  "connection.updated",
  "teamviewer.connection_lost",
  "invitation.sent",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * A receiver registered by an organisation. Its signing secret is encrypted like every other
 * secret; during rotation the previous secret keeps signing too until it expires, so receivers
 * can switch without dropping a message (Standard Webhooks: several signatures per header).
 */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  /** The event types delivered to this endpoint; an empty list means every type. */
  eventTypes: jsonb("event_types").$type<WebhookEventType[]>().notNull(),
  secretEncrypted: text("secret_encrypted").notNull(),
  previousSecretEncrypted: text("previous_secret_encrypted"),
  previousSecretExpiresAt: timestamptz("previous_secret_expires_at"),
  /** Null while enabled; set when an admin disables it or a receiver answers 410 Gone. */
  disabledAt: timestamptz("disabled_at"),
  disabledReason: text("disabled_reason"),
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The outbox: one row per event, written in the same transaction as the change that caused it.
 * `id` is the Standard Webhooks `webhook-id` (`msg_…`), stable across retries so receivers can
 * deduplicate.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    type: text("type").$type<WebhookEventType>().notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Null until the dispatcher has created a delivery per subscribed endpoint. */
    fannedOutAt: timestamptz("fanned_out_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_events_pending_idx").on(t.createdAt).where(sql`${t.fannedOutAt} is null`),
    index("webhook_events_organisation_created_idx").on(t.organisationId, t.createdAt),
    check("webhook_events_type_check", sql`${t.type} in (${inList(webhookEventTypes)})`),
  ],
);

export const webhookDeliveryStates = ["pending", "succeeded", "failed", "cancelled"] as const;
export type WebhookDeliveryState = (typeof webhookDeliveryStates)[number];

/**
 * One event on its way to one endpoint. Workers claim due rows with a lease (`locked_until`),
 * so several instances never attempt the same delivery at the same time.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    state: text("state").$type<WebhookDeliveryState>().notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull(),
    lockedUntil: timestamptz("locked_until"),
    lockedBy: text("locked_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_unique").on(t.eventId, t.endpointId),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    check("webhook_deliveries_state_check", sql`${t.state} in (${inList(webhookDeliveryStates)})`),
  ],
);

/** Every HTTP attempt of a delivery, kept for the admin's history and for re-sending. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamptz("attempted_at").notNull(),
    /** The receiver's HTTP status; null when no answer came (refused, timeout, blocked). */
    responseStatus: integer("response_status"),
    /** A short, secret-free reason: "timeout after 10 s", "redirect not followed", … */
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    /** The first bytes of the receiver's answer, for debugging. */
    responseExcerpt: text("response_excerpt"),
    instanceId: text("instance_id"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

/** The helpdesks Attendant has a connector for (src/helpdesks/connectors.ts). */
export const helpdeskKinds = ["request-tracker"] as const;
export type HelpdeskKind = (typeof helpdeskKinds)[number];

/**
 * An organisation's helpdesk connection (issue 22): where its helpdesk is and the API token
 * Attendant writes back with, sealed like every secret, and what to write. `lastCheck*` keep the
 * outcome of the last "Test connection", so the health API can answer without calling the
 * helpdesk.
 */
export const helpdeskConnections = pgTable(
  "helpdesk_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .unique()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<HelpdeskKind>().notNull(),
    baseUrl: text("base_url").notNull(),
    tokenEncrypted: text("token_encrypted").notNull(),
    sessionField: text("session_field").notNull(),
    /** The language of the notes written on tickets. */
    noteLocale: text("note_locale").$type<InvitationLocale>().notNull().default("en"),
    /** The session code into `session_field` when a session opens. */
    writesSessionField: boolean("writes_session_field").notNull().default(true),
    /** Internal notes when a session opens, closes or expires. */
    writesSessionNotes: boolean("writes_session_notes").notNull().default(false),
    /** An internal note per connection report, and its billable minutes as worked time. */
    writesConnectionNotes: boolean("writes_connection_notes").notNull().default(true),
    /**
     * A public reply to the requester with the join page's address when an invitation is sent;
     * off by default, as many teams invite from the helpdesk itself.
     */
    writesInvitationReplies: boolean("writes_invitation_replies").notNull().default(false),
    lastCheckedAt: timestamptz("last_checked_at"),
    /** The problems the last check found, `[]` when none; null before the first check. */
    lastCheckProblems: jsonb("last_check_problems").$type<unknown[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("helpdesk_connections_kind_check", sql`${t.kind} in (${inList(helpdeskKinds)})`),
    check("helpdesk_connections_note_locale_check", sql`${t.noteLocale} in (${inList(invitationLocales)})`),
  ],
);

/**
 * An organisation's own wording of one helpdesk write (a note, or the invitation's reply) in one
 * language; the built-in text from the message catalogue otherwise. `event` is the outbox event
 * type the write belongs to (src/helpdesks/templates/helpdesk-templates.ts).
 */
export const helpdeskTemplates = pgTable(
  "helpdesk_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    event: text("event").$type<WebhookEventType>().notNull(),
    locale: text("locale").$type<InvitationLocale>().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("helpdesk_templates_organisation_event_locale_unique").on(
      t.organisationId,
      t.event,
      t.locale,
    ),
    check("helpdesk_templates_locale_check", sql`${t.locale} in (${inList(invitationLocales)})`),
  ],
);

export const helpdeskWriteStates = ["pending", "done", "failed", "stopped"] as const;
export type HelpdeskWriteState = (typeof helpdeskWriteStates)[number];

/**
 * Write-back to the helpdesk: one row per outbox event a helpdesk connection receives (issue
 * 22), made by the same fan-out that makes webhook deliveries, with its own copy of the event so
 * the outbox's retention cannot take it away. Claimed with a lease like a delivery; the rows of
 * one ticket are written in order, oldest first.
 */
export const helpdeskWrites = pgTable(
  "helpdesk_writes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The outbox event (`msg_…`); no foreign key, as events are deleted after 30 days. */
    eventId: text("event_id").notNull().unique(),
    eventType: text("event_type").$type<WebhookEventType>().notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    ticketExternalId: text("ticket_external_id").notNull(),
    state: text("state").$type<HelpdeskWriteState>().notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull(),
    lockedUntil: timestamptz("locked_until"),
    lockedBy: text("locked_by"),
    /** What was written, or why not, in English for the log and the page. */
    outcome: text("outcome"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("helpdesk_writes_due_idx").on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index("helpdesk_writes_ticket_idx").on(t.organisationId, t.ticketExternalId, t.createdAt),
    index("helpdesk_writes_organisation_created_idx").on(t.organisationId, t.createdAt),
    check("helpdesk_writes_state_check", sql`${t.state} in (${inList(helpdeskWriteStates)})`),
  ],
);

/**
 * What write-back last put on a ticket for a connection report, so a later change writes only
 * the difference: a corrected worked time, never a second full one.
 */
export const helpdeskReportWrites = pgTable(
  "helpdesk_report_writes",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    connectionReportId: uuid("connection_report_id").notNull(),
    ticketExternalId: text("ticket_external_id").notNull(),
    billableMinutes: integer("billable_minutes").notNull(),
    billingState: text("billing_state").notNull(),
    notes: text("notes").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.connectionReportId] })],
);

// ---- Embedding: the ticket widget inside a helpdesk (issue 23) ----

/**
 * How a host proves who the agent is: `hmac` signs with the integration's own secret
 * (docs/adr/0038-embedding-trust.md); `zendesk` and `forge` send the platform's own signed JWT,
 * checked against keys the admin configured (docs/adr/0041-zendesk-and-forge-trust.md).
 */
export const embeddingIntegrationKinds = ["hmac", "zendesk", "forge"] as const;
export type EmbeddingIntegrationKind = (typeof embeddingIntegrationKinds)[number];

/**
 * A helpdesk allowed to show the ticket widget: the exact origins that may frame the widget, and
 * either its secret (kind `hmac`, sealed like every other) or the platform's public keys and agents
 * map (the other kinds; nothing in it is secret).
 */
export const embeddingIntegrations = pgTable(
  "embedding_integrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").$type<EmbeddingIntegrationKind>().notNull(),
    secretEncrypted: text("secret_encrypted"),
    /** Kinds other than `hmac`: src/embedding/platform/platform-trust-input.ts checks and shapes it. */
    platformConfig: jsonb("platform_config").$type<Record<string, unknown>>(),
    /** Exact origins (`https://helpdesk.example.com`), the only ones allowed to frame the widget. */
    allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull(),
    /** Null while enabled; a disabled integration opens nothing and ends its embed sessions. */
    disabledAt: timestamptz("disabled_at"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("embedding_integrations_organisation_idx").on(t.organisationId, t.createdAt),
    check("embedding_integrations_kind_check", sql`${t.kind} in (${inList(embeddingIntegrationKinds)})`),
    check(
      "embedding_integrations_trust_check",
      sql`(${t.kind} = 'hmac') = (${t.secretEncrypted} is not null and ${t.platformConfig} is null)`,
    ),
  ],
);

/**
 * One-time ids of assertions already used. The primary key makes "first use wins" a single
 * insert-or-conflict, safe across instances; rows outlive the assertion only until it expires.
 */
export const embedAssertionNonces = pgTable(
  "embed_assertion_nonces",
  {
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => embeddingIntegrations.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.integrationId, t.nonce] }),
    index("embed_assertion_nonces_expires_idx").on(t.expiresAt),
  ],
);

/**
 * A widget opened from a verified assertion: bound to one user, one integration and one ticket.
 * Only the SHA-256 of the token is stored; deleting the user or the integration ends it.
 */
export const embedSessions = pgTable(
  "embed_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => embeddingIntegrations.id, { onDelete: "cascade" }),
    ticket: jsonb("ticket")
      .$type<{
        externalId: string;
        title: string;
        url?: string | undefined;
        requesterName?: string | undefined;
        requesterEmail?: string | undefined;
      }>()
      .notNull(),
    theme: text("theme").$type<"light" | "dark">(),
    locale: text("locale"),
    /** Per-session secret for the CSRF tokens of the widget's forms. */
    csrfSecret: text("csrf_secret").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [
    index("embed_sessions_user_idx").on(t.userId),
    index("embed_sessions_integration_idx").on(t.integrationId),
    index("embed_sessions_expires_idx").on(t.expiresAt),
  ],
);

/** How the supporter is named to customers: "Kenji Sato", "Kenji", or only "your technician". */
export const supporterNameModes = ["full", "first", "none"] as const;
export type SupporterNameMode = (typeof supporterNameModes)[number];

/**
 * What end customers see of an organisation (issue 25, "Brand per organisation"); one row per
 * organisation once an admin saved it, none means the defaults (the organisation's name, no logo).
 * The logo is kept as base64 text rather than bytea: it is at most 256 KB, read only when its
 * hash changes (browsers cache it), and text reads the same on PGlite and PostgreSQL.
 */
export const organisationBrands = pgTable(
  "organisation_brands",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    displayName: text("display_name"),
    accentColour: text("accent_colour"),
    supportPhone: text("support_phone"),
    supportEmail: text("support_email"),
    supportUrl: text("support_url"),
    legalUrl: text("legal_url"),
    supporterNameMode: text("supporter_name_mode").$type<SupporterNameMode>().notNull().default("full"),
    defaultLocale: text("default_locale").$type<InvitationLocale>().notNull().default("en"),
    logoBase64: text("logo_base64"),
    logoContentType: text("logo_content_type"),
    /** The first 16 hex digits of the logo's SHA-256: part of its URL, so a new logo is a new URL. */
    logoHash: text("logo_hash"),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "organisation_brands_supporter_name_mode_check",
      sql`${t.supporterNameMode} in (${inList(supporterNameModes)})`,
    ),
    check(
      "organisation_brands_default_locale_check",
      sql`${t.defaultLocale} in (${inList(invitationLocales)})`,
    ),
    check(
      "organisation_brands_logo_content_type_check",
      sql`${t.logoContentType} is null or ${t.logoContentType} in ('image/png', 'image/jpeg', 'image/webp')`,
    ),
  ],
);
