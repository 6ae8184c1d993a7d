import { beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../../scripts/support/free-port.js";
import { sessionFieldName } from "../../../../scripts/support/request-tracker.js";
import { connectorFor } from "../../src/helpdesks/connectors.js";
import type { HelpdeskSettings } from "../../src/helpdesks/helpdesk-connector.js";
import { HelpdeskError } from "../../src/helpdesks/helpdesk-error.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("Request Tracker connector, against a real RT 5", () => {
  const api = rt as NonNullable<typeof rt>;
  const settings = (overrides: Partial<HelpdeskSettings> = {}): HelpdeskSettings => ({
    kind: "request-tracker",
    baseUrl: api.server.url,
    token: api.server.token,
    sessionField: sessionFieldName,
    ...overrides,
  });
  let ticketId: string;

  beforeAll(async () => {
    ticketId = await api.createTicket({
      subject: "Outlook startet nicht — メールが開かない",
      requestor: "Erika Mustermann <erika.connector@example.org>",
    });
  });

  it("finds nothing wrong with a token that has every right and a field on every queue", async () => {
    const health = await connectorFor(settings()).checkHealth();
    expect(health.version).toMatch(/^5\./);
    expect(health.problems).toEqual([]);
  });

  it("says the credentials are wrong when RT refuses the token", async () => {
    const health = await connectorFor(
      settings({ token: "1-1-0123456789abcdef0123456789abcdef" }),
    ).checkHealth();
    expect(health.problems).toEqual([{ kind: "bad-credentials" }]);
  });

  it("says the helpdesk is unreachable when nothing answers at its address", async () => {
    const port = await findFreePort();
    const health = await connectorFor(settings({ baseUrl: `http://127.0.0.1:${port}` })).checkHealth();
    expect(health.problems).toEqual([{ kind: "unreachable", detail: "ECONNREFUSED" }]);
  });

  it("names the rights a read-only token's user lacks and where", async () => {
    const health = await connectorFor(settings({ token: api.server.readOnlyToken })).checkHealth();
    expect(health.problems).toEqual([
      { kind: "missing-rights", rights: ["CommentOnTicket", "ReplyToTicket"], where: "queue General" },
    ]);
  });

  it("names a ticket field that no queue has, with the queues that lack it", async () => {
    const health = await connectorFor(settings({ sessionField: "Remote session" })).checkHealth();
    expect(health.problems).toEqual([{ kind: "missing-field", field: "Remote session", where: ["General"] }]);
  });

  it("reads a ticket's title, requester, address and status, and counts a resolved ticket as closed", async () => {
    const connector = connectorFor(settings());
    await expect(connector.readTicket(ticketId)).resolves.toEqual({
      id: ticketId,
      title: "Outlook startet nicht — メールが開かない",
      url: `${api.server.url}/Ticket/Display.html?id=${ticketId}`,
      requester: { name: "Erika Mustermann", email: "erika.connector@example.org" },
      status: "new",
      isClosed: false,
    });
    const resolvedId = await api.createTicket({ subject: "Done already" });
    await api.setStatus(resolvedId, "resolved");
    await expect(connector.readTicket(resolvedId)).resolves.toMatchObject({
      status: "resolved",
      isClosed: true,
    });
  });

  it("answers not-found for a ticket RT does not have, and for an id that is not a number without asking RT", async () => {
    const connector = connectorFor(settings({ baseUrl: api.server.url }));
    await expect(connector.readTicket("999999")).rejects.toMatchObject({ reason: "not-found", status: 404 });
    const refused = connector.readTicket("12; drop");
    await expect(refused).rejects.toBeInstanceOf(HelpdeskError);
    await expect(refused).rejects.toMatchObject({ reason: "not-found", status: undefined });
  });
});
