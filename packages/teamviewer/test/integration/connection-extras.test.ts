import { startSimulatorServer } from "@attendant/simulator";
import { describe, expect, it } from "vitest";
import { NotFoundError, PermissionDeniedError, TeamViewerClient } from "../../src/index.js";
import { START, startSimulatedTeamViewer } from "./simulated-teamviewer.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("what a connection leaves behind, against the simulator", () => {
  async function chattedReport() {
    const simulated = startSimulatedTeamViewer();
    const { client, sim } = simulated;
    const session = await client.sessions.create({
      groupid: "g40211",
      description: "Outlook does not start",
    });
    sim.admin.customerJoin(session.code);
    sim.admin.supporterConnect(session.code);
    sim.admin.chat(session.code, { from: "customer", content: "Outlook hangs" });
    sim.admin.chat(session.code, { from: "supporter", content: "Trying safe mode" });
    sim.admin.takeScreenshot(session.code);
    const report = sim.admin.endConnection(session.code, { sessionNote: "Repaired the profile" });
    return { ...simulated, reportId: report.id };
  }

  it("reads the chat transcript and both summaries with their PascalCase and camelCase names", async () => {
    const { client, reportId } = await chattedReport();
    const extras = client.reports.connectionExtras;

    const transcript = await extras.chatTranscript(reportId);
    const summary = await extras.aiSummary(reportId);
    const augmented = await extras.augmentedSessionSummary(reportId);

    expect(transcript.map((message) => [message.IsOutgoing, message.Content])).toEqual([
      [false, "Outlook hangs"],
      [true, "Trying safe mode"],
    ]);
    expect(transcript[1]?.Sender?.Name).toBe("Kenji Sato");
    expect(summary.Summary).toContain("Repaired the profile");
    expect(summary.Name).toBe("Outlook does not start");
    expect(augmented).toEqual({ summary: summary.Summary, title: "Outlook does not start" });
  });

  it("lists screenshots and fetches one's image as bytes with its content type", async () => {
    const { client, reportId } = await chattedReport();
    const [shot] = await client.reports.connectionExtras.screenshots(reportId);
    if (shot === undefined) throw new Error("no screenshot listed");

    const image = await client.reports.connectionExtras.screenshot(reportId, shot.screenshotId);

    expect(shot).toMatchObject({ fileName: "screenshot-1.png", mimeType: "image/png" });
    expect(image.contentType).toBe("image/png");
    expect([...image.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it("fails with NotFoundError for a connection without them and PermissionDeniedError for a licence without them", async () => {
    const { client, clientWith, sim, reportId } = await chattedReport();
    const session = await client.sessions.create({ groupid: "g40211" });
    sim.admin.customerJoin(session.code);
    sim.admin.supporterConnect(session.code);
    const quiet = sim.admin.endConnection(session.code);
    await expect(client.reports.connectionExtras.chatTranscript(quiet.id)).rejects.toThrow(NotFoundError);
    await expect(client.reports.connectionExtras.screenshots(quiet.id)).rejects.toThrow(NotFoundError);

    const basic = sim.admin.createAccount({
      name: "Basic Bea",
      email: "bea@contoso.example",
      company: "Contoso Helpdesk",
      license: { connectionExtras: false },
    });
    const { token } = sim.admin.createScriptToken({ ownerUserid: basic.userid, scope: "company" });
    const basicClient = clientWith({ accessToken: token });
    await expect(basicClient.reports.connectionExtras.aiSummary(reportId)).rejects.toThrow(
      PermissionDeniedError,
    );
  });

  it("reads a screenshot's bytes over Node's own HTTP, whole and unchanged", async () => {
    const server = await startSimulatorServer({ port: 0, clock: START });
    try {
      const { simulator } = server;
      const client = new TeamViewerClient({
        accessToken: simulator.demo().scriptToken,
        baseUrl: `${server.url}/api/v1`,
        allowInsecureRequests: true,
      });
      const session = await client.sessions.create({ groupid: "g40211" });
      simulator.admin.customerJoin(session.code);
      simulator.admin.supporterConnect(session.code);
      simulator.admin.takeScreenshot(session.code);
      const report = simulator.admin.endConnection(session.code);
      const [shot] = await client.reports.connectionExtras.screenshots(report.id);

      const image = await client.reports.connectionExtras.screenshot(report.id, shot?.screenshotId ?? "");

      const direct = await fetch(
        `${server.url}/api/v1/reports/connections/${report.id}/${shot?.screenshotId}/screenshot`,
        {
          headers: { authorization: `Bearer ${simulator.demo().scriptToken}` },
        },
      );
      expect(Buffer.from(image.bytes).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
      // Its own memory: a pooled Buffer's `.buffer` would carry other requests' bytes along.
      expect(image.bytes.buffer.byteLength).toBe(image.bytes.byteLength);
      expect([...image.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    } finally {
      await server.close();
    }
  });
});
