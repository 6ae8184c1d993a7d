import { describe, expect, it } from "vitest";
import { UnexpectedResponseError } from "../src/index.js";
import { FakeTeamViewer, json } from "./support/fake-teamviewer.js";
import { createTestClient, reportFixture, sessionFixture } from "./support/test-client.js";

/** Three pages of connection reports chained through `offset_id`/`next_offset`; the last has no count. */
function fakeWithThreeReportPages(): FakeTeamViewer {
  const pages: Record<string, unknown> = {
    first: { records: [reportFixture("r1"), reportFixture("r2")], records_remaining: 3, next_offset: "r2" },
    r2: { records: [reportFixture("r3"), reportFixture("r4")], records_remaining: 1, next_offset: "r4" },
    r4: { records: [reportFixture("r5")] },
  };
  return new FakeTeamViewer().on("GET", "/reports/connections", (request) => {
    const offsetId = new URL(request.url).searchParams.get("offset_id") ?? "first";
    return json(pages[offsetId]);
  });
}

describe("paging", () => {
  it("walks every connection report across several pages with for await", async () => {
    const fake = fakeWithThreeReportPages();
    const { client } = createTestClient(fake);

    const ids: string[] = [];
    for await (const report of client.reports.connections.list({ has_code: true })) ids.push(report.id);

    expect(ids).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    const queries = fake.requests.map((request) => request.query);
    expect(queries.map((query) => query.get("offset_id"))).toEqual([null, "r2", "r4"]);
    expect(queries.map((query) => query.get("has_code"))).toEqual(["true", "true", "true"]);
  });

  it("gives one page with its next offset and remaining count when awaited", async () => {
    const fake = fakeWithThreeReportPages();
    const { client } = createTestClient(fake);

    const page = await client.reports.connections.list();

    expect(page.items.map((report) => report.id)).toEqual(["r1", "r2"]);
    expect(page.nextOffset).toBe("r2");
    expect(page.remaining).toBe(3);
    expect(fake.requests).toHaveLength(1);
  });

  it("yields pages with their cursors so a sync can commit one cursor per page", async () => {
    const { client } = createTestClient(fakeWithThreeReportPages());

    const pages = [];
    for await (const page of client.reports.connections.list().pages()) pages.push(page);

    expect(pages.map((page) => page.nextOffset)).toEqual(["r2", "r4", null]);
    expect(pages.map((page) => page.remaining)).toEqual([3, 1, null]);
  });

  it("requests the first page only once when it is awaited and then iterated", async () => {
    const fake = fakeWithThreeReportPages();
    const { client } = createTestClient(fake);
    const list = client.reports.connections.list();

    await list;
    const ids: string[] = [];
    for await (const report of list) ids.push(report.id);

    expect(ids).toHaveLength(5);
    expect(fake.requests).toHaveLength(3);
  });

  it("sends nothing until the list is awaited or iterated", () => {
    const fake = fakeWithThreeReportPages();
    const { client } = createTestClient(fake);

    client.reports.connections.list();

    expect(fake.requests).toHaveLength(0);
  });

  it("stops instead of looping when TeamViewer repeats a cursor", async () => {
    const page = { records: [reportFixture("r1")], next_offset: "r1" };
    const { client } = createTestClient(
      new FakeTeamViewer().on("GET", "/reports/connections", () => json(page)),
    );

    const walk = async () => {
      for await (const _ of client.reports.connections.list()) {
        // walking is the point
      }
    };

    await expect(walk()).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it("lists sessions without full_list as summaries and pages them through offset", async () => {
    const fake = new FakeTeamViewer().on(
      "GET",
      "/sessions",
      () =>
        json({
          sessions: [{ code: "s100-000-001", state: "Open", groupid: "g1" }],
          next_offset: "s100-000-001",
          sessions_remaining: 1,
        }),
      () => json({ sessions: [{ code: "s100-000-002", state: "Closed", groupid: "g1" }] }),
    );
    const { client } = createTestClient(fake);

    const codes: string[] = [];
    for await (const session of client.sessions.list({ state: ["open", "closed"] })) codes.push(session.code);

    expect(codes).toEqual(["s100-000-001", "s100-000-002"]);
    expect(fake.requests.map((request) => request.query.get("offset"))).toEqual([null, "s100-000-001"]);
    expect(fake.requests[0]?.query.has("full_list")).toBe(false);
    expect(fake.requests[0]?.query.get("state")).toBe("open,closed");
  });

  it("lists full sessions with full_list=true", async () => {
    const fake = new FakeTeamViewer().on("GET", "/sessions", () => json({ sessions: [sessionFixture()] }));
    const { client } = createTestClient(fake);

    const page = await client.sessions.list({ full_list: true });

    expect(fake.requests[0]?.query.get("full_list")).toBe("true");
    expect(page.items[0]?.end_customer_link).toBe("https://get.teamviewer.com/v15/s271604113");
    expect(page.nextOffset).toBeNull();
  });

  it("treats a list answer without its array as an empty page", async () => {
    const { client } = createTestClient(new FakeTeamViewer().on("GET", "/sessions", () => json({})));

    const page = await client.sessions.list();

    expect(page.items).toEqual([]);
    expect(page.nextOffset).toBeNull();
  });

  it("makes unpaged lists (groups, users) awaitable and iterable too", async () => {
    const fake = new FakeTeamViewer()
      .on("GET", "/groups", () =>
        json({
          groups: [
            { id: "g1", name: "Helpdesk" },
            { id: "g2", name: "Help" },
          ],
        }),
      )
      .on("GET", "/users", () =>
        json({ users: [{ id: "u7005", name: "Kenji Sato", email: "kenji@example.com" }] }),
      );
    const { client } = createTestClient(fake);

    const groupIds: string[] = [];
    for await (const group of client.groups.list({ name: "Help", shared: false })) groupIds.push(group.id);
    const users = await client.users.list({ full_list: true });

    expect(groupIds).toEqual(["g1", "g2"]);
    expect(users.items[0]?.email).toBe("kenji@example.com");
    expect(fake.requestsTo("GET", "/groups")[0]?.query.toString()).toBe("name=Help&shared=false");
    expect(fake.requestsTo("GET", "/users")[0]?.query.get("full_list")).toBe("true");
  });
});
