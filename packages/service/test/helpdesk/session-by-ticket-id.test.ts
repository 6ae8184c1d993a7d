/**
 * A session for a Request Tracker ticket by its id alone: the title, address and requester come
 * from the run's real RT. Sending the title never asks the helpdesk.
 */
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../../../scripts/support/free-port.js";
import { createSessionHarness } from "../integration/sessions/session-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("sessions for a ticket by its id alone, against a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  async function setUp(options: { baseUrl?: string; isConnected?: boolean } = {}) {
    const h = await createSessionHarness(engine);
    const admin = await h.addUser("admin");
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    if (options.isConnected !== false) {
      await connectRequestTracker(h.deps, admin, {
        url: options.baseUrl ?? api.server.url,
        token: api.server.token,
      });
    }
    const create = async (ticket: Record<string, string>) =>
      h.api("POST", "/api/v1/sessions", {
        key: await h.createKey(kenji),
        json: { ticket, group: { name: "Helpdesk" } },
      });
    return { h, create };
  }

  it("reads the title, the address and the requester from RT", async () => {
    const { create } = await setUp();
    const ticketId = await api.createTicket({
      subject: "VPN bricht ab — VPN が切れる",
      requestor: "Erika Mustermann <erika.by-id@example.org>",
    });
    const answer = await create({ externalId: ticketId });
    expect(answer.status).toBe(201);
    expect((await answer.json()).ticket).toMatchObject({
      externalId: ticketId,
      title: "VPN bricht ab — VPN が切れる",
      url: `${api.server.url}/Ticket/Display.html?id=${ticketId}`,
    });
  });

  it("never asks the helpdesk when the title is sent, so a helpdesk that is down stops nobody", async () => {
    const { create } = await setUp({ baseUrl: `http://127.0.0.1:${await findFreePort()}` });
    expect((await create({ externalId: "17", title: "Typed by the supporter" })).status).toBe(201);
  });

  it.each([
    ["no helpdesk is connected", { isConnected: false }, "4711", 400, "title-required"],
    ["the helpdesk cannot be reached", { unreachable: true }, "4711", 503, "helpdesk-unavailable"],
    ["RT has no such ticket", {}, "999999", 422, "ticket-not-found"],
    ["the id cannot be an RT ticket", {}, "INC-12", 422, "ticket-not-found"],
  ])(
    "refuses a session without a title when %s, saying what to send",
    async (_case, setup, externalId, status, code) => {
      const options =
        "unreachable" in setup ? { baseUrl: `http://127.0.0.1:${await findFreePort()}` } : setup;
      const { h, create } = await setUp(options);
      const answer = await create({ externalId });
      expect(answer.status).toBe(status);
      const problem = await answer.json();
      expect(problem).toMatchObject({ code, detail: expect.stringContaining("ticket") });
      expect(await h.teamViewerSessions()).toEqual([]);
    },
  );
});
