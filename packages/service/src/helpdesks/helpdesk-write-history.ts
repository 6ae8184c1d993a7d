/**
 * Every write to the helpdesk with its outcome, and re-sending one (issue 22). Admins and
 * auditors read the history; only admins re-send. A re-send starts the retry schedule over; it
 * never writes a note twice, because the writer looks for the note's marker first
 * (helpdesk-writer.ts).
 */
import {
  countHelpdeskWrites,
  findHelpdeskWrite,
  type HelpdeskWriteRecord,
  listHelpdeskWrites,
  requeueHelpdeskWrite,
} from "../db/repositories/helpdesk-writes.js";
import type { HelpdeskWriteState } from "../db/schema.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import type { HelpdeskDeps } from "./helpdesk-connection-settings.js";

export { type HelpdeskEventType, helpdeskEventTypes } from "../db/repositories/helpdesk-writes.js";

export type HelpdeskWriteView = Omit<HelpdeskWriteRecord, "organisationId" | "payload">;

export class HelpdeskWriteError extends Error {
  constructor(readonly reason: "forbidden" | "not-found") {
    super(
      reason === "forbidden"
        ? "Only admins and auditors see helpdesk writes; only admins re-send them."
        : "No such helpdesk write.",
    );
    this.name = "HelpdeskWriteError";
  }
}

export interface HelpdeskWritePage {
  writes: HelpdeskWriteView[];
  counts: Record<HelpdeskWriteState, number>;
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore?: Date;
}

export async function listHelpdeskWriteHistory(
  deps: HelpdeskDeps,
  options: { actor: SessionActor; limit?: number; before?: Date | undefined },
): Promise<HelpdeskWritePage> {
  const { actor } = options;
  if (actor.role !== "admin" && actor.role !== "auditor") throw new HelpdeskWriteError("forbidden");
  const limit = options.limit ?? 50;
  const [rows, counts] = await Promise.all([
    listHelpdeskWrites(deps.database.db, {
      organisationId: actor.organisationId,
      limit: limit + 1,
      before: options.before,
    }),
    countHelpdeskWrites(deps.database.db, actor.organisationId),
  ]);
  const writes = rows.slice(0, limit).map(viewOf);
  const last = writes.at(-1);
  return {
    writes,
    counts,
    ...(rows.length > limit && last !== undefined ? { nextBefore: last.createdAt } : {}),
  };
}

export async function resendHelpdeskWrite(
  deps: HelpdeskDeps,
  options: { actor: SessionActor; writeId: string },
): Promise<HelpdeskWriteView> {
  const { actor } = options;
  if (actor.role !== "admin") throw new HelpdeskWriteError("forbidden");
  const existing = await findHelpdeskWrite(deps.database.db, actor.organisationId, options.writeId);
  if (existing === undefined) throw new HelpdeskWriteError("not-found");
  const requeued = await requeueHelpdeskWrite(deps.database.db, {
    organisationId: actor.organisationId,
    writeId: options.writeId,
    now: deps.clock.now(),
  });
  if (requeued === undefined) throw new HelpdeskWriteError("not-found");
  await auditSessionAction(deps, actor, {
    action: "helpdesk_write.resent",
    target: { type: "helpdesk_write", id: options.writeId },
    details: { event: existing.eventType, ticket: existing.ticketExternalId, previousState: existing.state },
  });
  return viewOf(requeued);
}

function viewOf(record: HelpdeskWriteRecord): HelpdeskWriteView {
  const { organisationId: _organisationId, payload: _payload, ...view } = record;
  return view;
}
