import { parse as parseCsv } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveReportSyncOptions } from "../../../src/reports/report-sync-options.js";
import { runAccountTurn } from "../../../src/reports/run-account-turn.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import type { Browser } from "../../web/web-harness.js";
import { createSessionThroughPage } from "../session-pages/pages-harness.js";
import { createKenjiReportsWorld, type ViewsHarness } from "./views-harness.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const extraPaths = /\/(chat-transcript|ai-summary|augmented-session-summary|screenshots)$/;

/**
 * What a connection left behind (chat transcript, summaries, screenshots), fetched once per
 * report on a ticket by its sync account and shown with the ticket's history and in exports.
 */
describe("what a connection leaves behind on the ticket", () => {
  const engine = usePgliteEngine();
  let h: ViewsHarness;
  let kenjiBrowser: Browser;
  let orgKey: string;
  let chattedPath: string;
  let chattedReportId: string;
  let quietReportId: string;

  /** A session for `ticket` made on the page; its connection chats when `chat` is given. */
  async function connectionOn(ticket: string, chat?: { customer: string; supporter: string }) {
    const sessionPath = await createSessionThroughPage(kenjiBrowser, {
      externalId: ticket,
      title: `Ticket ${ticket}`,
    });
    const sessions = (await h.teamViewerSessions()) as { code: string; custom_api?: string }[];
    const code = sessions.at(0)?.code ?? "";
    h.simulator.admin.customerJoin(code, { deviceName: "ERIKA-LAPTOP" });
    h.simulator.admin.supporterConnect(code);
    if (chat) {
      h.simulator.admin.chat(code, { from: "customer", content: chat.customer });
      h.simulator.admin.chat(code, { from: "supporter", content: chat.supporter });
      h.simulator.admin.takeScreenshot(code);
    }
    h.simulator.admin.endConnection(code, { sessionNote: "Repaired the mail profile" });
    return sessionPath;
  }

  const reportIdOn = async (ticket: string) => {
    const response = await h.api("GET", `/api/v1/tickets/${ticket}/connections`, { key: orgKey });
    const { reports } = (await response.json()) as { reports: { id: string }[] };
    return reports[0]?.id ?? "";
  };
  const extrasCalls = () => h.simulator.admin.journal().filter((entry) => extraPaths.test(entry.path));

  beforeAll(async () => {
    ({ h, kenjiBrowser, orgKey } = await createKenjiReportsWorld(engine));
    chattedPath = await connectionOn("EXT-1", {
      customer: "Outlook hangs at start",
      supporter: "Starting it in safe mode",
    });
    await connectionOn("EXT-2");
    h.simulator.admin.clearJournal();
    await h.syncReports();
    chattedReportId = await reportIdOn("EXT-1");
    quietReportId = await reportIdOn("EXT-2");
  });

  it("shows the chat transcript, the summary and the screenshots under Connections on this ticket", async () => {
    const html = await (await kenjiBrowser.get(chattedPath)).text();
    expect(html).toContain("What the connection of");
    expect(html).toContain("Outlook hangs at start");
    expect(html).toContain("Starting it in safe mode");
    expect(html).toContain("exchanged 2 chat messages");
    expect(html).toContain(`href="/reports/${chattedReportId}/screenshots/`);
    // The supporter links above point at TeamViewer; the connection's history never does.
    expect(html.slice(html.indexOf('id="ticket-connections"'))).not.toContain("localhost:4010");
  });

  it("serves a screenshot's image through the service, and only screenshots TeamViewer listed", async () => {
    const html = await (await kenjiBrowser.get(`/reports/${chattedReportId}`)).text();
    const path = /href="(\/reports\/[^"]+\/screenshots\/[^"]+)"/.exec(html)?.[1] ?? "";
    const image = await kenjiBrowser.get(path);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const probe = await kenjiBrowser.get(`/reports/${chattedReportId}/screenshots/not-a-listed-id`);
    expect(probe.status).toBe(404);
    expect(await probe.text()).toContain("no such screenshot");
  });

  it("says not available for a connection without chat or screenshots, and asks TeamViewer once per report", async () => {
    const html = await (await kenjiBrowser.get(`/reports/${quietReportId}`)).text();
    const section = html.slice(html.indexOf('id="report-extras"'));
    expect(section.match(/Not available/g)).toHaveLength(3);
    expect(extrasCalls()).toHaveLength(8);
    h.simulator.admin.clearJournal();
    await h.syncReports();
    expect(extrasCalls()).toEqual([]);
  });

  it("carries them in the REST API's report JSON, the JSON Lines export and the CSV export", async () => {
    const response = await h.api("GET", `/api/v1/reports/connections/${chattedReportId}`, { key: orgKey });
    const report = (await response.json()) as { extras: Record<string, { state: string; content: unknown }> };
    expect(report.extras.chatTranscript).toMatchObject({
      state: "available",
      content: [
        { content: "Outlook hangs at start", isFromSupporter: false },
        { content: "Starting it in safe mode", isFromSupporter: true, sender: "Kenji Sato" },
      ],
    });
    expect(report.extras.screenshots?.state).toBe("available");
    const quiet = (await (
      await h.api("GET", `/api/v1/reports/connections/${quietReportId}`, { key: orgKey })
    ).json()) as {
      extras: Record<string, { state: string }>;
    };
    expect(Object.values(quiet.extras).map((extra) => extra.state)).toEqual(Array(4).fill("not_available"));

    const jsonl = await h.api("GET", "/api/v1/reports/connections/export?format=jsonl&ticket=EXT-1", {
      key: orgKey,
    });
    expect(JSON.parse((await jsonl.text()).split("\n")[0] ?? "")).toMatchObject({ extras: report.extras });
    const csv = await h.api("GET", "/api/v1/reports/connections/export?format=csv&ticket=EXT-1", {
      key: orgKey,
    });
    const [header, row] = parseCsv((await csv.text()).replace(/^\uFEFF/, "")) as string[][];
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell("chat_transcript")).toContain("Erika Mustermann: Outlook hangs at start");
    expect(cell("chat_transcript")).toContain("Kenji Sato: Starting it in safe mode");
    expect(cell("ai_summary")).toContain("exchanged 2 chat messages");
    expect(cell("screenshots")).toBe("screenshot-1.png");
  });

  it("does not ask again while the account backs off from a failed call, and stores the answer once it comes", async () => {
    await connectionOn("EXT-4", { customer: "Scanner not found", supporter: "Reinstalling the driver" });
    await h.syncReports();
    const [account] = await queryRows<{ id: string }>(
      h.database.db,
      sql`select id from report_sync_accounts`,
    );
    await h.database.db.execute(sql`delete from connection_report_extras`);
    h.simulator.admin.planFault({
      path: "/api/v1/reports/connections/*/chat-transcript",
      kind: "status",
      status: 500,
      times: 50,
    });
    h.simulator.admin.clearJournal();
    const turn = (maxPages: number) =>
      runAccountTurn(
        { ...h.deps, config: h.config },
        {
          syncAccountId: account?.id ?? "",
          holder: "backoff-test",
          options: resolveReportSyncOptions(),
          maxPages,
        },
      );

    expect(await turn(10)).toMatchObject({ failure: { kind: "backoff" } });
    const failedCalls = extrasCalls().length;
    expect(failedCalls).toBeGreaterThan(0);
    await turn(10);
    expect(extrasCalls()).toHaveLength(failedCalls);

    h.simulator.admin.clearFaults();
    h.clock.advance(10 * 60_000);
    await turn(100);
    const [stored] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from connection_report_extras where kind = 'chat_transcript' and state = 'available'`,
    );
    expect(stored?.n).toBeGreaterThan(0);
  });

  it("spends no more calls on them in a turn than the turn's budget leaves", async () => {
    await connectionOn("EXT-3", { customer: "Printer offline", supporter: "Restarting the spooler" });
    const [account] = await queryRows<{ id: string }>(
      h.database.db,
      sql`select id from report_sync_accounts`,
    );
    const options = resolveReportSyncOptions({ backfillDays: 1000 });
    await h.syncReports();
    h.simulator.admin.clearJournal();
    await h.database.db.execute(sql`delete from connection_report_extras`);

    const turn = await runAccountTurn(
      { ...h.deps, config: h.config },
      { syncAccountId: account?.id ?? "", holder: "budget-test", options, maxPages: 3, skipCodePoll: true },
    );

    expect(turn).toMatchObject({ kind: "done", pages: 0, extras: { calls: 3 } });
    expect(extrasCalls()).toHaveLength(3);
  });
});
