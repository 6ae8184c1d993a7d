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
  pgTable,
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
    isDisabled: boolean("is_disabled").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Case-insensitive: "Ann@Example.com" and "ann@example.com" are one person.
    uniqueIndex("users_organisation_email_unique").on(t.organisationId, sql`lower(${t.email})`),
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
