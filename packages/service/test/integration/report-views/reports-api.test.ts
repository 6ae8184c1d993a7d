import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertTicket } from "../../../src/db/repositories/tickets.js";
import type { User } from "../../../src/db/repositories/users.js";
import { updateBillingRules } from "../../../src/reports/organisation-billing-rules.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { nonCamelCaseKeysOf } from "../../support/wire-names.js";
import { createViewsHarness, type ViewsHarness } from "./views-harness.js";

interface ReportJson {
  id: string;
  teamViewerReportId: string;
  supporter: { teamViewerUserId: string | null };
  group: { id: string | null };
  durationSeconds: number | null;
  billableMinutes: number | null;
  billingState: string | null;
  notes: string | null;
  ticket: { externalId: string; title: string } | null;
  startDate: string | null;
  writeBackPending: { since: string; notes: string | null; billingState: string | null } | null;
}

interface Problem {
  status: number;
  code?: string;
  detail?: string;
  errors?: { in: string; field: string }[];
}

describe("the connection reports REST API", () => {
  const engine = usePgliteEngine();
  let h: ViewsHarness;
  let admin: User;
  let kenji: User;
  let orgKey: string;
  let kenjiKey: string;
  let readOnlyKey: string;
  let sessionsKey: string;
  let total: number;

  beforeAll(async () => {
    h = await createViewsHarness(engine, { reports: 60 });
    admin = await h.addUser("admin");
    kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await h.saveScriptToken();
    await h.syncReports();
    orgKey = await h.createKey(null, ["reports:read", "reports:write"]);
    kenjiKey = await h.createKey(kenji, ["reports:read", "reports:write"]);
    readOnlyKey = await h.createKey(null, ["reports:read"]);
    sessionsKey = await h.createKey(null, ["sessions:read"]);
    const [row] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from connection_reports`,
    );
    total = row?.n ?? 0;
  });

  const getJson = async <T>(path: string, key = orgKey) => {
    const response = await h.api("GET", path, { key });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** Every report of a listing, following `nextCursor`. */
  async function listAll(query: string, key = orgKey): Promise<ReportJson[]> {
    const reports: ReportJson[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const path: string = `/api/v1/reports/connections?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const pageOf: { status: number; body: { reports: ReportJson[]; nextCursor: string | null } } =
        await getJson(path, key);
      const { status, body } = pageOf;
      expect(status).toBe(200);
      reports.push(...body.reports);
      cursor = body.nextCursor;
      if (cursor === null) return reports;
    }
    throw new Error("too many pages");
  }

  async function firstReport(): Promise<ReportJson> {
    const { body } = await getJson<{ reports: ReportJson[] }>("/api/v1/reports/connections?limit=1");
    const [report] = body.reports;
    if (report === undefined) throw new Error("no report");
    return report;
  }

  it("pages through every synced report exactly once with camelCase fields and billable minutes", async () => {
    expect(total).toBeGreaterThan(20);
    const reports = await listAll("limit=7");
    expect(reports).toHaveLength(total);
    expect(new Set(reports.map((report) => report.id)).size).toBe(total);
    const timed = reports.find((report) => report.durationSeconds !== null);
    expect(timed).toMatchObject({ teamViewerReportId: expect.any(String), supporter: expect.any(Object) });
    expect(timed?.billableMinutes).toBe(Math.ceil((timed?.durationSeconds ?? 0) / 60));
    expect(nonCamelCaseKeysOf(reports)).toEqual([]);
    const first = await getJson<{ nextCursor: string | null; reports: unknown[] }>(
      "/api/v1/reports/connections",
    );
    expect(first.body.reports.length).toBe(Math.min(50, total));
  });

  it("applies the organisation's billing rules to billable minutes", async () => {
    await updateBillingRules(h.deps, {
      actor: h.actorOf(admin),
      rules: { roundingIncrementMinutes: 15, minimumBillableMinutes: 30 },
    });
    try {
      const reports = await listAll("limit=200");
      const following = reports.filter(
        (item) => item.durationSeconds !== null && item.billingState !== "Billed",
      );
      expect(following.length).toBeGreaterThan(0);
      for (const report of following) {
        const quarters = Math.ceil((report.durationSeconds ?? 0) / 900) * 15;
        expect(report.billableMinutes).toBe(Math.max(30, quarters));
      }
    } finally {
      await updateBillingRules(h.deps, {
        actor: h.actorOf(admin),
        rules: { roundingIncrementMinutes: 1, minimumBillableMinutes: 0 },
      });
    }
  });

  it("never changes the billable minutes of Billed records when the rules change; the others follow the rules", async () => {
    const reports = await listAll("limit=200");
    const timed = reports.filter((item) => item.durationSeconds !== null && item.durationSeconds % 900 !== 0);
    const billedAtTeamViewer = timed.find((item) => item.billingState === "Billed");
    const [markedHere, unbilledLater] = timed.filter((item) => item.billingState !== "Billed");
    if (billedAtTeamViewer === undefined || markedHere === undefined || unbilledLater === undefined) {
      throw new Error("the simulated reports lack a timed Billed record or two others");
    }
    const minutesNow = (report: ReportJson) => Math.ceil((report.durationSeconds ?? 0) / 60);
    const patch = (report: ReportJson, billingState: string) =>
      h.api("PATCH", `/api/v1/reports/connections/${report.id}`, { key: orgKey, json: { billingState } });
    expect((await patch(markedHere, "Billed")).status).toBe(200);
    expect((await patch(unbilledLater, "Billed")).status).toBe(200);
    await updateBillingRules(h.deps, {
      actor: h.actorOf(admin),
      rules: { roundingIncrementMinutes: 15, minimumBillableMinutes: 30 },
    });
    try {
      expect((await patch(unbilledLater, "Bill")).status).toBe(200);
      const after = new Map((await listAll("limit=200")).map((report) => [report.id, report]));
      expect(after.get(billedAtTeamViewer.id)?.billableMinutes).toBe(minutesNow(billedAtTeamViewer));
      expect(after.get(markedHere.id)?.billableMinutes).toBe(minutesNow(markedHere));
      const underNewRules = Math.max(30, Math.ceil((unbilledLater.durationSeconds ?? 0) / 900) * 15);
      expect(after.get(unbilledLater.id)?.billableMinutes).toBe(underNewRules);
    } finally {
      await updateBillingRules(h.deps, {
        actor: h.actorOf(admin),
        rules: { roundingIncrementMinutes: 1, minimumBillableMinutes: 0 },
      });
      await patch(markedHere, markedHere.billingState ?? "Bill");
      await patch(unbilledLater, unbilledLater.billingState ?? "Bill");
    }
  });

  it("filters by supporter, group, billing state, match and start range", async () => {
    const all = await listAll("limit=200");
    const bySupporter = await listAll(`supporter=${kenji.id}&limit=200`);
    expect(bySupporter.length).toBe(all.filter((r) => r.supporter.teamViewerUserId === "u7005").length);
    expect(bySupporter.length).toBeGreaterThan(0);
    const helpdesk = await listAll("group=g40211&limit=200");
    expect(helpdesk.every((r) => r.group.id === "g40211")).toBe(true);
    expect(helpdesk.length).toBe(all.filter((r) => r.group.id === "g40211").length);
    const billed = await listAll("billingState=Billed&limit=200");
    expect(billed.length).toBe(all.filter((r) => r.billingState === "Billed").length);
    expect(await listAll("matched=true")).toEqual([]);
    expect((await listAll("matched=false&limit=200")).length).toBe(total);
    const starts = all.flatMap((r) => (r.startDate ? [r.startDate] : [])).sort();
    const middle = starts[Math.floor(starts.length / 2)] ?? "";
    const later = await listAll(`from=${encodeURIComponent(middle)}&limit=200`);
    expect(later.length).toBe(starts.filter((start) => start >= middle).length);
    const day = middle.slice(0, 10);
    const thatDay = await listAll(`from=${day}&to=${day}&limit=200`);
    expect(thatDay.length).toBe(starts.filter((start) => start.startsWith(day)).length);
    expect(await listAll("supporter=00000000-0000-4000-8000-000000000000")).toEqual([]);
    expect(await listAll("ticket=no-such-ticket")).toEqual([]);
  });

  it("shows a key acting for a supporter only that supporter's connections, and others' as not found", async () => {
    const own = await listAll("limit=200", kenjiKey);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.supporter.teamViewerUserId === "u7005")).toBe(true);
    const all = await listAll("limit=200");
    const foreign = all.find((r) => r.supporter.teamViewerUserId !== "u7005");
    if (foreign === undefined) throw new Error("no foreign report");
    const response = await getJson<Problem>(`/api/v1/reports/connections/${foreign.id}`, kenjiKey);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe("report-not-found");
    const mine = await getJson<ReportJson>(`/api/v1/reports/connections/${own[0]?.id}`, kenjiKey);
    expect(mine.status).toBe(200);
  });

  it("answers bad query values with 400 problem+json naming each field", async () => {
    const cases: [string, string][] = [
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["billingState=Paid", "billingState"],
      ["billing_state=Bill", "billing_state"],
      ["matched=maybe", "matched"],
      ["from=yesterday", "from"],
      ["to=2026-13-45", "to"],
      ["from=2026-03-05&to=2026-03-01", "to"],
      ["cursor=not-a-cursor", "cursor"],
      ["supporter=kenji", "supporter"],
    ];
    for (const [query, field] of cases) {
      const response = await h.api("GET", `/api/v1/reports/connections?${query}`, { key: orgKey });
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const problem = (await response.json()) as Problem;
      expect(
        problem.errors?.map((error) => error.field),
        query,
      ).toContain(field);
    }
    const badFormat = await h.api("GET", "/api/v1/reports/connections/export?format=xlsx", { key: orgKey });
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as Problem).errors?.map((error) => error.field)).toContain("format");
    expect((await h.api("GET", "/api/v1/reports/connections/not-a-uuid", { key: orgKey })).status).toBe(400);
  });

  it("requires reports:read to read and reports:write to change", async () => {
    expect((await h.api("GET", "/api/v1/reports/connections", { key: sessionsKey })).status).toBe(403);
    expect(
      (await h.api("GET", "/api/v1/reports/connections/export?format=csv", { key: sessionsKey })).status,
    ).toBe(403);
    expect((await h.api("GET", "/api/v1/tickets/4711/connections", { key: sessionsKey })).status).toBe(403);
    const report = await firstReport();
    const patch = await h.api("PATCH", `/api/v1/reports/connections/${report.id}`, {
      key: readOnlyKey,
      json: { notes: "x" },
    });
    expect(patch.status).toBe(403);
    expect((await h.api("GET", "/api/v1/reports/connections")).status).toBe(401);
  });

  it("writes notes and billing state back to TeamViewer, and shows a change whose answer was lost as being saved", async () => {
    const report = await firstReport();
    const path = `/api/v1/reports/connections/${report.id}`;
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "status",
      status: 500,
      times: 3,
    });
    const failed = await h.api("PATCH", path, { key: orgKey, json: { notes: "Remote fix" } });
    expect(failed.status).toBe(503);
    const problem = (await failed.json()) as Problem;
    expect(problem.code).toBe("write-back-unconfirmed");
    expect(problem.detail).toContain("may or may not have been saved");
    const pending = (await getJson<ReportJson>(path)).body;
    expect(pending.notes).toBe(report.notes);
    expect(pending.writeBackPending).toMatchObject({ notes: "Remote fix", billingState: null });

    const changed = await h.api("PATCH", path, {
      key: orgKey,
      json: { notes: "Remote fix — 再起動", billingState: "DoNotBill" },
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ notes: "Remote fix — 再起動", billingState: "DoNotBill" });
    const demo = h.simulator.demo();
    const remote = await h.simulator.fetch(
      `${demo.apiBaseUrl}/reports/connections/${report.teamViewerReportId}`,
      {
        headers: { authorization: `Bearer ${demo.scriptToken}` },
      },
    );
    expect(await remote.json()).toMatchObject({ notes: "Remote fix — 再起動", billing_state: "DoNotBill" });
    expect((await getJson<ReportJson>(path)).body.writeBackPending).toBeNull();
  });

  it("answers 409 write-back-pending to a change while another is being saved", async () => {
    const report = await firstReport();
    const path = `/api/v1/reports/connections/${report.id}`;
    h.simulator.admin.planFault({
      method: "PUT",
      path: "/api/v1/reports/connections/*",
      kind: "delay",
      delayMs: 500,
    });
    const first = h.api("PATCH", path, { key: orgKey, json: { notes: "first" } });
    while ((await getJson<ReportJson>(path)).body.writeBackPending === null) await delay(5);
    const second = await h.api("PATCH", path, { key: orgKey, json: { notes: "second" } });
    expect(second.status).toBe(409);
    const problem = (await second.json()) as Problem;
    expect(problem.code).toBe("write-back-pending");
    expect(problem.detail).toContain("still being saved");
    expect((await first).status).toBe(200);
    expect((await getJson<ReportJson>(path)).body).toMatchObject({ notes: "first", writeBackPending: null });
  });

  it("refuses empty, unknown and invalid changes with 400 naming the field", async () => {
    const report = await firstReport();
    const path = `/api/v1/reports/connections/${report.id}`;
    for (const [json, field] of [
      [{ billingState: "Paid" }, "billingState"],
      [{ notes: "x".repeat(4001) }, "notes"],
      [{ notes: "x", colour: "red" }, "colour"],
      // Read-only: what is being saved is the service's to say.
      [{ notes: "x", writeBackPending: null }, "writeBackPending"],
    ] as const) {
      const response = await h.api("PATCH", path, { key: orgKey, json });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors?.map((error) => error.field)).toContain(field);
    }
    const empty = await h.api("PATCH", path, { key: orgKey, json: {} });
    expect(empty.status).toBe(400);
    const attach = await h.api("POST", `${path}/attach`, { key: orgKey, json: {} });
    expect(attach.status).toBe(400);
    expect(((await attach.json()) as Problem).errors?.map((error) => error.field)).toContain("ticket");
  });

  it("attaches a report to a ticket by hand and lists it in the ticket's connection history", async () => {
    await upsertTicket(
      h.database.db,
      {
        organisationId: h.organisationId,
        externalId: "4711",
        title: "Outlook does not start",
        url: null,
        requesterName: null,
        requesterEmail: null,
      },
      h.clock.now(),
    );
    const report = await firstReport();
    const attachPath = `/api/v1/reports/connections/${report.id}/attach`;
    const unknown = await h.api("POST", attachPath, { key: orgKey, json: { ticket: "9999" } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Problem).code).toBe("ticket-not-found");

    const attached = await h.api("POST", attachPath, { key: orgKey, json: { ticket: "4711" } });
    expect(attached.status).toBe(200);
    expect(await attached.json()).toMatchObject({
      ticket: { externalId: "4711", title: "Outlook does not start" },
      match: { by: "manual" },
    });
    const history = await getJson<{ reports: ReportJson[] }>("/api/v1/tickets/4711/connections");
    expect(history.status).toBe(200);
    expect(history.body.reports.map((item) => item.id)).toEqual([report.id]);
    expect((await listAll("ticket=4711")).map((item) => item.id)).toEqual([report.id]);
    expect((await getJson<Problem>("/api/v1/tickets/9999/connections")).status).toBe(404);
    // Kenji did not make that connection (or it is his): his history shows only his own.
    const kenjiHistory = await getJson<{ reports: ReportJson[] }>(
      "/api/v1/tickets/4711/connections",
      kenjiKey,
    );
    expect(kenjiHistory.body.reports.every((item) => item.supporter.teamViewerUserId === "u7005")).toBe(true);
  });

  it("streams the filtered export as CSV with a BOM or as JSON Lines, as an attachment", async () => {
    const response = await h.api("GET", "/api/v1/reports/connections/export?format=csv&billingState=Bill", {
      key: orgKey,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="connection-reports-.+\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    const bills = await listAll("billingState=Bill&limit=200");
    expect(lines.length).toBe(bills.length + 1);
    expect(lines[0]).toContain("billable_minutes");

    const jsonl = await h.api("GET", "/api/v1/reports/connections/export?format=jsonl", { key: orgKey });
    expect(jsonl.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const rows = (await jsonl.text())
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReportJson);
    expect(rows).toHaveLength(total);
    expect(rows[0]).toHaveProperty("billableMinutes");
    // JSON Lines records are the API's report JSON; only the CSV headings are snake_case.
    expect(nonCamelCaseKeysOf(rows)).toEqual([]);

    // A supporter's key exports only that supporter's connections.
    const own = await h.api("GET", "/api/v1/reports/connections/export?format=jsonl", { key: kenjiKey });
    const ownRows = (await own.text())
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ReportJson);
    expect(ownRows.length).toBe((await listAll("limit=200", kenjiKey)).length);
    expect(ownRows.every((row) => row.supporter.teamViewerUserId === "u7005")).toBe(true);

    // Exports carry billing data: each is audited with its format and filters.
    const audited = await queryRows<{ details: { format: string; filters: Record<string, string> } }>(
      h.database.db,
      sql`select details from audit_log where action = 'connection_reports.exported' order by id`,
    );
    expect(audited.map((row) => row.details)).toEqual([
      { format: "csv", filters: { billingState: "Bill" } },
      { format: "jsonl", filters: {} },
      { format: "jsonl", filters: {} },
    ]);
  });

  it("describes every report route in the OpenAPI document", async () => {
    const response = await h.api("GET", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths["/api/v1/reports/connections"] ?? {})).toContain("get");
    expect(Object.keys(document.paths["/api/v1/reports/connections/export"] ?? {})).toContain("get");
    expect(Object.keys(document.paths["/api/v1/reports/connections/{id}"] ?? {}).sort()).toEqual([
      "get",
      "patch",
    ]);
    expect(Object.keys(document.paths["/api/v1/reports/connections/{id}/attach"] ?? {})).toContain("post");
    expect(Object.keys(document.paths["/api/v1/tickets/{externalId}/connections"] ?? {})).toContain("get");
  });
});
