/**
 * Session lists (issue 5, "Lists"): mine, my organisation's, or one ticket's; filtered by state
 * and creation date; newest first with an opaque keyset cursor, so pages stay stable while new
 * sessions arrive.
 */

import {
  listSupportSessionRecords,
  type SessionCursor,
  type SessionStateFilter,
} from "../db/repositories/support-sessions.js";
import { findVisibleTicket } from "../tickets/find-visible-ticket.js";
import type { SessionActor } from "./session-actor.js";
import type { SessionDeps } from "./session-deps.js";
import { SupportSessionError } from "./support-session-error.js";
import { type SupportSession, toSupportSession } from "./support-session-view.js";

export const maxPageSize = 200;
export const defaultPageSize = 50;

export type SessionListScope =
  | { kind: "mine" }
  | { kind: "organisation" }
  | { kind: "ticket"; externalId: string };

export interface ListSupportSessionsOptions {
  actor: SessionActor;
  scope: SessionListScope;
  /** `open` leaves out expired sessions; `expired` is open but past its validity. */
  state?: SessionStateFilter;
  /** Created at or after. */
  from?: Date;
  /** Created at or before. */
  to?: Date;
  paging?: { limit?: number; cursor?: string };
}

export interface SupportSessionPage {
  sessions: SupportSession[];
  /** Pass as `paging.cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Supporters list only the sessions assigned to them (the organisation scope is refused; in a
 * ticket they see their own, and a ticket with nothing of theirs is not found); admins and
 * auditors see the organisation's.
 * @throws SupportSessionError forbidden, ticket-not-found; RangeError for a malformed cursor
 */
export async function listSupportSessions(
  deps: SessionDeps,
  options: ListSupportSessionsOptions,
): Promise<SupportSessionPage> {
  const { actor, scope } = options;
  const seesOrganisation = actor.role === "admin" || actor.role === "auditor";
  if (scope.kind === "organisation" && !seesOrganisation) throw new SupportSessionError("forbidden");
  if (scope.kind === "mine" && actor.userId === null) throw new SupportSessionError("forbidden");
  const onlyAssignedTo = scope.kind === "mine" || !seesOrganisation ? actor.userId : undefined;

  let ticketId: string | undefined;
  if (scope.kind === "ticket") {
    const ticket = await findVisibleTicket(deps, actor, scope.externalId);
    if (ticket === undefined) throw new SupportSessionError("ticket-not-found");
    ticketId = ticket.id;
  }

  const limit = Math.min(Math.max(options.paging?.limit ?? defaultPageSize, 1), maxPageSize);
  const cursor = options.paging?.cursor;
  const now = deps.clock.now();
  // One extra row tells whether another page exists.
  const records = await listSupportSessionRecords(deps.database.db, {
    organisationId: actor.organisationId,
    ...(onlyAssignedTo === undefined || onlyAssignedTo === null ? {} : { assignedUserId: onlyAssignedTo }),
    ...(ticketId === undefined ? {} : { ticketId }),
    ...(options.state === undefined ? {} : { state: options.state }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(cursor === undefined ? {} : { after: decodeCursor(cursor) }),
    limit: limit + 1,
    now,
  });
  const page = records.slice(0, limit);
  const last = page.at(-1);
  const sessions = page.map((record) => toSupportSession(record, now));
  return records.length > limit && last !== undefined
    ? { sessions, nextCursor: encodeCursor({ createdAt: last.createdAt, id: last.id }) }
    : { sessions };
}

function encodeCursor(cursor: SessionCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

const cursorPattern = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/;

/** Whether `cursor` is a `nextCursor` this module made; check input with it before listing. */
export function isSessionCursor(cursor: string): boolean {
  return cursorPattern.test(Buffer.from(cursor, "base64url").toString("utf8"));
}

function decodeCursor(cursor: string): SessionCursor {
  const match = cursorPattern.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (match?.[1] === undefined || match[2] === undefined) throw new RangeError("malformed cursor");
  return { createdAt: new Date(match[1]), id: match[2] };
}
