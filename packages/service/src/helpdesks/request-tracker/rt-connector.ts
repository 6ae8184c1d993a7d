/**
 * The Request Tracker 5 connector, over REST2 with an auth token. The calls and answers it
 * relies on were measured against Debian's request-tracker5 (docs/connectors.md, "Request
 * Tracker"): a ticket's `_hyperlinks` carry `comment` and `correspond` only when the token's user
 * may comment and reply there, and a queue lists the ticket fields applied to it.
 */
import type {
  HelpdeskConnector,
  HelpdeskHealth,
  HelpdeskNote,
  HelpdeskProblem,
  HelpdeskReply,
  HelpdeskSettings,
  HelpdeskTicket,
} from "../helpdesk-connector.js";
import { HelpdeskError } from "../helpdesk-error.js";
import { createRtRestClient, type RtRestClient } from "./rt-rest-client.js";

interface RtCollection<T> {
  items: T[];
}
interface RtLink {
  ref: string;
  name?: string;
}
interface RtQueue {
  id: string | number;
  Name: string;
  TicketCustomFields?: { name: string }[];
}
interface RtTicket {
  id: string | number;
  Subject?: string;
  Status?: string;
  Queue?: { id: string };
  Requestor?: { id: string }[];
  _hyperlinks?: RtLink[];
}
interface RtUser {
  RealName?: string;
  EmailAddress?: string;
}

/** Statuses RT's default lifecycle counts as inactive, plus `closed`, which many sites add. */
const doneStatuses: ReadonlySet<string> = new Set(["resolved", "rejected", "deleted", "closed"]);

/** Checking every queue costs a call each; an API user normally sees a handful. */
const maxQueuesChecked = 25;

export function createRequestTrackerConnector(settings: HelpdeskSettings): HelpdeskConnector {
  const rest = createRtRestClient(settings);
  return {
    checkHealth: () => checkHealth(rest, settings),
    readTicket: (ticketId) => readTicket(rest, settings, ticketId),
    setTicketField: (ticketId, field, value) => setTicketField(rest, ticketId, field, value),
    hasNote: (ticketId, marker) => hasTransaction(rest, ticketId, "Comment", marker),
    addNote: (ticketId, note) => addNote(rest, ticketId, note),
    hasReply: (ticketId, marker) => hasTransaction(rest, ticketId, "Correspond", marker),
    addReply: (ticketId, reply) => addReply(rest, ticketId, reply),
    findClosedTickets: (ticketIds) => findClosedTickets(rest, ticketIds),
  };
}

async function checkHealth(rest: RtRestClient, settings: HelpdeskSettings): Promise<HelpdeskHealth> {
  let version: string | undefined;
  try {
    version = (await rest.get<{ Version?: string }>("/rt")).Version;
  } catch (error) {
    return { problems: [problemOf(error)] };
  }
  const health: HelpdeskHealth = { ...(version === undefined ? {} : { version }), problems: [] };
  try {
    const queues = await rest.get<RtCollection<RtQueue>>("/queues/all?fields=Name&per_page=100");
    if (queues.items.length === 0) {
      health.problems.push({ kind: "no-queue-visible" });
      return health;
    }
    const queueNames = new Map(queues.items.map((queue) => [String(queue.id), queue.Name]));
    const lacking: string[] = [];
    for (const queue of queues.items.slice(0, maxQueuesChecked)) {
      const detail = await rest.get<RtQueue>(`/queue/${queue.id}`);
      if (!(detail.TicketCustomFields ?? []).some((field) => field.name === settings.sessionField)) {
        lacking.push(queue.Name);
      }
    }
    if (lacking.length > 0)
      health.problems.push({ kind: "missing-field", field: settings.sessionField, where: lacking });
    const rights = await missingRightsOnNewestTicket(rest, queueNames);
    if (rights !== undefined) health.problems.push(rights);
  } catch (error) {
    health.problems.push(problemOf(error));
  }
  return health;
}

/**
 * Rights in RT are granted per queue and group; REST2 has no call that lists them, but a ticket's
 * links show what the caller may do with it. The newest ticket stands for the rest: without any
 * ticket there is nothing to check yet.
 */
async function missingRightsOnNewestTicket(
  rest: RtRestClient,
  queueNames: ReadonlyMap<string, string>,
): Promise<HelpdeskProblem | undefined> {
  const newest = await rest.get<RtCollection<{ id: string }>>(
    `/tickets?query=${encodeURIComponent("id > 0")}&orderby=id&order=DESC&per_page=1`,
  );
  const first = newest.items[0];
  if (first === undefined) return undefined;
  const ticket = await rest.get<RtTicket>(`/ticket/${first.id}`);
  const refs = new Set((ticket._hyperlinks ?? []).map((link) => link.ref));
  const rights = [
    ...(refs.has("comment") ? [] : ["CommentOnTicket"]),
    ...(refs.has("correspond") ? [] : ["ReplyToTicket"]),
  ];
  if (rights.length === 0) return undefined;
  const queue = ticket.Queue === undefined ? undefined : queueNames.get(String(ticket.Queue.id));
  return {
    kind: "missing-rights",
    rights,
    where: queue === undefined ? `ticket ${first.id}` : `queue ${queue}`,
  };
}

