/**
 * What one outbox event writes onto its ticket, decided without touching the helpdesk: pure, so
 * every rule is tested on its own. The writer (helpdesk-writer.ts) carries the plan out. The
 * wording is the organisation's template for the event, or the built-in one
 * (templates/helpdesk-template.ts).
 *
 * - `session.created`: the session code into the ticket field, and a note when session notes are on.
 * - `session.closed` / `session.expired`: a note when session notes are on.
 * - `connection.reported`: a note with the connection's facts, its billable minutes as worked time.
 * - `connection.updated`: a follow-up note with what changed, the worked time corrected by the
 *   difference (never a second full amount); a report never written before gets the full note.
 *   A report attached to another ticket (src/reports/unmatched-reports.ts) is taken off the old
 *   one by a note that negates the worked time written there, then written in full on the new one.
 * - `invitation.sent`: a public reply to the requester, in the invitation's language, carrying
 *   the join page's address and nothing else a customer could use: no session code, no
 *   supporter link. An address that is gone or replaced is never sent.
 */
import type { HelpdeskEventType, HelpdeskReportWrite } from "../../db/repositories/helpdesk-writes.js";
import type { Translator } from "../../i18n/index.js";
import { type BillingRules, computeBillableMinutes } from "../../reports/billable-minutes.js";
import type { HelpdeskNote, HelpdeskReply } from "../helpdesk-connector.js";
import { fillHelpdeskTemplate, type HelpdeskTemplate } from "../templates/helpdesk-template.js";

export interface WriteBackSwitches {
  writesSessionField: boolean;
  writesSessionNotes: boolean;
  writesConnectionNotes: boolean;
  writesInvitationReplies: boolean;
}

/**
 * The join address of an invitation's reply: kept (sealed on the invitation until the reply is
 * written), or not available any more: not kept (the reply was written before, or the invitation
 * is gone) or replaced (a later invitation or copy made another, so this one no longer works).
 */
export type InvitationJoinAddress = { url: string } | { unavailable: "not-kept" | "replaced" };

export type WriteStep =
  | { kind: "field"; field: string; value: string }
  | {
      kind: "note";
      note: HelpdeskNote;
      /** Another ticket than the write's: the old ticket of a report that moved. */
      ticketExternalId?: string;
    }
  | { kind: "reply"; reply: HelpdeskReply }
  /** A reply that cannot be written: found from an earlier attempt, or the write stops with `reason`. */
  | { kind: "reply-unavailable"; marker: string; reason: string };

export interface WritePlan {
  steps: WriteStep[];
  /** What a connection report's write leaves on the ticket, to be remembered once it is written. */
  reportWrite?: HelpdeskReportWrite;
}

export interface WriteContext {
  write: {
    id: string;
    organisationId: string;
    eventType: HelpdeskEventType;
    payload: Record<string, unknown>;
    ticketExternalId: string;
  };
  switches: WriteBackSwitches;
  sessionField: string;
  /** The wording of each event (the organisation's own or the built-in one), in `t`'s language. */
  templates: Readonly<Record<HelpdeskEventType, HelpdeskTemplate>>;
  /** In the connection's note language, or the invitation's for its reply. */
  t: Translator;
  /** The supporter's name for session notes. */
  supporterName: string;
  billingRules: BillingRules;
  /** What was written for this report before, if anything. */
  previous: HelpdeskReportWrite | undefined;
  /** For `invitation.sent` with replies on. */
  joinAddress?: InvitationJoinAddress | undefined;
}

/** Kept with the note; unique to the write, so a retry can find what it wrote. */
export function markerFor(writeId: string): string {
  return writeId;
}

export function planHelpdeskWrite(context: WriteContext): WritePlan {
  switch (context.write.eventType) {
    case "session.created":
      return planSessionOpened(context);
    case "session.closed":
    case "session.expired":
      return sessionNote(context);
    case "connection.reported":
    case "connection.updated":
      return planConnection(context);
    case "invitation.sent":
      return planInvitationReply(context);
  }
}

const unavailableReasons = {
  "not-kept":
    "the invitation's join address is no longer kept, so no reply can carry it. Send a new invitation.",
  replaced:
    "a later invitation or copied address replaced this join address, which no longer works; the customer is not sent it.",
} as const;

function planInvitationReply(context: WriteContext): WritePlan {
  const { joinAddress } = context;
  if (!context.switches.writesInvitationReplies || joinAddress === undefined) return { steps: [] };
  const marker = markerFor(context.write.id);
  if ("unavailable" in joinAddress) {
    return {
      steps: [{ kind: "reply-unavailable", marker, reason: unavailableReasons[joinAddress.unavailable] }],
    };
  }
  const values = { joinUrl: joinAddress.url };
  return { steps: [{ kind: "reply", reply: { marker, ...filled(context, "invitation.sent", values) } }] };
}

/** The subject and text of `event`'s template with `values` filled in. */
function filled(
  context: WriteContext,
  event: HelpdeskEventType,
  values: Record<string, string>,
): { subject: string; text: string } {
  const template = context.templates[event];
  return {
    subject: fillHelpdeskTemplate(template.subject, values),
    text: fillHelpdeskTemplate(template.body, values),
  };
}

interface SessionPayload {
  code: string;
  validUntil: string;
}

