/**
 * Support sessions with their ticket. The supporter links are encrypted here and only here,
 * bound to the row, and read back only through `readSupporterLinks`, so a list or a log line can
 * never carry them by accident.
 */
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { SecretBox } from "../../vault/secret-box.js";
import type { Db } from "../open-database.js";
import {
  bindRow,
  encodeValue,
  preparedStatement,
  rowPlaceholders,
  valuePlaceholder,
} from "../prepared-query.js";
import {
  auditLog,
  organisations,
  type SupportSessionState,
  supportSessions,
  tickets,
  webhookEvents,
} from "../schema.js";
import type { NewAuditLogRow } from "./audit-log.js";
import { bindingFor, secretColumns } from "./stored-secrets.js";
import { type TicketValues, ticketUpsert } from "./tickets.js";
import { eventHasSubscriber, type WebhookEventValues } from "./webhooks.js";

const supporterLinkColumn = secretColumns.supporterLink;
const webClientLinkColumn = secretColumns.webClientSupporterLink;

const {
  supporterLinkEncrypted: _supporterLink,
  webClientSupporterLinkEncrypted: _webClientLink,
  ...publicColumns
} = getTableColumns(supportSessions);

const selection = {
  ...publicColumns,
  ticket: {
    id: tickets.id,
    externalId: tickets.externalId,
    title: tickets.title,
    url: tickets.url,
    status: tickets.status,
  },
};

export type SupportSessionRecord = Omit<
  typeof supportSessions.$inferSelect,
  "supporterLinkEncrypted" | "webClientSupporterLinkEncrypted"
> & {
  ticket: { id: string; externalId: string; title: string; url: string | null; status: "open" | "closed" };
};

export interface SupporterLinks {
  supporterLink: string | null;
  webClientSupporterLink: string | null;
}

/** A session as it is first stored: every column but the ticket, links in clear text. */
export type NewSupportSession = Omit<
  typeof supportSessions.$inferSelect,
  "supporterLinkEncrypted" | "webClientSupporterLinkEncrypted" | "ticketId"
> &
  SupporterLinks;

export interface NewSupportSessionRows {
  session: NewSupportSession;
  /** Inserted, or refreshed and reopened when the organisation has it already. */
  ticket: TicketValues;
  auditEntry: NewAuditLogRow;
  /** The `session.created` outbox row: written when an enabled endpoint of the organisation wants it. */
  webhookEvent: WebhookEventValues;
  now: Date;
}

/**
 * Stores a session TeamViewer has just created with what must exist exactly when it does: its
 * ticket, its audit entry and its webhook event. One statement of data-modifying CTEs, so it is
 * atomic without a transaction and prepared once: a create is on a supporter's critical path, and
 * the same rows as four statements in a transaction cost ~3 ms more (docs/performance.md).
 */
export async function insertSupportSession(
  db: Db,
  vault: SecretBox,
  rows: NewSupportSessionRows,
): Promise<SupportSessionRecord> {
  const { session, ticket, auditEntry, webhookEvent, now } = rows;
  const { supporterLink, webClientSupporterLink, ...columns } = session;
  const seal = (link: string | null, column: typeof supporterLinkColumn) =>
    link === null ? null : vault.encrypt(link, bindingFor(column, session.id));
  const [row] = await insertSessionWithTicket(db).execute({
    ...bindRow("session", {
      ...columns,
      supporterLinkEncrypted: seal(supporterLink, supporterLinkColumn),
      webClientSupporterLinkEncrypted: seal(webClientSupporterLink, webClientLinkColumn),
    }),
    ...bindRow("ticket", ticket),
    ...bindRow("audit", auditEntry),
    ...bindRow("event", webhookEvent),
    eventTypes: JSON.stringify([webhookEvent.type]),
    now: encodeValue(now),
  });
  if (row === undefined) throw new Error("insert into support_sessions returned no row");
  const { externalId, title, url } = ticket;
  return { ...row, ticket: { id: row.ticketId, externalId, title, url, status: "open" } };
}

const sessionColumns = Object.keys(getTableColumns(supportSessions)).filter(
  (key): key is Exclude<keyof typeof supportSessions.$inferSelect, "ticketId"> => key !== "ticketId",
);
const ticketColumns = [
  "organisationId",
  "externalId",
  "title",
  "url",
  "requesterName",
  "requesterEmail",
] as const satisfies readonly (keyof TicketValues)[];
const auditColumns = Object.keys(getTableColumns(auditLog)).filter(
  (key): key is keyof NewAuditLogRow => key !== "id",
);

