/** The report tables' column picker: a form of checkboxes whose choice a cookie keeps (ADR 0048). */
import { beforeAll, describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import type { Browser } from "../../web/web-harness.js";
import { createViewsHarness } from "./views-harness.js";

const reportTableColumns = [
  "end",
  "supporter",
  "device",
  "customer",
  "duration",
  "billable",
  "billingState",
  "ticket",
];
const ticketHistoryColumns = ["notes", "sessionNote", "feedback"];

/** Posts the picker as the browser does: every offered column, and a `column` per ticked box. */
async function pickColumns(
  browser: Browser,
  options: { offered: readonly string[]; shown: readonly string[]; returnTo?: string },
): Promise<Response> {
  const form = new URLSearchParams({
    _csrf: await browser.csrfTokenFrom("/reports"),
    returnTo: options.returnTo ?? "/reports",
  });
  for (const name of options.offered) form.append("offered", name);
  for (const name of options.shown) form.append("column", name);
  return browser.request("/reports/columns", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
    body: form.toString(),
  });
}

/** The header cells of the report table on a page. */
async function headersOn(browser: Browser, path: string): Promise<string[]> {
  const html = await (await browser.get(path)).text();
  const head = /<table id="connection-reports" class="reports"><thead><tr>(.*?)<\/tr>/.exec(html)?.[1] ?? "";
  return [...head.matchAll(/<th>([^<]*)<\/th>/g)].map((match) => match[1] ?? "");
}

describe("picking the columns of the report tables", () => {
  const engine = usePgliteEngine();
  let browser: Browser;

  beforeAll(async () => {
    const h = await createViewsHarness(engine, { reports: 5 });
    const admin = await h.addUser("admin");
    await h.saveScriptToken();
    await h.syncReports();
    browser = await h.signIn(admin, "Ada Admin");
  });

  it("offers every column but the start as a ticked checkbox in a form that works without script", async () => {
    const html = await (await browser.get("/reports")).text();
    expect(html).toContain('<form method="post" action="/reports/columns">');
    expect(html).toContain('<input type="checkbox" name="column" value="device" checked=""/>');
    expect(html).not.toContain('name="column" value="start"');
    expect(html).toContain('<input type="hidden" name="returnTo" value="/reports"/>');
  });

  it("hides the unticked columns, keeps that choice on later visits and returns to the filtered list", async () => {
    const picked = await pickColumns(browser, {
      offered: reportTableColumns,
      shown: reportTableColumns.filter((name) => name !== "device" && name !== "customer"),
      returnTo: "/reports?billingState=Bill",
    });
    expect(picked.status).toBe(303);
    expect(picked.headers.get("location")).toBe("/reports?billingState=Bill");
    expect(await headersOn(browser, "/reports")).toEqual([
      "Start",
      "End",
      "Supporter",
      "Duration",
      "Billable minutes",
      "Billing state",
      "Ticket",
    ]);
    const html = await (await browser.get("/reports")).text();
    expect(html).toContain('<input type="checkbox" name="column" value="device"/>');
  });

  it("keeps every column in the downloads whatever the table shows", async () => {
    await pickColumns(browser, { offered: reportTableColumns, shown: ["end"] });
    const csv = await (await browser.get("/reports/export?format=csv")).text();
    const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0] ?? csv.split("\n")[0];
    expect(header).toContain("device");
    expect(header).toContain("billable_minutes");
  });

  it("keeps the choice made in the other table for the columns this one does not offer", async () => {
    await pickColumns(browser, {
      offered: reportTableColumns,
      shown: reportTableColumns.filter((name) => name !== "device"),
    });
    await pickColumns(browser, { offered: ticketHistoryColumns, shown: ["notes"] });
    expect(await headersOn(browser, "/reports")).not.toContain("Device");
    expect(await headersOn(browser, "/reports")).toContain("Customer");
  });

  it("answers an unknown column name with a 400 that names it, and changes nothing", async () => {
    await pickColumns(browser, { offered: reportTableColumns, shown: reportTableColumns });
    const refused = await pickColumns(browser, {
      offered: [...reportTableColumns, "salary"],
      shown: ["end", "<b>salary</b>"],
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "There is no column named salary, &lt;b&gt;salary&lt;/b&gt;. Pick columns with the checkboxes above the table.",
    );
    expect(await headersOn(browser, "/reports")).toContain("Device");
  });

  it("returns only to a page of ours", async () => {
    const picked = await pickColumns(browser, {
      offered: reportTableColumns,
      shown: reportTableColumns,
      returnTo: "//evil.example/reports",
    });
    expect(picked.headers.get("location")).toBe("/");
  });
});
