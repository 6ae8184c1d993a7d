/**
 * The New session form with a helpdesk connected (issue 22): the ticket number alone is enough,
 * the title and the requester come from the run's real Request Tracker. A number RT does not
 * have, a helpdesk that cannot be asked and a form without a title while no helpdesk is connected
 * each say what to do next, keep every value typed, and make nothing.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../../../scripts/support/free-port.js";
import type { User } from "../../src/db/repositories/users.js";
import { createPagesHarness, sampleSessionForm } from "../integration/session-pages/pages-harness.js";
import { connectRequestTracker } from "../support/connect-request-tracker.js";
import { usePgliteEngine } from "../support/engines.js";
import { queryRows } from "../support/query-rows.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("New session by helpdesk ticket number, against a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  /** A signed-in supporter; the organisation's helpdesk is RT at `baseUrl`, or none. */
  async function setUp(helpdesk: { baseUrl: string } | "none" = { baseUrl: api.server.url }) {
    const h = await createPagesHarness(engine);
    const admin = await h.addUser("admin");
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    if (helpdesk !== "none") await connect(h, admin, helpdesk.baseUrl);
    const browser = await h.signIn(supporter);
    const ticketRows = () => queryRows<{ title: string }>(h.database.db, sql`select title from tickets`);
    return { h, browser, ticketRows };
  }

  function connect(h: Awaited<ReturnType<typeof createPagesHarness>>, admin: User, baseUrl: string) {
    return connectRequestTracker(h.deps, admin, { url: baseUrl, token: api.server.token });
  }

  const byNumberOnly = { title: "", requesterName: "", requesterEmail: "", description: "Kept as typed" };

  it("creates a session from the ticket number alone, with the title and the customer read from RT", async () => {
    const { h, browser } = await setUp();
    const ticketId = await api.createTicket({
      subject: "Drucker im 3. OG druckt nicht",
      requestor: "Erika Mustermann <erika.new-session-form@example.org>",
    });
    const form = await (await browser.get(`/sessions/new?ticket=${ticketId}`)).text();
    expect(form).not.toMatch(/<input[^>]*name="title"[^>]*required/);
    expect(form).toContain("Leave it empty to read the title");

    const created = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      ...byNumberOnly,
      externalId: ticketId,
    });
    expect(created.status).toBe(303);
    const page = await (await browser.get(created.headers.get("location") ?? "")).text();
    expect(page).toContain("<h1>Session: Drucker im 3. OG druckt nicht</h1>");
    expect(
      await queryRows(h.database.db, sql`select title, url, requester_name, requester_email from tickets`),
    ).toEqual([
      {
        title: "Drucker im 3. OG druckt nicht",
        url: `${api.server.url}/Ticket/Display.html?id=${ticketId}`,
        requester_name: "Erika Mustermann",
        requester_email: "erika.new-session-form@example.org",
      },
    ]);
  });

  it.each([
    ["RT has no ticket with that number", "999999"],
    ["the number cannot be an RT ticket", "INC-12"],
  ])("refuses the form when %s, keeping what was typed", async (_case, externalId) => {
    const { h, browser, ticketRows } = await setUp();
    const answer = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      ...byNumberOnly,
      externalId,
    });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain("The helpdesk has no ticket with this number, or Attendant may not see it.");
    expect(html).toContain(`value="${externalId}"`);
    expect(html).toContain("Kept as typed");
    expect(await ticketRows()).toEqual([]);
    expect(await h.teamViewerSessions()).toEqual([]);
  });

  it("says the helpdesk cannot be asked, keeps what was typed, and creates the session once the supporter types the title", async () => {
    const { h, browser, ticketRows } = await setUp({ baseUrl: `http://127.0.0.1:${await findFreePort()}` });
    const form = { ...sampleSessionForm, ...byNumberOnly, externalId: "4711" };
    const answer = await browser.submit("/sessions/new", "/sessions/new", form);
    expect(answer.status).toBe(503);
    const html = await answer.text();
    expect(html).toContain(
      "The helpdesk could not be asked for this ticket just now. Type the title yourself",
    );
    expect(html).toContain('value="4711"');
    expect(html).toContain("Kept as typed");
    expect(await h.teamViewerSessions()).toEqual([]);

    const typed = await browser.submit("/sessions/new", "/sessions/new", { ...form, title: "Typed by hand" });
    expect(typed.status).toBe(303);
    expect(await ticketRows()).toEqual([{ title: "Typed by hand" }]);
  });

  it("still requires the title while no helpdesk is connected", async () => {
    const { browser, ticketRows } = await setUp("none");
    const form = await (await browser.get("/sessions/new")).text();
    expect(form).toMatch(/<input[^>]*name="title"[^>]*required/);
    const answer = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      ...byNumberOnly,
    });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain("This field is required.");
    expect(html).toContain('value="4711"');
    expect(await ticketRows()).toEqual([]);
  });
});