const insertSessionWithTicket = preparedStatement("insert_support_session", (db, name) => {
  const ticket = ticketUpsert(db, rowPlaceholders("ticket", ticketColumns), valuePlaceholder("now"));
  const upsertedTicket = db.$with("upserted_ticket").as(ticket.returning({ id: tickets.id }));
  const auditEntry = db
    .$with("audit_entry")
    .as(db.insert(auditLog).values(rowPlaceholders("audit", auditColumns)).returning({ id: auditLog.id }));
  // One row when an endpoint or the helpdesk's write-back subscribes, none otherwise: asked in
  // the same statement, so a subscriber is either there for the session or created after it.
  const event = rowPlaceholders("event", ["id", "organisationId", "type", "data", "createdAt"] as const);
  const webhookEvent = db.$with("webhook_event").as(
    db
      .insert(webhookEvents)
      .select(
        db
          .select({
            id: sql<string>`${event.id}::text`.as("id"),
            organisationId: sql<string>`${event.organisationId}::uuid`.as("organisation_id"),
            type: sql<string>`${event.type}::text`.as("type"),
            payload: sql<unknown>`${event.data}::jsonb`.as("payload"),
            // drizzle's insert-select names every column, in the table's order.
            fannedOutAt: sql<Date | null>`null::timestamptz`.as("fanned_out_at"),
            createdAt: sql<Date>`${event.createdAt}::timestamptz`.as("created_at"),
          })
          .from(organisations)
          .where(
            and(
              eq(organisations.id, sql`${event.organisationId}::uuid`),
              eventHasSubscriber(event.organisationId, sql.placeholder("eventTypes")),
            ),
          ),
      )
      .returning({ id: webhookEvents.id }),
  );
  // A data-modifying CTE runs whether or not the statement reads it.
  return db
    .with(upsertedTicket, auditEntry, webhookEvent)
    .insert(supportSessions)
    .values({
      ...rowPlaceholders("session", sessionColumns),
      ticketId: sql`(select ${upsertedTicket.id} from ${upsertedTicket})`,
    })
    .returning(publicColumns)
    .prepare(name);
});

function selectSessions(db: Db) {
  return db
    .select(selection)
    .from(supportSessions)
    .innerJoin(tickets, eq(tickets.id, supportSessions.ticketId));
}

export async function findSupportSession(
  db: Db,
  organisationId: string,
  id: string,
): Promise<SupportSessionRecord | undefined> {
  const [row] = await selectSessions(db).where(
    and(eq(supportSessions.organisationId, organisationId), eq(supportSessions.id, id)),
  );
  return row;
}

/** The session a create stored under `correlationId` (its `custom_api` at TeamViewer), if any. */
export async function findSupportSessionByCorrelation(
  db: Db,
  organisationId: string,
  correlationId: string,
): Promise<SupportSessionRecord | undefined> {
  const [row] = await selectSessions(db).where(
    and(eq(supportSessions.organisationId, organisationId), eq(supportSessions.correlationId, correlationId)),
  );
  return row;
}

/** Which of these TeamViewer session codes are stored (in any organisation). */
export async function findStoredSessionCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: supportSessions.code })
    .from(supportSessions)
    .where(inArray(supportSessions.code, codes));
  return new Set(rows.map((row) => row.code));
}

export async function readSupporterLinks(db: Db, vault: SecretBox, id: string): Promise<SupporterLinks> {
  const [row] = await db
    .select({
      supporterLink: supportSessions.supporterLinkEncrypted,
      webClientSupporterLink: supportSessions.webClientSupporterLinkEncrypted,
    })
    .from(supportSessions)
    .where(eq(supportSessions.id, id));
  const open = (sealed: string | null | undefined, column: typeof supporterLinkColumn) =>
    sealed === null || sealed === undefined ? null : vault.decrypt(sealed, bindingFor(column, id));
  return {
    supporterLink: open(row?.supporterLink, supporterLinkColumn),
    webClientSupporterLink: open(row?.webClientSupporterLink, webClientLinkColumn),
  };
}

/** `open` excludes expired sessions; `expired` is open at TeamViewer but past `valid_until`. */
export type SessionStateFilter = SupportSessionState | "expired";

