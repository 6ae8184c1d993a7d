import { describe, expect, it } from "vitest";
import { call, createSession, SCRIPT_TOKEN, startSimulator, UUID } from "./support.js";

const form = { "content-type": "application/x-www-form-urlencoded" };

describe("the simulated apps (docs/teamviewer-api.md §7)", () => {
  it("walks QuickSupport and the supporter console to a connection report", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN, {
      assigned_userid: "u7006",
      custom_api: "attendant:42",
      end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
    });
    const quickSupport = await call(sim, "GET", session.end_customer_link);
    expect(quickSupport.text).toContain("QuickSupport");
    expect(quickSupport.text).not.toContain(session.supporter_link.slice(-12));

    const joined = await call(sim, "POST", `${session.end_customer_link}/join`, {
      form: { device_name: "ERIKA-LAPTOP" },
    });
    expect(joined.status).toBe(303);
    const online = await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN });
    expect(online.body.online).toBe(true);

    const console = await call(sim, "GET", session.supporter_link);
    expect(console.text).toContain("ERIKA-LAPTOP");
    sim.admin.advanceClock(60_000);
    expect((await call(sim, "POST", `${session.supporter_link}/connect`, { headers: form })).status).toBe(
      303,
    );
    sim.admin.advanceClock(26 * 60_000);
    expect((await call(sim, "POST", `${session.supporter_link}/end`, { headers: form })).status).toBe(303);

    const offline = await call(sim, "GET", `/api/v1/sessions/${session.code}`, { token: SCRIPT_TOKEN });
    expect(offline.body.online).toBe(false);
    const reports = await call(sim, "GET", `/api/v1/reports/connections?session_code=${session.code}`, {
      token: SCRIPT_TOKEN,
    });
    expect(reports.body.records).toHaveLength(1);
    const report = reports.body.records[0];
    expect(report.id).toMatch(UUID);
    expect(report.deviceid).toMatch(/^\d{10}$/);
    expect(report).toMatchObject({
      userid: "u7006",
      username: "Ana Lima",
      devicename: "ERIKA-LAPTOP",
      groupid: "g40211",
      groupname: "Helpdesk",
      support_session_type: 2,
      start_date: "2026-03-02T09:01:00Z",
      end_date: "2026-03-02T09:27:00Z",
      session_code: session.code,
      session_created_at: "2026-03-02T09:00:00Z",
      valid_until: "2026-03-03T09:00:00Z",
      assigned_userid: "u7006",
      custom_api: "attendant:42",
      end_customer: { name: "Erika Mustermann", email: "erika@example.org" },
    });
    expect(report).not.toHaveProperty("feedback");

    const rating = await call(sim, "GET", session.end_customer_link);
    expect(rating.text).toContain("How did it go?");
    await call(sim, "POST", `${session.end_customer_link}/feedback`, {
      form: { session_rating: "4", user_comment: "Quick" },
    });
    const rated = await call(sim, "GET", `/api/v1/reports/connections/${report.id}`, { token: SCRIPT_TOKEN });
    expect(rated.body.feedback).toEqual({ session_rating: 4, user_comment: "Quick" });
  });

  it("opens the WebClient link as the supporter console and returns to it", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    sim.admin.customerJoin(session.code);
    const link = String(session.webclient_supporter_link);
    const page = await call(sim, "GET", link);
    expect(page.status).toBe(200);
    expect(page.text).toContain("supporter console");
    const token = new URL(link).searchParams.get("servicequeuetoken");
    const connected = await call(sim, "POST", `${session.supporter_link}/connect`, {
      form: { return_to: "webclient" },
    });
    expect(connected.headers.get("location")).toContain(`/Connect/IndexByol?sessioncode=`);
    expect(connected.headers.get("location")).toContain(`servicequeuetoken=${token}`);
  });

  it("refuses a supporter link with a wrong queue token and customer actions on it", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    const wrong = `${session.end_customer_link}-AAAAAAAAAAAA`;
    expect((await call(sim, "GET", wrong)).status).toBe(404);
    expect((await call(sim, "POST", `${wrong}/connect`, { headers: form })).status).toBe(404);
    const webclient = String(session.webclient_supporter_link).replace(
      /servicequeuetoken=\w+/,
      "servicequeuetoken=x",
    );
    expect((await call(sim, "GET", webclient)).status).toBe(404);
    expect((await call(sim, "POST", `${session.end_customer_link}/connect`, { headers: form })).status).toBe(
      409,
    );
  });

  it("does not connect before the customer joins, nor let anyone join a closed session", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    const early = await call(sim, "POST", `${session.supporter_link}/connect`, { headers: form });
    expect(early.status).toBe(409);
    expect(early.text).toContain("has not joined");
    await call(sim, "PUT", `/api/v1/sessions/${session.code}`, {
      token: SCRIPT_TOKEN,
      json: { state: "closed" },
    });
    expect((await call(sim, "POST", `${session.end_customer_link}/join`, { form: {} })).status).toBe(409);
  });

  it("drives the same transitions through the admin operations, feedback included", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    expect(
      sim.admin.customerJoin(session.code, { deviceName: "DESK-1", deviceId: "1234567890" }),
    ).toMatchObject({
      isCustomerWaiting: true,
      isSupporterConnected: false,
    });
    expect(sim.admin.supporterConnect(session.code).isSupporterConnected).toBe(true);
    const report = sim.admin.endConnection(session.code, {
      feedback: { session_rating: 5, user_comment: "Great" },
    });
    expect(report).toMatchObject({
      deviceid: "1234567890",
      devicename: "DESK-1",
      feedback: { session_rating: 5 },
    });
    expect(sim.admin.session(session.code)).toMatchObject({
      isCustomerWaiting: false,
      lastReportId: report.id,
    });
    expect(() => sim.admin.endConnection(session.code)).toThrow("no connection");
    expect(() => sim.admin.submitFeedback(session.code, { session_rating: 9 })).toThrow("1 to 5");
  });

  it("closing a session ends its running connection and writes the report", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    sim.admin.customerJoin(session.code);
    sim.admin.supporterConnect(session.code);
    await call(sim, "PUT", `/api/v1/sessions/${session.code}`, {
      token: SCRIPT_TOKEN,
      json: { state: "closed" },
    });
    const reports = await call(sim, "GET", `/api/v1/reports/connections?session_code=${session.code}`, {
      token: SCRIPT_TOKEN,
    });
    expect(reports.body.records).toHaveLength(1);
  });
});
