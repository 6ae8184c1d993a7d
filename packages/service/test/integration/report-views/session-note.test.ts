import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import type { Browser } from "../../web/web-harness.js";
import { createSessionThroughPage } from "../session-pages/pages-harness.js";
import { createKenjiReportsWorld, type ViewsHarness } from "./views-harness.js";

/**
 * The supporter's session note (TeamViewer's `session_note`), written in the simulated supporter
 * console when ending the connection, on every surface that shows a connection report.
 */
describe("the supporter's session note", () => {
  const engine = usePgliteEngine();
  const note = 'Reinstalled the mail profile, then "Repair" in Outlook';
  let h: ViewsHarness;
  let kenjiBrowser: Browser;
  let sessionPath: string;
  let reportId: string;
  let orgKey: string;

  beforeAll(async () => {
    ({ h, kenjiBrowser, orgKey } = await createKenjiReportsWorld(engine));
    sessionPath = await createSessionThroughPage(kenjiBrowser, { externalId: "NOTE-1" });
    const [session] = await h.teamViewerSessions();
    if (session === undefined) throw new Error("no session at TeamViewer");
    const { links } = h.simulator.admin.customerJoin(session.code, { deviceName: "ERIKA-LAPTOP" });
    h.simulator.admin.supporterConnect(session.code);
    // The supporter console's own form, as a supporter ends the connection in the simulator.
    const ended = await h.simulator.fetch(`${links.supporter_link}/end`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ session_note: note }).toString(),
      redirect: "manual",
    });
    expect(ended.status).toBe(303);
    await h.syncReports();
    const ticket = await h.api("GET", "/api/v1/tickets/NOTE-1/connections", { key: orgKey });
    const { reports } = (await ticket.json()) as { reports: { id: string }[] };
    reportId = reports[0]?.id ?? "";
  });

  it("shows it under Connections on this ticket and on the report's page", async () => {
    const session = await (await kenjiBrowser.get(sessionPath)).text();
    expect(session).toContain("Supporter&#39;s session note");
    expect(session).toContain("Reinstalled the mail profile");
    const report = await (await kenjiBrowser.get(`/reports/${reportId}`)).text();
    expect(report).toMatch(/id="report-session-note"[^>]*>\s*Reinstalled the mail profile/);
  });

  it("returns it as sessionNote in the REST API's report JSON, described in the OpenAPI document", async () => {
    const response = await h.api("GET", `/api/v1/reports/connections/${reportId}`, { key: orgKey });
    expect(await response.json()).toMatchObject({ sessionNote: note });
    const openapi = (await (await h.api("GET", "/api/v1/openapi.json")).json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const schema = openapi.components.schemas.ConnectionReport;
    expect(schema?.properties).toHaveProperty("sessionNote");
    expect(schema?.required).toContain("sessionNote");
  });

  it("exports it as the CSV column session_note, after the older columns, and as sessionNote in JSON Lines", async () => {
    const csv = await h.api("GET", "/api/v1/reports/connections/export?format=csv&ticket=NOTE-1", {
      key: orgKey,
    });
    const [header, row] = parseCsv((await csv.text()).replace(/^\uFEFF/, "")) as string[][];
    const column = header?.indexOf("session_note") ?? -1;
    expect(column).toBeGreaterThan(header?.indexOf("matched_by") ?? Number.POSITIVE_INFINITY);
    expect(row?.[column]).toBe(note);
    const jsonl = await h.api("GET", "/api/v1/reports/connections/export?format=jsonl&ticket=NOTE-1", {
      key: orgKey,
    });
    const [line] = (await jsonl.text()).split("\n");
    expect(JSON.parse(line ?? "")).toMatchObject({ sessionNote: note });
  });
});
