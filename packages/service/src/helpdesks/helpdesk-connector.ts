/**
 * What Attendant needs from a helpdesk, whatever its kind (docs/connectors.md). A connector is
 * made from one organisation's stored connection settings and talks only to that helpdesk; it
 * never touches our database. Connectors throw `HelpdeskError` (helpdesk-error.ts), so callers
 * handle every helpdesk's failures the same way.
 */

import type { HelpdeskKind } from "../db/schema.js";

export { type HelpdeskKind, helpdeskKinds } from "../db/schema.js";

/** What an admin stores for a helpdesk connection; `token` is sealed at rest. */
export interface HelpdeskSettings {
  kind: HelpdeskKind;
  /** The helpdesk's web address, e.g. `https://rt.example.com` (no trailing slash). */
  baseUrl: string;
  token: string;
  /** Name of the ticket field that receives the TeamViewer session code. */
  sessionField: string;
}

/** Something that keeps write-back from working, in terms an admin can act on. */
export type HelpdeskProblem =
  | { kind: "unreachable"; detail: string }
  | { kind: "bad-credentials" }
  | { kind: "no-queue-visible" }
  | { kind: "missing-rights"; rights: string[]; where: string }
  | { kind: "missing-field"; field: string; where: string[] }
  | { kind: "unexpected-answer"; status: number; detail: string };

export interface HelpdeskHealth {
  /** The helpdesk's own version string, when it answered. */
  version?: string;
  /** Empty when everything checked is in order. */
  problems: HelpdeskProblem[];
}

/** A helpdesk ticket as Attendant needs it to create a session for it. */
export interface HelpdeskTicket {
  id: string;
  title: string;
  /** Where an agent opens the ticket in the helpdesk's own web UI. */
  url: string;
  requester?: { name?: string; email?: string };
  /** The helpdesk's own status word, e.g. `open` or `resolved`. */
  status: string;
  /** Whether that status means the ticket is done (resolved, closed, rejected, deleted). */
  isClosed: boolean;
}

/** An internal note for the agents (never mailed to the requester), maybe with worked time. */
export interface HelpdeskNote {
  /**
   * Unique to the write that makes the note, one word, and kept with the note (RT: at the end
   * of its subject), so a retry can tell whether an earlier attempt already wrote it.
   */
  marker: string;
  subject: string;
  text: string;
  /** Added to the ticket's worked time; negative to correct an earlier note. */
  workedMinutes?: number;
}

/**
 * A public reply, mailed by the helpdesk to the ticket's requesters. Write-back sends one only
 * when an invitation was sent, and it carries nothing but the join page's address.
 */
export interface HelpdeskReply {
  /** As for a note: unique to the write, one word, kept with the reply where `hasReply` finds it. */
  marker: string;
  subject: string;
  text: string;
}

export interface HelpdeskConnector {
  /** Checks, without writing anything, whether write-back can work. */
  checkHealth(): Promise<HelpdeskHealth>;
  readTicket(ticketId: string): Promise<HelpdeskTicket>;
  /** Sets a ticket field; setting the same value again changes nothing. */
  setTicketField(ticketId: string, field: string, value: string): Promise<void>;
  /** Whether the ticket already has the note carrying `marker`. */
  hasNote(ticketId: string, marker: string): Promise<boolean>;
  addNote(ticketId: string, note: HelpdeskNote): Promise<void>;
  /** Whether the ticket already has the public reply carrying `marker`. */
  hasReply(ticketId: string, marker: string): Promise<boolean>;
  addReply(ticketId: string, reply: HelpdeskReply): Promise<void>;
  /** Which of these tickets the helpdesk counts as done; ids it cannot have are left out. */
  findClosedTickets(ticketIds: readonly string[]): Promise<string[]>;
}