async function readTicket(
  rest: RtRestClient,
  settings: HelpdeskSettings,
  ticketId: string,
): Promise<HelpdeskTicket> {
  checkTicketId(ticketId);
  const ticket = await rest.get<RtTicket>(`/ticket/${ticketId}`);
  const status = ticket.Status ?? "";
  const requester = await readRequester(rest, ticket.Requestor?.[0]?.id);
  return {
    id: ticketId,
    title: ticket.Subject ?? "",
    url: `${settings.baseUrl}/Ticket/Display.html?id=${ticketId}`,
    ...(requester === undefined ? {} : { requester }),
    status,
    isClosed: doneStatuses.has(status),
  };
}

function checkTicketId(ticketId: string): void {
  if (!/^[1-9]\d{0,9}$/.test(ticketId)) {
    throw new HelpdeskError("not-found", `Request Tracker ticket ids are whole numbers, not "${ticketId}".`);
  }
}

/**
 * RT answers 200 with a list of messages whatever happened to each field, so the ticket is read
 * back: a field that is not applied to the ticket's queue is reported, not silently skipped.
 */
async function setTicketField(
  rest: RtRestClient,
  ticketId: string,
  field: string,
  value: string,
): Promise<void> {
  checkTicketId(ticketId);
  await rest.put(`/ticket/${ticketId}`, { CustomFields: { [field]: value } });
  const ticket = await rest.get<RtTicket & { CustomFields?: { name: string; values: string[] }[] }>(
    `/ticket/${ticketId}`,
  );
  const stored = ticket.CustomFields?.find((candidate) => candidate.name === field);
  if (stored === undefined) {
    throw new HelpdeskError(
      "unexpected-answer",
      `Request Tracker ticket ${ticketId} has no field "${field}": apply the field to the ticket's queue.`,
    );
  }
  if (!stored.values.includes(value)) {
    throw new HelpdeskError(
      "forbidden",
      `Request Tracker did not store "${value}" in the field "${field}" of ticket ${ticketId}: grant the API user ModifyCustomField.`,
    );
  }
}

/**
 * A comment's or reply's subject is kept as the transaction's `Data`: one search finds the
 * marker. RT folds a long subject at spaces, so the marker (one word) is searched alone.
 */
async function hasTransaction(
  rest: RtRestClient,
  ticketId: string,
  type: "Comment" | "Correspond",
  marker: string,
): Promise<boolean> {
  checkTicketId(ticketId);
  const query = [
    { field: "ObjectType", value: "RT::Ticket" },
    { field: "ObjectId", value: ticketId },
    { field: "Type", value: type },
    { field: "Data", operator: "LIKE", value: marker },
  ];
  const found = await rest.get<RtCollection<{ id: string }>>(
    `/transactions?query=${encodeURIComponent(JSON.stringify(query))}&per_page=1`,
  );
  return found.items.length > 0;
}

async function addNote(rest: RtRestClient, ticketId: string, note: HelpdeskNote): Promise<void> {
  checkTicketId(ticketId);
  await rest.post(`/ticket/${ticketId}/comment`, {
    Subject: `${note.subject} [Attendant ${note.marker}]`,
    Content: note.text,
    ContentType: "text/plain",
    ...(note.workedMinutes === undefined || note.workedMinutes === 0
      ? {}
      : { TimeTaken: String(note.workedMinutes) }),
  });
}

/** RT mails a reply ("correspond") to the ticket's requesters and Cc, with the subject. */
async function addReply(rest: RtRestClient, ticketId: string, reply: HelpdeskReply): Promise<void> {
  checkTicketId(ticketId);
  await rest.post(`/ticket/${ticketId}/correspond`, {
    Subject: `${reply.subject} [Attendant ${reply.marker}]`,
    Content: reply.text,
    ContentType: "text/plain",
  });
}

/** One search (TicketSQL) per call; RT ticket ids are numbers, anything else cannot be one of its. */
async function findClosedTickets(rest: RtRestClient, ticketIds: readonly string[]): Promise<string[]> {
  const ids = ticketIds.filter((id) => /^[1-9]\d{0,9}$/.test(id));
  if (ids.length === 0) return [];
  const query = `(${ids.map((id) => `id = ${id}`).join(" OR ")}) AND (${[...doneStatuses]
    .map((status) => `Status = '${status}'`)
    .join(" OR ")})`;
  const found = await rest.get<RtCollection<{ id: string }>>(
    `/tickets?query=${encodeURIComponent(query)}&per_page=${ids.length}`,
  );
  return found.items.map((item) => String(item.id));
}

/** The first requester's name and address; a user we may not read still gives its e-mail. */
async function readRequester(
  rest: RtRestClient,
  userId: string | undefined,
): Promise<HelpdeskTicket["requester"] | undefined> {
  if (userId === undefined) return undefined;
  try {
    const user = await rest.get<RtUser>(`/user/${encodeURIComponent(userId)}`);
    const email = user.EmailAddress || (userId.includes("@") ? userId : undefined);
    return {
      ...(user.RealName ? { name: user.RealName } : {}),
      ...(email === undefined ? {} : { email }),
    };
  } catch (error) {
    if (error instanceof HelpdeskError && (error.reason === "forbidden" || error.reason === "not-found")) {
      return userId.includes("@") ? { email: userId } : undefined;
    }
    throw error;
  }
}

function problemOf(error: unknown): HelpdeskProblem {
  if (!(error instanceof HelpdeskError)) throw error;
  if (error.reason === "unreachable") return { kind: "unreachable", detail: error.message };
  if (error.reason === "bad-credentials") return { kind: "bad-credentials" };
  return { kind: "unexpected-answer", status: error.status ?? 0, detail: error.message };
}
