/**
 * End to end, issue 6 in Chromium against the started service (demo mode: the simulator plays
 * TeamViewer, whose company reports are listed before anyone connects): a supporter creates a
 * session for a ticket, the simulated customer joins, the supporter connects and ends the
 * connection (the simulator's admin session flow), a sync pass
 * is started with "Sync now" instead of waiting for the background one, the report appears on
 * the ticket, the supporter edits its notes (written back to TeamViewer), downloads the ticket's
 * reports as CSV and checks its rows, and looks at the dashboard (saved under artifacts/e2e/).
 */
import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { connectAsKenji, saveScreenshot, useDemoServiceInChromium } from "./support/e2e-service.js";

describe("a connection's report from the ended connection to the CSV", () => {
  const started = useDemoServiceInChromium();

  /** Presses "Sync now" until the ticket's history lists a report (the background sync may hold the lease). */
  async function syncUntilOnTicket(page: Page, origin: string, sessionPath: string): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.goto(`${origin}/reports`);
          await page.getByRole("button", { name: "Sync now" }).click();
          await page.waitForURL(/notice=synced/);
          await page.goto(`${origin}${sessionPath}`);
          return page.locator("#ticket-connection-reports tbody tr").count();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(1);
  }

  /**
   * Whether a report table shows every column, the billing ones included, without scrolling
   * sideways: its last header cell ends inside the table's box, which ends inside the window
   * (a pixel of slack for sub-pixel widths).
   */
  async function fitsWithoutScrolling(page: Page, tableId: string) {
    const edges = await page.locator(`#${tableId}`).evaluate((table) => ({
      lastColumn: table.querySelector("thead th:last-child")?.getBoundingClientRect().right ?? Infinity,
      box: table.parentElement?.getBoundingClientRect().right ?? Infinity,
      window: document.documentElement.clientWidth,
    }));
    expect(edges.lastColumn, JSON.stringify(edges)).toBeLessThanOrEqual(edges.box + 1);
    return edges.box <= edges.window;
  }

  it("shows the ended connection on its ticket, saves edited notes and exports the right rows", async () => {
    const page = await started.browser.newPage({ acceptDownloads: true });
    await page.goto(started.demo.signInUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    const origin = new URL(page.url()).origin;

    // Demo mode syncs the simulator's company reports before anyone connects TeamViewer.
    await page.goto(`${origin}/reports`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.waitForURL(/notice=synced/);
    expect(await page.locator("#connection-reports tbody tr").count()).toBeGreaterThan(0);

    await connectAsKenji(page, origin);

    await page.goto(`${origin}/sessions/new?ticket=RPT-42`);
    await page.getByLabel("Ticket title").fill("Drucker druckt nicht");
    await page.getByRole("button", { name: "Create session" }).click();
    await expect.poll(() => page.textContent("main")).toContain("The session is created.");
    const sessionPath = new URL(page.url()).pathname;
    expect(await page.textContent("#ticket-connections")).toContain(
      "No connection reports on this ticket yet.",
    );

    // The customer joins, the supporter connects and ends: the simulator writes the report.
    const code = (await page.textContent("#session-status code")) ?? "";
    const simulator = new URL((await page.getAttribute("#open-in-teamviewer", "href")) ?? "").origin;
    const simulate = async (step: string, body: unknown = {}) => {
      const response = await fetch(`${simulator}/__sim/sessions/${code}/${step}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status, step).toBe(200);
    };
    await simulate("customer-join", { deviceName: "ERIKA-LAPTOP" });
    await simulate("supporter-connect");
    await simulate("end-connection", {
      feedback: { session_rating: 5, user_comment: "Sehr hilfreich, 助かりました" },
    });

    await syncUntilOnTicket(page, origin, sessionPath);
    // On a 1920 px screen both report tables use the width: no billing column behind a scrollbar.
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await fitsWithoutScrolling(page, "ticket-connection-reports")).toBe(true);
    await page.goto(`${origin}/reports`);
    expect(await fitsWithoutScrolling(page, "connection-reports")).toBe(true);
    await saveScreenshot(page, "reports-00-list-at-1920");
    await page.goto(`${origin}${sessionPath}`);
    const history = (await page.textContent("#ticket-connections")) ?? "";
    expect(history).toContain("ERIKA-LAPTOP");
    expect(history).toContain("Sehr hilfreich, 助かりました");
    await saveScreenshot(page, "reports-01-ticket-history");

    // Edit the notes from the report page; they are written back to TeamViewer first.
    await page.locator("#ticket-connection-reports tbody tr a").first().click();
    await page.getByLabel("Notes").fill("Druckertreiber neu installiert; =SUM(A1) stays text");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.textContent("main")).toContain("Saved in TeamViewer and here.");
    expect(await page.textContent("#report-notes")).toContain("Druckertreiber neu installiert");
    await saveScreenshot(page, "reports-02-report-edited");

    // The ticket's reports as CSV, from the list's download link (which keeps the filter).
    await page.goto(`${origin}/reports?ticket=RPT-42`);
    expect(await page.locator("#connection-reports tbody tr").count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^connection-reports-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync((await download.path()) ?? "");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries((header ?? []).map((name, index) => [name, rows[0]?.[index]]));
    expect(row).toMatchObject({
      ticket: "RPT-42",
      ticket_title: "Drucker druckt nicht",
      device: "ERIKA-LAPTOP",
      session_code: code,
      notes: "Druckertreiber neu installiert; =SUM(A1) stays text",
      feedback_rating: "5",
      feedback_comment: "Sehr hilfreich, 助かりました",
      matched_by: expect.stringMatching(/^(custom_api|session_code)$/),
    });
    // Default billing rules: every started minute.
    expect(Number(row.billable_minutes)).toBe(Math.ceil(Number(row.duration_seconds) / 60));

    await page.goto(`${origin}/reports/dashboard`);
    expect(await page.locator("svg[role=img]").count()).toBe(5);
    expect(await page.textContent("#chart-per-day figcaption")).toBe("Connections per day");
    await saveScreenshot(page, "reports-03-dashboard");

    // The column picker is a plain form: untick a column, and the table shows it no more.
    await page.goto(`${origin}/reports`);
    await page.locator("#connection-reports-columns summary").click();
    await page.locator("#connection-reports-columns").getByLabel("Device").uncheck();
    await page.getByRole("button", { name: "Show these columns" }).click();
    await page.waitForURL(`${origin}/reports`);
    expect(await page.locator("#connection-reports thead th").allTextContents()).not.toContain("Device");
  });
});
