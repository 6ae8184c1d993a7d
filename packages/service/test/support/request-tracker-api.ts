/**
 * Direct REST2 calls to the tests' Request Tracker, for arranging tickets and for checking what
 * Attendant wrote, on RT's own word rather than through the code under test. One RT serves the
 * whole run: RT keeps the first name it is given for an address, so each test file uses
 * requester addresses of its own.
 */
import { existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";
import { type ParsedMail, parseMail } from "./read-mime.js";
import type { ProvidedRequestTracker } from "./request-tracker-setup.js";

export interface RtTicketFields {
  Subject: string;
  Status: string;
  TimeWorked: string;
  CustomFields: { name: string; values: string[] }[];
}

export interface RtTestApi {
  server: ProvidedRequestTracker;
  createTicket(values: { subject: string; requestor?: string }): Promise<string>;
  readTicket(id: string): Promise<RtTicketFields>;
  setStatus(id: string, status: string): Promise<void>;
  /** The ticket's comments (internal notes), oldest first: subject and worked time. */
  comments(id: string): Promise<{ subject: string; timeTaken: number }[]>;
  /** The ticket's public replies (RT "correspond"), oldest first: subject and text. */
  replies(id: string): Promise<{ subject: string; text: string }[]>;
  /** The mails RT has sent to `address` so far (its mbox stand-in for sendmail), oldest first. */
  mailsTo(address: string): ParsedMail[];
}

/** The run's RT, or undefined where it is not installed (never in CI: the setup fails there). */
export function requestTrackerOfRun(): RtTestApi | undefined {
  const server = inject("requestTracker");
  return server === null ? undefined : requestTrackerApi(server);
}

/** Calls to any RT the tests started, e.g. a test file's own one that it stops and starts again. */
export function requestTrackerApi(server: ProvidedRequestTracker): RtTestApi {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}/REST/2.0${path}`, {
      method,
      headers: { authorization: `token ${server.token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`RT answered ${method} ${path} with ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    server,
    async createTicket(values) {
      const created = await call<{ id: string }>("POST", "/ticket", {
        Queue: "General",
        Subject: values.subject,
        ...(values.requestor === undefined ? {} : { Requestor: values.requestor }),
      });
      return String(created.id);
    },
    readTicket: (id) => call<RtTicketFields>("GET", `/ticket/${id}`),
    async setStatus(id, status) {
      await call("PUT", `/ticket/${id}`, { Status: status });
    },
    async replies(id) {
      const history = await call<{ items: { id: string; Type: string; Data: string }[] }>(
        "GET",
        `/ticket/${id}/history?fields=Type,Data&per_page=100`,
      );
      const replies = history.items.filter((item) => item.Type === "Correspond");
      return Promise.all(
        replies.map(async (item) => {
          const attachments = await call<{ items: { id: string }[] }>(
            "GET",
            `/transaction/${item.id}/attachments?fields=ContentType,Content&per_page=20`,
          );
          const texts = await Promise.all(
            attachments.items.map((attachment) =>
              call<{ ContentType: string; Content?: string }>("GET", `/attachment/${attachment.id}`),
            ),
          );
          const text = texts
            .filter((part) => part.ContentType === "text/plain" && part.Content !== undefined)
            .map((part) => Buffer.from(part.Content ?? "", "base64").toString("utf8"))
            .join("\n");
          return { subject: item.Data.replace(/\s+/g, " ").trim(), text };
        }),
      );
    },
    mailsTo(address) {
      if (!existsSync(server.mailboxPath)) return [];
      // Each mail starts with the "From " line the capture script writes (scripts/support/request-tracker.ts).
      return readFileSync(server.mailboxPath, "utf8")
        .split(/^From rt@localhost .*\n/m)
        .filter((raw) => raw.trim() !== "")
        .map(parseMail)
        .filter((mail) => (mail.headers.get("to") ?? "").includes(address));
    },
    async comments(id) {
      const history = await call<{ items: { Type: string; Data: string; TimeTaken: string }[] }>(
        "GET",
        `/ticket/${id}/history?fields=Type,Data,TimeTaken&per_page=100`,
      );
      // RT folds long subjects at spaces; a person reads them as one line.
      return history.items
        .filter((item) => item.Type === "Comment")
        .map((item) => ({
          subject: item.Data.replace(/\s+/g, " ").trim(),
          timeTaken: Number(item.TimeTaken),
        }));
    },
  };
}
