import { describe, expect, it } from "vitest";
import { DEMO, type Simulator } from "../src/index.js";
import { call, createSession, SCRIPT_TOKEN, startSimulator } from "./support.js";

/** What a file would hold: the snapshot through JSON, as the demo saves it. */
function resumed(sim: Simulator, options: Parameters<typeof startSimulator>[0] = {}): Simulator {
  const snapshot = JSON.parse(JSON.stringify(sim.snapshot()));
  return startSimulator({ seed: 99, snapshot, ...options });
}

describe("snapshots", () => {
  it("a resumed simulator knows the earlier sessions, tokens, reports and connection extras", async () => {
    const sim = startSimulator({ seed: 7, historicalReports: 50 });
    const { accessToken, refreshToken } = sim.admin.issueUserToken({
      clientId: DEMO.app.clientId,
      userid: "u7005",
    });
    const session = await createSession(sim, accessToken, { description: "Printer" });
    await call(sim, "POST", `${session.end_customer_link}/join`, { form: { device_name: "ERIKA-PC" } });
    await call(sim, "POST", `${session.supporter_link}/connect`, { form: {} });
    await call(sim, "POST", `${session.end_customer_link}/chat`, { form: { message: "It jams" } });
    await call(sim, "POST", `${session.supporter_link}/end`, { form: {} });
    const seeded = await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN });
    const [edited, deleted] = seeded.body.records.filter((record: { session_code?: string }) => {
      return record.session_code !== session.code;
    });
    await call(sim, "PUT", `/api/v1/reports/connections/${edited.id}`, {
      token: SCRIPT_TOKEN,
      json: { notes: "Checked" },
    });
    await call(sim, "DELETE", `/api/v1/reports/connections/${deleted.id}`, { token: SCRIPT_TOKEN });
    const before = await call(sim, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN });

    const again = resumed(sim);

    const read = await call(again, "GET", `/api/v1/sessions/${session.code}`, { token: accessToken });
    expect(read.status).toBe(200);
    expect(read.body.description).toBe("Printer");
    const handedOver = await call(again, "PUT", `/api/v1/sessions/${session.code}`, {
      token: accessToken,
      json: { assigned_userid: "u7006" },
    });
    expect(handedOver.status).toBe(204);
    expect((await call(again, "GET", "/api/v1/reports/connections", { token: SCRIPT_TOKEN })).body).toEqual(
      before.body,
    );
    const live = before.body.records.find((record: { session_code?: string }) => {
      return record.session_code === session.code;
    });
    const transcript = await call(again, "GET", `/api/v1/reports/connections/${live.id}/chat-transcript`, {
      token: SCRIPT_TOKEN,
    });
    expect(JSON.stringify(transcript.body)).toContain("It jams");
    const refreshed = await call(again, "POST", "/api/v1/oauth2/token", {
      form: {
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: DEMO.app.clientId,
        client_secret: DEMO.app.clientSecret,
      },
    });
    expect(refreshed.status).toBe(200);
  });

  it("a resumed simulator invents no token or session code it had already issued", async () => {
    const sim = startSimulator({ seed: 7 });
    const first = sim.admin.issueUserToken({ clientId: DEMO.app.clientId, userid: "u7005" });
    const again = resumed(sim);
    const next = again.admin.issueUserToken({ clientId: DEMO.app.clientId, userid: "u7005" });
    const fresh = startSimulator({ seed: 7 });
    fresh.admin.issueUserToken({ clientId: DEMO.app.clientId, userid: "u7005" });
    // The resumed sequence continues where the saved one stopped, like a simulator that never stopped.
    expect(next.accessToken).not.toBe(first.accessToken);
    expect(next.accessToken).toBe(
      fresh.admin.issueUserToken({ clientId: DEMO.app.clientId, userid: "u7005" }).accessToken,
    );
  });

  it("gives the resumed demo app the redirect URI of the service's current address", () => {
    const sim = startSimulator({ demoRedirectUri: "http://localhost:3000/teamviewer/callback" });
    const again = resumed(sim, { demoRedirectUri: "http://localhost:3999/teamviewer/callback" });
    expect(again.demo().redirectUri).toBe("http://localhost:3999/teamviewer/callback");
  });

  it("refuses a snapshot of another version", () => {
    const snapshot = { ...startSimulator().snapshot(), version: 2 };
    expect(() => startSimulator({ snapshot: snapshot as never })).toThrow(/version 1/);
  });

  it("calls afterRequest once each request has been answered", async () => {
    let calls = 0;
    const sim = startSimulator({ afterRequest: () => calls++ });
    await call(sim, "GET", "/api/v1/ping", { token: SCRIPT_TOKEN });
    await call(sim, "GET", "/__sim/demo");
    expect(calls).toBe(2);
  });
});
