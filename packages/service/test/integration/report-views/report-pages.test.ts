import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../../src/db/repositories/users.js";
import { connectionReports } from "../../../src/db/schema.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import type { Browser } from "../../web/web-harness.js";
import { createSessionThroughPage } from "../session-pages/pages-harness.js";
import { createViewsHarness, type ViewsHarness } from "./views-harness.js";

interface StoredRow {
  id: string;
  teamviewer_report_id: string;
  teamviewer_user_id: string | null;
  notes: string | null;
  billing_state: string | null;
  ticket_id: string | null;
  start_date: Date | null;
}

describe("the connection report pages", () => {
  const engine = usePgliteEngine();
  let h: ViewsHarness;
  let admin: User;
  let kenji: User;
  let auditor: User;
  let adminBrowser: Browser;
  let kenjiBrowser: Browser;
  let auditorBrowser: Browser;

  beforeAll(async () => {
    h = await createViewsHarness(engine, { reports: 40 });
    admin = await h.addUser("admin");
    kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await h.addUser("supporter", { teamViewerUserid: "u7006" });
    auditor = await h.addUser("auditor");
    await h.saveScriptToken();
    await h.syncReports();
    adminBrowser = await h.signIn(admin, "Ada Admin");
    kenjiBrowser = await h.signIn(kenji, "Kenji Sato");
    auditorBrowser = await h.signIn(auditor, "Avery Auditor");
  });

  const stored = () =>
    queryRows<StoredRow>(
      h.database.db,
      sql`select id, teamviewer_report_id, teamviewer_user_id, notes, billing_state, ticket_id, start_date
          from connection_reports order by end_date desc nulls last, id desc`,
    );
  const rowsIn = (html: string) =>
    [...html.matchAll(/<tr data-report-id="([^"]+)"/g)].map((match) => match[1]);
  const htmlOf = async (browser: Browser, path: string) => {
    const response = await browser.get(path);
    return { status: response.status, html: await response.text() };
  };

  it("lists the organisation's reports for admins with filters, a navigation entry and downloads that keep the filters", async () => {
    const all = await stored();
    const { status, html } = await htmlOf(adminBrowser, "/reports");
    expect(status).toBe(200);
    expect(html).toContain('href="/reports"');
    expect(rowsIn(html)).toEqual(all.slice(0, 50).map((row) => row.id));
    expect(html).toContain("Kenji Sato");

    const filtered = await htmlOf(adminBrowser, `/reports?billingState=Bill&supporter=${kenji.id}`);
    const expected = all.filter((row) => row.billing_state === "Bill" && row.teamviewer_user_id === "u7005");
    expect(rowsIn(filtered.html)).toEqual(expected.map((row) => row.id));
    expect(filtered.html).toContain(
      `href="/reports/export?supporter=${kenji.id}&amp;billingState=Bill&amp;format=csv"`,
    );
  });

  it("shows bad filter values at their field with a 400 and lists nothing", async () => {
    const bad = await htmlOf(adminBrowser, "/reports?from=yesterday&billingState=Paid");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Enter a date like 2026-03-02.");
    expect(bad.html).toContain('id="billingState-error"');
    expect(rowsIn(bad.html)).toEqual([]);
    const reversed = await htmlOf(adminBrowser, "/reports?from=2026-03-05&to=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.html).toContain("The start of the range must not be after its end.");
    const cursor = await htmlOf(adminBrowser, "/reports?cursor=garbage");
    expect(cursor.status).toBe(400);
    expect(cursor.html).toContain("start again from the first page");
  });

  it("shows supporters only their own connections and hides other reports as not found", async () => {
    const all = await stored();
    const own = all.filter((row) => row.teamviewer_user_id === "u7005");
    const { html } = await htmlOf(kenjiBrowser, "/reports");
    expect(rowsIn(html)).toEqual(own.slice(0, 50).map((row) => row.id));
    expect(html).toContain("You see the connections made with your own TeamViewer account.");
    const foreign = all.find((row) => row.teamviewer_user_id !== "u7005");
    expect((await kenjiBrowser.get(`/reports/${foreign?.id}`)).status).toBe(404);
    expect((await kenjiBrowser.get("/reports/not-a-uuid")).status).toBe(404);
  });

  it("edits notes and billing state through TeamViewer from the report page", async () => {
    const [report] = (await stored()).filter((row) => row.teamviewer_user_id === "u7005");
    if (report === undefined) throw new Error("no report of Kenji");
    const path = `/reports/${report.id}`;
    const invalid = await kenjiBrowser.submit(path, `${path}/edit`, { notes: "x", billing_state: "Paid" });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('id="billing_state-error"');

    const saved = await kenjiBrowser.submit(path, `${path}/edit`, {
      notes: "Drucker neu eingerichtet; 再起動",
      billing_state: "Billed",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${path}?notice=updated`);
    const page = await htmlOf(kenjiBrowser, `${path}?notice=updated`);
    expect(page.html).toContain("Saved in TeamViewer and here.");
    expect(page.html).toContain("Drucker neu eingerichtet; 再起動");
    const demo = h.simulator.demo();
    const remote = await h.simulator.fetch(
      `${demo.apiBaseUrl}/reports/connections/${report.teamviewer_report_id}`,
      {
        headers: { authorization: `Bearer ${demo.scriptToken}` },
      },
    );
    expect(await remote.json()).toMatchObject({
      notes: "Drucker neu eingerichtet; 再起動",
      billing_state: "Billed",
    });
  });

  it("shows a report whose change TeamViewer did not confirm as being saved, without claiming nothing changed", async () => {
    const [report] = (await stored()).filter((row) => row.teamviewer_user_id === "u7005");
    if (report === undefined) throw new Error("no report of Kenji");
    const path = `/reports/${report.id}`;
    // TeamViewer applies the change, then answers 503: the change is there, the answer lost.
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "status",
      status: 503,
      when: "after",
      times: 3,
    });
    const failed = await kenjiBrowser.submit(path, `${path}/edit`, {
      notes: "Applied, answer lost",
      billing_state: "Billed",
    });
    expect(failed.status).toBe(503);
    const html = await failed.text();
    expect(html).toContain(
      "TeamViewer did not confirm the change, so it may or may not have been saved there.",
    );
    expect(html).not.toContain("nothing was changed");
    expect(html).toContain('id="report-write-back-pending"');
    const page = await htmlOf(kenjiBrowser, path);
    expect(page.html).toContain("A change is being saved to TeamViewer");
    const [after] = (await stored()).filter((row) => row.id === report.id);
    expect(after?.notes).not.toBe("Applied, answer lost");
  });

  it("lets auditors read a report but offers and allows no change", async () => {
    const [report] = await stored();
    const path = `/reports/${report?.id}`;
    const { status, html } = await htmlOf(auditorBrowser, path);
    expect(status).toBe(200);
    expect(html).not.toContain('id="edit-report"');
    expect(html).not.toContain('id="attach-report"');
    const token = await auditorBrowser.csrfTokenFrom("/reports");
    const refused = await auditorBrowser.post(`${path}/edit`, { _csrf: token, notes: "no" });
    expect(refused.status).toBe(403);
    const unmatched = await htmlOf(auditorBrowser, "/reports/unmatched");
    expect(unmatched.html).not.toContain("/attach");
  });

  it("attaches an unmatched report to a ticket by hand, after which the ticket shows it", async () => {
    const sessionPath = await createSessionThroughPage(kenjiBrowser);
    const [report] = (await stored()).filter(
      (row) => row.teamviewer_user_id === "u7005" && row.ticket_id === null,
    );
    if (report === undefined) throw new Error("no unmatched report of Kenji");
    const unmatched = await htmlOf(kenjiBrowser, "/reports/unmatched");
    expect(rowsIn(unmatched.html)).toContain(report.id);
    expect(unmatched.html).toContain(`action="/reports/${report.id}/attach"`);

    const unknown = await kenjiBrowser.submit("/reports/unmatched", `/reports/${report.id}/attach`, {
      ticket: "0000",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("There is no ticket with this number.");
    const empty = await kenjiBrowser.submit("/reports/unmatched", `/reports/${report.id}/attach`, {
      ticket: " ",
    });
    expect(empty.status).toBe(400);

    const attached = await kenjiBrowser.submit("/reports/unmatched", `/reports/${report.id}/attach`, {
      ticket: "4711",
    });
    expect(attached.status).toBe(303);
    expect(rowsIn((await htmlOf(kenjiBrowser, "/reports/unmatched")).html)).not.toContain(report.id);

    const session = await htmlOf(kenjiBrowser, sessionPath);
    expect(session.html).toContain("Connections on this ticket");
    expect(rowsIn(session.html)).toEqual([report.id]);
    const ticketList = await htmlOf(kenjiBrowser, "/sessions?ticket=4711");
    expect(rowsIn(ticketList.html)).toEqual([report.id]);
  });

  it("saves billing rules for admins only, names bad values, and applies them to the views", async () => {
    expect((await kenjiBrowser.get("/settings/billing")).status).toBe(403);
    const invalid = await adminBrowser.submit("/settings/billing", "/settings/billing", {
      roundingIncrementMinutes: "0",
      minimumBillableMinutes: "abc",
    });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("Enter a whole number of minutes from 1 to 1440.");
    expect(invalidHtml).toContain("Enter a whole number of minutes from 0 to 1440.");
    const none = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from billing_rules`,
    );
    expect(none[0]?.n).toBe(0);

    const saved = await adminBrowser.submit("/settings/billing", "/settings/billing", {
      roundingIncrementMinutes: "15",
      minimumBillableMinutes: "30",
    });
    expect(saved.status).toBe(303);
    const page = await htmlOf(adminBrowser, "/settings/billing?notice=saved");
    expect(page.html).toContain("The billing rules are saved");
    expect(page.html).toContain("bills 30 minutes");
    expect(page.html).toContain("Records marked Billed keep the billable minutes they were billed with");
    // Records billed already keep their minutes; the rules apply to the others.
    const list = await htmlOf(adminBrowser, "/reports?billingState=Bill");
    expect(list.html).toContain("Records marked Billed keep the billable minutes they were billed with");
    // "45 min", or from an hour on "1 h 15 min" and "2 h".
    const minutes = [
      ...list.html.matchAll(/<td class="number billable">(?:(\d+) h)? ?(?:(\d+) min)?<\/td>/g),
    ].map((m) => Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0));
    expect(minutes.length).toBeGreaterThan(0);
    expect(minutes.every((value) => value >= 30 && value % 15 === 0)).toBe(true);
    const audit = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from audit_log where action = 'billing_rules.updated'`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it("downloads the filtered list as CSV with a BOM from the page's link", async () => {
    const response = await adminBrowser.get("/reports/export?billingState=Bill&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    const bills = (await stored()).filter((row) => row.billing_state === "Bill");
    expect(lines.length).toBe(bills.length + 1);
    const badFormat = await adminBrowser.get("/reports/export?format=xlsx");
    expect(badFormat.status).toBe(400);
  });

  it("draws the dashboard as accessible SVG charts with data tables for a date range", async () => {
    const all = await stored();
    const starts = all.flatMap((row) =>
      row.start_date ? [new Date(row.start_date).toISOString().slice(0, 10)] : [],
    );
    const from = [...starts].sort()[0] ?? "2026-01-01";
    const to = [...starts].sort().at(-1) ?? "2026-03-02";
    const { status, html } = await htmlOf(adminBrowser, `/reports/dashboard?from=${from}&to=${to}`);
    expect(status).toBe(200);
    for (const id of [
      "chart-per-day",
      "chart-supporter-total",
      "chart-supporter-average",
      "chart-customer-total",
    ]) {
      expect(html).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(html).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
    }
    expect(html).toContain('role="img"');
    expect(html).toContain("<summary>Show the numbers as a table</summary>");
    expect(html).not.toContain("<script");
    const perDay = /<figure class="chart" id="chart-per-day">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? "";
    const counted = [
      ...perDay.matchAll(/<th scope="row">\d{4}-\d\d-\d\d<\/th><td class="number">(\d+)<\/td>/g),
    ]
      .map((m) => Number(m[1]))
      .reduce((sum, value) => sum + value, 0);
    expect(counted).toBe(starts.length);
    expect(html).toContain(`${starts.length} connections`);
    // The total in hours and minutes, not thousands of minutes.
    expect(html).toMatch(/<p id="dashboard-summary">\d+ connections, (\d+ h( \d+ min)?|[\d.]+ min) in total/);

    const bad = await htmlOf(adminBrowser, "/reports/dashboard?from=2024-01-01&to=2026-01-01");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Choose a range of at most 366 days.");
    expect((await adminBrowser.get("/reports/dashboard")).status).toBe(200);
  });

  it("speaks German and Japanese on the report pages and charts", async () => {
    const german = await (await auditorBrowser.get("/reports/dashboard", { "accept-language": "de" })).text();
    expect(german).toContain("Verbindungen pro Tag");
    expect(german).toContain("Zahlen als Tabelle anzeigen");
    const japanese = await (await auditorBrowser.get("/reports", { "accept-language": "ja" })).text();
    expect(japanese).toContain("接続レポート");
    expect(japanese).toContain("CSV をダウンロード");
  });

  it("runs a sync pass from the list for admins only", async () => {
    const token = await kenjiBrowser.csrfTokenFrom("/reports");
    expect((await kenjiBrowser.post("/reports/sync", { _csrf: token })).status).toBe(403);
    const synced = await adminBrowser.submit("/reports", "/reports/sync", {});
    expect(synced.status).toBe(303);
    const location = synced.headers.get("location") ?? "";
    expect((await htmlOf(adminBrowser, location)).html).toContain("Sync finished:");
    const count = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(connectionReports);
    expect(count[0]?.n).toBe((await stored()).length);
  });

  it("counts the sync's outcome in proper plurals, and reads a malformed count as zero", async () => {
    const one = (await htmlOf(adminBrowser, "/reports?notice=synced&received=1&rematched=0&incomplete=1"))
      .html;
    expect(one).toContain("Sync finished: 1 record received");
    expect(one).toContain("did not finish for 1 TeamViewer account;");
    const many = (await htmlOf(adminBrowser, "/reports?notice=synced&received=3&incomplete=2")).html;
    expect(many).toContain("Sync finished: 3 records received");
    expect(many).toContain("did not finish for 2 TeamViewer accounts;");
    const malformed = (await htmlOf(adminBrowser, "/reports?notice=synced&received=lots")).html;
    expect(malformed).toContain("Sync finished: 0 records received");
    const german = await (
      await adminBrowser.get("/reports?notice=synced&received=1&incomplete=1", { "accept-language": "de" })
    ).text();
    expect(german).toContain("1 Datensatz empfangen");
    expect(german).toContain("Für 1 TeamViewer-Konto wurde");
  });
});