/** Keyset position: the last row of the previous page (newest first). */
export interface SessionCursor {
  createdAt: Date;
  id: string;
}

export interface SupportSessionQuery {
  organisationId: string;
  assignedUserId?: string;
  ticketId?: string;
  state?: SessionStateFilter;
  /** Created at or after. */
  from?: Date;
  /** Created at or before. */
  to?: Date;
  after?: SessionCursor;
  limit: number;
  now: Date;
}

export function listSupportSessionRecords(
  db: Db,
  query: SupportSessionQuery,
): Promise<SupportSessionRecord[]> {
  const shape: SessionListShape = {
    byAssignee: query.assignedUserId !== undefined,
    byTicket: query.ticketId !== undefined,
    state: query.state ?? "any",
    byFrom: query.from !== undefined,
    byTo: query.to !== undefined,
    byCursor: query.after !== undefined,
  };
  return sessionListStatement(shape)(db).execute({
    organisationId: query.organisationId,
    assignedUserId: query.assignedUserId,
    ticketId: query.ticketId,
    now: encodeValue(query.now),
    from: encodeValue(query.from),
    to: encodeValue(query.to),
    afterCreatedAt: encodeValue(query.after?.createdAt),
    afterId: query.after?.id,
    limit: query.limit,
  });
}

/** Which filters a list applies; each combination is one prepared statement. */
interface SessionListShape {
  byAssignee: boolean;
  byTicket: boolean;
  state: SessionStateFilter | "any";
  byFrom: boolean;
  byTo: boolean;
  byCursor: boolean;
}

/**
 * Every API list request, widget and session page reads a list: rendering the query builder
 * each time cost more CPU than the query (docs/performance.md, "Session lists under load"), so
 * each combination of filters (at most 2⁵ × 4) is rendered once, with placeholders for its values.
 */
const sessionListStatements = new Map<string, ReturnType<typeof prepareSessionList>>();

function sessionListStatement(shape: SessionListShape) {
  const key = [
    shape.byAssignee ? "assignee" : "",
    shape.byTicket ? "ticket" : "",
    shape.state,
    shape.byFrom ? "from" : "",
    shape.byTo ? "to" : "",
    shape.byCursor ? "cursor" : "",
  ].join("_");
  let statement = sessionListStatements.get(key);
  if (statement === undefined) {
    statement = prepareSessionList(`list_support_sessions_${key}`, shape);
    sessionListStatements.set(key, statement);
  }
  return statement;
}

function prepareSessionList(name: string, shape: SessionListShape) {
  return preparedStatement(name, (db, statementName) => {
    const timestamp = (placeholder: string) => sql`${valuePlaceholder(placeholder)}::timestamptz`;
    const conditions: (SQL | undefined)[] = [
      eq(supportSessions.organisationId, sql.placeholder("organisationId")),
    ];
    if (shape.byAssignee)
      conditions.push(eq(supportSessions.assignedUserId, sql.placeholder("assignedUserId")));
    if (shape.byTicket) conditions.push(eq(supportSessions.ticketId, sql.placeholder("ticketId")));
    if (shape.state === "closed") conditions.push(eq(supportSessions.state, "closed"));
    if (shape.state === "open") {
      conditions.push(eq(supportSessions.state, "open"), gt(supportSessions.validUntil, timestamp("now")));
    }
    if (shape.state === "expired") {
      conditions.push(eq(supportSessions.state, "open"), lte(supportSessions.validUntil, timestamp("now")));
    }
    if (shape.byFrom) conditions.push(gte(supportSessions.createdAt, timestamp("from")));
    if (shape.byTo) conditions.push(lte(supportSessions.createdAt, timestamp("to")));
    if (shape.byCursor) {
      conditions.push(
        or(
          lt(supportSessions.createdAt, timestamp("afterCreatedAt")),
          and(
            eq(supportSessions.createdAt, timestamp("afterCreatedAt")),
            lt(supportSessions.id, sql.placeholder("afterId")),
          ),
        ),
      );
    }
    return selectSessions(db)
      .where(and(...conditions))
      .orderBy(desc(supportSessions.createdAt), desc(supportSessions.id))
      .limit(sql.placeholder("limit"))
      .prepare(statementName);
  });
}

export type SupportSessionChanges = Partial<
  Pick<
    typeof supportSessions.$inferSelect,
    | "state"
    | "isOnline"
    | "closedAt"
    | "lastRefreshedAt"
    | "assignedUserId"
    | "description"
    | "waitingMessage"
    | "validUntil"
  >
