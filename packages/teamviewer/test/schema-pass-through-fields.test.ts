import { describe, expect, it } from "vitest";
import { FakeTeamViewer, json } from "./support/fake-teamviewer.js";
import { createTestClient, reportFixture, sessionFixture } from "./support/test-client.js";

describe("fields of the schema the client keeps (docs/teamviewer-api.md §3, §4)", () => {
  it("keeps a report's session_note, and reads a missing, null or non-string one as absent", async () => {
    const fake = new FakeTeamViewer()
      .on("GET", "/reports/connections/r1", () =>
        json(reportFixture("r1", { session_note: "Reset the VPN" })),
      )
      .on("GET", "/reports/connections/r2", () => json(reportFixture("r2", { session_note: null })))
      .on("GET", "/reports/connections/r3", () => json(reportFixture("r3", { session_note: 7 })))
      .on("GET", "/reports/connections/r4", () => json(reportFixture("r4")));
    const { client } = createTestClient(fake);

    expect((await client.reports.connections.retrieve("r1")).session_note).toBe("Reset the VPN");
    expect((await client.reports.connections.retrieve("r2")).session_note).toBeNull();
    expect((await client.reports.connections.retrieve("r3")).session_note).toBeNull();
    expect(await client.reports.connections.retrieve("r4")).not.toHaveProperty("session_note");
  });

  it("keeps a session's tv_version, customId, custom_module_id and SMS fields, missing or null alike", async () => {
    const fields = {
      tv_version: "15.52",
      customId: 4711,
      custom_module_id: "qs-9",
      sms_invite_number: "+49 30 1234567",
      sms_invite_language: 1,
    };
    const fake = new FakeTeamViewer()
      .on("GET", "/sessions/s1", () => json(sessionFixture({ code: "s1", ...fields })))
      .on("GET", "/sessions/s2", () =>
        json(sessionFixture({ code: "s2", tv_version: null, customId: null, sms_invite_language: null })),
      );
    const { client } = createTestClient(fake);

    expect(await client.sessions.retrieve("s1")).toMatchObject(fields);
    const bare = await client.sessions.retrieve("s2");
    expect(bare).toMatchObject({ tv_version: null, customId: null, sms_invite_language: null });
    expect(bare).not.toHaveProperty("custom_module_id");
  });

  it("sends the SMS invitation, tv_version and customId on create as given", async () => {
    const fake = new FakeTeamViewer().on("POST", "/sessions", () => json(sessionFixture()));
    const { client } = createTestClient(fake);

    await client.sessions.create({
      groupid: "g40211",
      sms_invite_number: "+4930 1234567",
      sms_invite_language: 2,
      tv_version: "15",
      customId: "crm-4711",
    });

    expect(JSON.parse(fake.requests[0]?.bodyText ?? "")).toEqual({
      groupid: "g40211",
      sms_invite_number: "+4930 1234567",
      sms_invite_language: 2,
      tv_version: "15",
      customId: "crm-4711",
    });
  });
});
