import { describe, expect, it } from "vitest";
import { call, createSession, expectApiError, SCRIPT_TOKEN, startSimulator } from "./support.js";

/** Fields of the schema the simulator keeps and returns (docs/teamviewer-api.md §3 and §4). */

describe("session fields passed through (docs/teamviewer-api.md §3)", () => {
  it("stores the SMS invitation, tv_version and customId of a create and returns them", async () => {
    const sim = startSimulator();
    const created = await createSession(sim, SCRIPT_TOKEN, {
      sms_invite_number: "+49 30 1234567",
      sms_invite_language: 1,
      tv_version: "15",
      customId: "crm-4711",
    });
    const expected = {
      sms_invite_number: "+49 30 1234567",
      sms_invite_language: 1,
      tv_version: "15",
      customId: "crm-4711",
    };
    expect(created).toMatchObject(expected);
    const fetched = await call(sim, "GET", `/api/v1/sessions/${created.code}`, { token: SCRIPT_TOKEN });
    expect(fetched.body).toMatchObject(expected);
  });

  it("changes custom_module_id and the SMS language with a PUT", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    const update = await call(sim, "PUT", `/api/v1/sessions/${session.code}`, {
      token: SCRIPT_TOKEN,
      json: { custom_module_id: "qs-module-9", sms_invite_language: 0 },
    });
    expect(update.status).toBe(204);
    const after = await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN });
    expect(after.body).toMatchObject({ custom_module_id: "qs-module-9", sms_invite_language: 0 });
  });

  it("leaves the fields out of a session that never set them", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    for (const field of ["tv_version", "customId", "custom_module_id", "sms_invite_language"]) {
      expect(session).not.toHaveProperty(field);
    }
  });

  it.each([
    ["a language that is not an integer", { sms_invite_language: "de" }],
    ["a language above 32", { sms_invite_language: 33 }],
    ["a negative language", { sms_invite_language: -1 }],
    ["a malformed number", { sms_invite_number: "call me" }],
    ["a customId that is not a string", { customId: 4711 }],
  ])("answers 400 invalid_request to a create with %s", async (_, fields) => {
    const sim = startSimulator();
    expectApiError(
      await call(sim, "POST", "/api/v1/sessions", {
        token: SCRIPT_TOKEN,
        json: { groupid: "g40211", ...fields },
      }),
      400,
      "invalid_request",
    );
  });
});

describe("session_note on connection reports (docs/teamviewer-api.md §4)", () => {
  it("writes the note the supporter typed when ending the connection into the report", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    await call(sim, "POST", `${session.end_customer_link}/join`, { form: { device_name: "ERIKA-LAPTOP" } });
    const console = await call(sim, "GET", session.supporter_link);
    expect(console.status).toBe(200);
    await call(sim, "POST", `${session.supporter_link}/connect`, { form: {} });
    const connected = await call(sim, "GET", session.supporter_link);
    expect(connected.text).toContain('name="session_note"');
    const ended = await call(sim, "POST", `${session.supporter_link}/end`, {
      form: { session_note: "  Reinstalled the mail profile  " },
    });
    expect(ended.status).toBe(303);
    const reports = await call(sim, "GET", `/api/v1/reports/connections?session_code=${session.code}`, {
      token: SCRIPT_TOKEN,
    });
    const id = reports.body.records[0].id;
    expect(reports.body.records[0].session_note).toBe("Reinstalled the mail profile");
    const one = await call(sim, "GET", `/api/v1/reports/connections/${id}`, { token: SCRIPT_TOKEN });
    expect(one.body.session_note).toBe("Reinstalled the mail profile");
  });

  it("omits session_note when the supporter wrote none, and sends null under absentFields=null", async () => {
    for (const [absentFields, expected] of [
      ["missing", undefined],
      ["null", null],
    ] as const) {
      const sim = startSimulator({ quirks: { absentFields } });
      const session = await createSession(sim, SCRIPT_TOKEN);
      sim.admin.customerJoin(session.code);
      sim.admin.supporterConnect(session.code);
      const report = sim.admin.endConnection(session.code, {});
      const one = await call(sim, "GET", `/api/v1/reports/connections/${report.id}`, { token: SCRIPT_TOKEN });
      expect(one.body.session_note).toBe(expected);
    }
  });
});
