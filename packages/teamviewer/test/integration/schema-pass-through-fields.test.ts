import { describe, expect, it } from "vitest";
import { startSimulatedTeamViewer } from "./simulated-teamviewer.js";

describe("fields of the schema against the simulator", () => {
  it("round-trips the SMS invitation, tv_version, customId and custom_module_id", async () => {
    const { client } = startSimulatedTeamViewer();

    const created = await client.sessions.create({
      groupid: "g40211",
      sms_invite_number: "+49 30 1234567",
      sms_invite_language: 1,
      tv_version: "15",
      customId: "crm-4711",
    });
    await client.sessions.update(created.code, { custom_module_id: "qs-9" });

    expect(await client.sessions.retrieve(created.code)).toMatchObject({
      sms_invite_number: "+49 30 1234567",
      sms_invite_language: 1,
      tv_version: "15",
      customId: "crm-4711",
      custom_module_id: "qs-9",
    });
  });

  it("reads the session note the supporter wrote when ending the connection", async () => {
    const { client, sim } = startSimulatedTeamViewer();
    const session = await client.sessions.create({ groupid: "g40211" });
    sim.admin.customerJoin(session.code);
    sim.admin.supporterConnect(session.code);
    const ended = sim.admin.endConnection(session.code, { sessionNote: "Reinstalled the mail profile" });

    const report = await client.reports.connections.retrieve(ended.id);

    expect(report.session_note).toBe("Reinstalled the mail profile");
  });
});
