import { type Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { parseInteger, parseUuid } from "../arguments.js";
import { CliError } from "../cli-error.js";
import { apiKeyOption, serviceApiFrom, urlOption } from "../connection-options.js";
import { exitCodes } from "../exit-codes.js";
import type { CommandOutput } from "../output.js";

/** The fields of a session the commands print; the API sends more (see the API reference). */
interface Session {
  id: string;
  code: string;
  state: string;
  status: string;
  endCustomerLink: string;
  validUntil: string;
  ticket: { externalId: string; title: string };
  supporterLinks?: { supporterLink: string | null; webClientSupporterLink: string | null };
}

function parseDateTime(value: string): string {
  if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d\d-\d\dT/.test(value)) {
    throw new InvalidArgumentError(`expected a date and time like 2026-03-02T17:00:00Z, got "${value}".`);
  }
  return value;
}

function parseLimit(value: string): number {
  const limit = parseInteger(value);
  if (limit < 1 || limit > 200) throw new InvalidArgumentError(`expected 1 to 200, got ${limit}.`);
  return limit;
}

function parseGroupId(value: string): string {
  if (!/^g\d+$/.test(value))
    throw new InvalidArgumentError(`expected a TeamViewer group id like g40211, got "${value}".`);
  return value;
}

/**
 * `attendant sessions create|list|close` against a running service with an API key: the REST
 * API's sessions for scripts and for trying the API out. Each maps to one request; what the
 * service refuses comes back as its problem detail with a matching exit code.
 */
export function registerSessionsCommand(program: Command, output: CommandOutput): void {
  const sessions = program
    .command("sessions")
    .description("Support sessions on a running service (REST API).");

  sessions
    .command("create")
    .description("Create a support session for a ticket and print its code and links.")
    .requiredOption("--ticket <id>", "the helpdesk's ticket id")
    .requiredOption("--title <title>", "the ticket's title")
    .option("--ticket-url <url>", "link to the ticket in the helpdesk")
    .addOption(
      new Option("--group <name>", "TeamViewer group by name (created if missing)").conflicts("groupId"),
    )
    .addOption(
      new Option("--group-id <id>", "existing TeamViewer group id, e.g. g40211").argParser(parseGroupId),
    )
    .option("--description <text>", "what the session is about")
    .option("--customer-name <name>", "the end customer's name")
    .option("--customer-email <address>", "the end customer's e-mail address")
    .option("--supporter <id>", "supporter user id (needed with an organisation-wide key)", parseUuid)
    .option("--valid-until <date-time>", "when the session code expires (default: 24 hours)", parseDateTime)
    .option("--idempotency-key <key>", "repeat-safe: the same key returns the first answer")
    .addOption(urlOption())
    .addOption(apiKeyOption())
    .option("--json", "print the session as JSON")
    .action(async (options) => {
      if (options.group === undefined && options.groupId === undefined) {
        throw new CliError(
          "Name the TeamViewer group the session goes into: --group <name> or --group-id <id>.",
          exitCodes.usage,
        );
      }
      const api = serviceApiFrom(options);
      const endCustomer =
        options.customerName === undefined && options.customerEmail === undefined
          ? undefined
          : { name: options.customerName, email: options.customerEmail };
      const session = await api.json<Session>("POST", "/sessions", {
        json: {
          ticket: { externalId: options.ticket, title: options.title, url: options.ticketUrl },
          group:
            options.groupId === undefined ? { name: options.group ?? "Attendant" } : { id: options.groupId },
          description: options.description,
          endCustomer,
          supporterUserId: options.supporter,
          validUntil: options.validUntil,
        },
        ...(options.idempotencyKey === undefined
          ? {}
          : { headers: { "idempotency-key": options.idempotencyKey } }),
      });
      output.result(options.json === true, session, () =>
        [
          `Created session ${session.code} (${session.id}) for ticket ${session.ticket.externalId}, valid until ${session.validUntil}.`,
          `End customer's link: ${session.endCustomerLink}`,
          ...(session.supporterLinks?.supporterLink
            ? [`Supporter's link: ${session.supporterLinks.supporterLink}`]
            : []),
        ].join("\n"),
      );
    });

  sessions
    .command("list")
    .description("List support sessions, newest first.")
    .addOption(new Option("--state <state>", "only these").choices(["open", "closed", "expired"] as const))
    .addOption(new Option("--scope <scope>", "whose sessions").choices(["mine", "organisation"] as const))
    .option("--ticket <id>", "only the sessions of this ticket")
    .option("--limit <n>", "at most this many (1–200)", parseLimit)
    .addOption(urlOption())
    .addOption(apiKeyOption())
    .option("--json", "print the page as JSON")
    .action(async (options) => {
      const api = serviceApiFrom(options);
      const path =
        options.ticket === undefined
          ? "/sessions"
          : `/tickets/${encodeURIComponent(options.ticket)}/sessions`;
      const page = await api.json<{ sessions: Session[]; nextCursor?: string }>("GET", path, {
        query: {
          state: options.state,
          limit: options.limit,
          ...(options.ticket === undefined ? { scope: options.scope } : {}),
        },
      });
      output.result(options.json === true, page, () =>
        page.sessions.length === 0
          ? "No sessions."
          : page.sessions
              .map(
                (session) =>
                  `${session.id}  ${session.code}  ${session.status.padEnd(15)}  ticket ${session.ticket.externalId}: ${session.ticket.title}`,
              )
              .join("\n"),
      );
    });

  sessions
    .command("close")
    .description("Close a support session at TeamViewer.")
    .argument("<id>", "the session's id", parseUuid)
    .addOption(urlOption())
    .addOption(apiKeyOption())
    .option("--json", "print the closed session as JSON")
    .action(async (id, options) => {
      const session = await serviceApiFrom(options).json<Session>("POST", `/sessions/${id}/close`);
      output.result(options.json === true, session, () => `Closed session ${session.code} (${session.id}).`);
    });
}