>;

/**
 * Applies `changes` if the row is still at `expectedVersion` and bumps the version; returns
 * false when someone changed the session in between (optimistic concurrency). A change of
 * `isOnline` keeps `customerWaitingSince`: set at the first sighting, cleared when they leave.
 */
export async function updateSupportSessionRecord(
  db: Db,
  values: { id: string; expectedVersion: number; changes: SupportSessionChanges; now: Date },
): Promise<boolean> {
  const { isOnline } = values.changes;
  const waitingSince =
    isOnline === undefined
      ? {}
      : {
          customerWaitingSince: isOnline
            ? sql`coalesce(${supportSessions.customerWaitingSince}, ${values.now.toISOString()}::timestamptz)`
            : null,
        };
  const updated = await db
    .update(supportSessions)
    .set({
      ...values.changes,
      ...waitingSince,
      updatedAt: values.now,
      version: sql`${supportSessions.version} + 1`,
    })
    .where(and(eq(supportSessions.id, values.id), eq(supportSessions.version, values.expectedVersion)))
    .returning({ id: supportSessions.id });
  return updated.length === 1;
}

/** The last session of a page of the expiry sweep; the next page starts after it. */
export interface ExpiredSessionCursor {
  validUntil: Date;
  id: string;
}

/**
 * Open sessions whose validity ended within [from, to), oldest first, after `after` when given,
 * across organisations: the webhook dispatcher's expiry sweep (TeamViewer reports no expiry, so
 * it is noticed here). With `onlyWhereClosedAtTeamViewer`, only those of enabled organisations
 * that close them at TeamViewer (src/sessions/close-expired-sessions.ts).
 */
export async function listSessionsExpiredBetween(
  db: Db,
  values: {
    from: Date;
    to: Date;
    after?: ExpiredSessionCursor | undefined;
    limit: number;
    onlyWhereClosedAtTeamViewer?: boolean;
  },
): Promise<SupportSessionRecord[]> {
  const { after } = values;
  return selectSessions(db)
    .where(
      and(
        eq(supportSessions.state, "open"),
        values.onlyWhereClosedAtTeamViewer === true
          ? sql`exists (select 1 from ${organisations} where ${organisations.id} = ${supportSessions.organisationId} and ${organisations.closesExpiredSessions} and ${organisations.disabledAt} is null)`
          : undefined,
        gte(supportSessions.validUntil, values.from),
        lt(supportSessions.validUntil, values.to),
        after === undefined
          ? undefined
          : or(
              gt(supportSessions.validUntil, after.validUntil),
              and(eq(supportSessions.validUntil, after.validUntil), gt(supportSessions.id, after.id)),
            ),
      ),
    )
    .orderBy(asc(supportSessions.validUntil), asc(supportSessions.id))
    .limit(values.limit);
}

/** listSessionsExpiredBetween page after page, each starting after the last one's final session. */
export async function* pagesOfSessionsExpiredBetween(
  db: Db,
  values: { from: Date; to: Date; limit: number; onlyWhereClosedAtTeamViewer?: boolean },
): AsyncGenerator<SupportSessionRecord[]> {
  let after: ExpiredSessionCursor | undefined;
  for (;;) {
    const page = await listSessionsExpiredBetween(db, { ...values, after });
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (last === undefined || page.length < values.limit) return;
    after = { validUntil: last.validUntil, id: last.id };
  }
}

/**
 * Who owns a session at TeamViewer: its creator, whose account always sees it there, or the
 * assignee when the creator's user was deleted (src/sessions/load-session.ts, createOwnerClient).
 */
export const sessionOwnerId = sql<string>`coalesce(${supportSessions.createdByUserId}, ${supportSessions.assignedUserId})`;

/** Open sessions of `ownerId` still valid at `now`: what the status watch keeps up to date. */
export function listWatchedSessions(
  db: Db,
  values: { ownerId: string; now: Date },
): Promise<SupportSessionRecord[]> {
  return selectSessions(db)
    .where(
      and(
        eq(supportSessions.state, "open"),
        gt(supportSessions.validUntil, values.now),
        sql`${sessionOwnerId} = ${values.ownerId}`,
      ),
    )
    .orderBy(asc(supportSessions.createdAt), asc(supportSessions.id));
}