function planSessionOpened(context: WriteContext): WritePlan {
  const session = context.write.payload as unknown as SessionPayload;
  const field: WriteStep[] = context.switches.writesSessionField
    ? [{ kind: "field", field: context.sessionField, value: session.code }]
    : [];
  return { steps: [...field, ...sessionNote(context).steps] };
}

function sessionNote(context: WriteContext): WritePlan {
  if (!context.switches.writesSessionNotes) return { steps: [] };
  const session = context.write.payload as unknown as SessionPayload;
  const values = {
    code: session.code,
    supporter: context.supporterName,
    validUntil: utc(session.validUntil),
  };
  const note = { marker: markerFor(context.write.id), ...filled(context, context.write.eventType, values) };
  return { steps: [{ kind: "note", note }] };
}

interface ConnectionPayload {
  id: string;
  sessionCode: string | null;
  supporter: { name: string | null };
  device: { id: string | null; name: string | null };
  startDate: string | null;
  endDate: string | null;
  durationSeconds: number | null;
  /** Null when TeamViewer's report said none. */
  billingState: string | null;
  notes: string | null;
  feedback: { rating: number | null; comment: string | null };
}

function planConnection(context: WriteContext): WritePlan {
  if (!context.switches.writesConnectionNotes) return { steps: [] };
  const report = context.write.payload as unknown as ConnectionPayload;
  const { t } = context.t;
  const minutes = computeBillableMinutes(report.durationSeconds, context.billingRules) ?? 0;
  const reportWrite: HelpdeskReportWrite = {
    organisationId: context.write.organisationId,
    connectionReportId: report.id,
    ticketExternalId: context.write.ticketExternalId,
    billableMinutes: minutes,
    // Stored as text like the notes: "" is none, so a report without one can be recorded.
    billingState: report.billingState ?? "",
    notes: report.notes ?? "",
  };
  const code = report.sessionCode ?? t("helpdesk.note.unknown");
  const marker = markerFor(context.write.id);
  const { previous } = context;
  const ticket = context.write.ticketExternalId;
  const isMoved = previous !== undefined && previous.ticketExternalId !== ticket;
  // Its first report waited while the report moved, and the move's write already put it on the
  // new ticket: writing it on the old one now would undo that.
  if (isMoved && context.write.eventType === "connection.reported") return { steps: [] };
  if (previous === undefined || isMoved) {
    const takenBack: WriteStep[] =
      previous === undefined
        ? []
        : [
            {
              kind: "note",
              ticketExternalId: previous.ticketExternalId,
              note: {
                marker: `${marker}-moved`,
                subject: t("helpdesk.note.connectionMoved.subject", { code, ticket }),
                text: t("helpdesk.note.connectionMoved.text", { ticket, minutes: previous.billableMinutes }),
                workedMinutes: -previous.billableMinutes,
              },
            },
          ];
    const note = {
      marker,
      ...filled(context, "connection.reported", connectionValues(context, report, code, minutes)),
      workedMinutes: minutes,
    };
    return { steps: [...takenBack, { kind: "note", note }], reportWrite };
  }
  const changes = [
    ...(previous.billableMinutes === minutes
      ? []
      : [
          t("helpdesk.note.change.billable", {
            from: previous.billableMinutes,
            to: minutes,
            delta: signed(minutes - previous.billableMinutes),
          }),
        ]),
    ...(previous.billingState === reportWrite.billingState
      ? []
      : [
          t("helpdesk.note.change.billingState", {
            from: previous.billingState || t("helpdesk.note.unknown"),
            to: reportWrite.billingState || t("helpdesk.note.unknown"),
          }),
        ]),
    ...(previous.notes === reportWrite.notes
      ? []
      : [t("helpdesk.note.change.notes", { to: reportWrite.notes })]),
  ];
  if (changes.length === 0) return { steps: [] };
  const values = { code, start: utc(report.startDate), changes: changes.join("\n") };
  const note = {
    marker,
    ...filled(context, "connection.updated", values),
    workedMinutes: minutes - previous.billableMinutes,
  };
  return { steps: [{ kind: "note", note }], reportWrite };
}

/** The facts a connection's note names; feedback and notes are empty when there are none. */
function connectionValues(
  context: WriteContext,
  report: ConnectionPayload,
  code: string,
  minutes: number,
): Record<string, string> {
  const { t } = context.t;
  const unknown = t("helpdesk.note.unknown");
  const device = [report.device.name, report.device.id]
    .filter((part) => part !== null && part !== "")
    .join(" · ");
  return {
    code,
    minutes: String(minutes),
    supporter: report.supporter.name ?? unknown,
    device: device === "" ? unknown : device,
    start: utc(report.startDate),
    end: utc(report.endDate),
    duration: report.durationSeconds === null ? unknown : String(Math.round(report.durationSeconds / 6) / 10),
    billingState: report.billingState ?? unknown,
    feedback:
      report.feedback.rating === null
        ? ""
        : t("helpdesk.note.line.feedback", {
            rating: report.feedback.rating,
            comment: report.feedback.comment ?? "",
          }).trimEnd(),
    notes:
      report.notes === null || report.notes === ""
        ? ""
        : t("helpdesk.note.line.notes", { value: report.notes }),
  };
}

/** `2026-03-02 09:20`: notes are read by people in many zones, and say (UTC) beside it. */
function utc(iso: string | null): string {
  return iso === null ? "—" : new Date(iso).toISOString().slice(0, 16).replace("T", " ");
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
