/**
 * The helpdesk story in Chromium, against the started service (demo mode, the simulator playing
 * TeamViewer) and the run's real Request Tracker: an admin connects RT and sees the check pass; a
 * supporter opens a session by the RT ticket's number alone (title and requester read from RT)
 * and helps its requester; after the connection ended, the agent opens the ticket in RT's own web
 * UI and finds the note and the worked time there. Screenshots are kept under artifacts/e2e/.
 */
import { describe, expect, it } from "vitest";
import { sessionFieldName } from "../../../../scripts/support/request-tracker.js";
import { connectAsKenji, saveScreenshot, useDemoServiceInChromium } from "../e2e/support/e2e-service.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("Attendant and Request Tracker in Chromium", () => {
  const api = rt as NonNullable<typeof rt>;
  const started = useDemoServiceInChromium();

  it("connects RT, and the ended connection shows up on the RT ticket as a note with its worked time", async () => {
    const page = await started.browser.newPage();
    await page.goto(started.demo.signInUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    const origin = new URL(page.url()).origin;

    await page.goto(`${origin}/settings/helpdesk`);
    await page.getByLabel("Address", { exact: true }).fill(api.server.url);
    await page.getByLabel("API token").fill(api.server.token);
    await page.getByLabel("Ticket field for the session code").fill(sessionFieldName);
    await page.getByRole("button", { name: "Save and test" }).click();
    await expect.poll(() => page.textContent("#check")).toContain("The connection works");
    await saveScreenshot(page, "helpdesk-01-connection-checked");

    // Every started quarter of an hour is billed, and at least one: the worked time RT gets.
    await page.goto(`${origin}/settings/billing`);
    await page.getByLabel("Rounding increment (minutes)").fill("15");
    await page.getByLabel("Minimum billable minutes").fill("15");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.textContent("main")).toContain("The billing rules are saved");

    const ticketId = await api.createTicket({
      subject: "Scanner scannt nicht",
      requestor: "Erika Mustermann <erika.story@example.org>",
    });
    await connectAsKenji(page, origin);
    // Only the RT ticket's number: Attendant reads the title and the requester from RT.
    await page.goto(`${origin}/sessions/new?ticket=${ticketId}`);
    expect(await page.getByLabel("Ticket title").inputValue()).toBe("");
    await page.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => page.textContent("main")).toContain("The session is created.");
    expect(await page.textContent("h1")).toBe("Session: Scanner scannt nicht");
    const code = (await page.textContent("#session-status code")) ?? "";
    await expect
      .poll(
        async () =>
          (await api.readTicket(ticketId)).CustomFields.find((f) => f.name === sessionFieldName)?.values,
        {
          timeout: 60_000,
        },
      )
      .toEqual([code]);

    const simulator = new URL((await page.getAttribute("#open-in-teamviewer", "href")) ?? "").origin;
    for (const step of ["customer-join", "supporter-connect", "end-connection"]) {
      const answer = await fetch(`${simulator}/__sim/sessions/${code}/${step}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(answer.status, step).toBe(200);
    }
    // "Sync now" until the write-back has put the connection on the RT ticket.
    await expect
      .poll(
        async () => {
          await page.goto(`${origin}/reports`);
          await page.getByRole("button", { name: "Sync now" }).click();
          await page.waitForURL(/notice=synced/);
          return (await api.comments(ticketId)).length;
        },
        { timeout: 90_000, interval: 1_000 },
      )
      .toBe(1);
    const [note] = await api.comments(ticketId);
    expect(note).toEqual({
      subject: expect.stringContaining(`TeamViewer connection ${code}: 15 min`),
      timeTaken: 15,
    });
    expect((await api.readTicket(ticketId)).TimeWorked).toBe("15");
    await page.goto(`${origin}/settings/helpdesk`);
    expect(await page.textContent("#writes")).toContain(`note "TeamViewer connection ${code}`);
    await saveScreenshot(page, "helpdesk-02-writes");

    // The agent's view: RT's own ticket page.
    const agent = await started.browser.newPage();
    await agent.goto(`${api.server.url}/`);
    await agent.locator("input[name=user]").fill("root");
    await agent.locator("input[name=pass]").fill(api.server.rootPassword);
    await agent.locator("input[name=pass]").press("Enter");
    await agent.waitForLoadState();
    await agent.goto(`${api.server.url}/Ticket/Display.html?id=${ticketId}`);
    // RT 5 loads a ticket's history after the page itself.
    await expect
      .poll(() => agent.textContent("body"), { timeout: 30_000 })
      .toContain(`TeamViewer connection ${code}`);
    const ticketPage = (await agent.textContent("body")) ?? "";
    expect(ticketPage).toContain("Supporter: Kenji Sato");
    expect(ticketPage).toMatch(/Worked:\s*15 min/);
    await saveScreenshot(agent, "helpdesk-03-rt-ticket-with-note");
  });
});
