import { describe, expect, it } from "vitest";
import type { Simulator } from "../src/index.js";
import {
  call,
  createSession,
  expectApiError,
  SCRIPT_TOKEN,
  startSimulator,
  UUID,
  WIRE_DATE,
} from "./support.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A connection in which the supporter and the customer chatted through the apps' pages and a screenshot was taken. */
async function chattedConnection(sim: Simulator) {
  const session = await createSession(sim, SCRIPT_TOKEN, {
    description: "Outlook does not start",
    end_customer: { name: "Erika Mustermann" },
  });
  await call(sim, "POST", `${session.end_customer_link}/join`, { form: { device_name: "ERIKA-LAPTOP" } });
  await call(sim, "POST", `${session.supporter_link}/connect`, { form: {} });
  await call(sim, "POST", `${session.end_customer_link}/chat`, {
    form: { message: "Outlook hangs at start" },
  });
  await call(sim, "POST", `${session.supporter_link}/chat`, {
    form: { message: "Starting it in safe mode" },
  });
  await call(sim, "POST", `${session.supporter_link}/screenshot`, { form: {} });
  const console = await call(sim, "GET", session.supporter_link);
  expect(console.text).toContain("Outlook hangs at start");
  await call(sim, "POST", `${session.supporter_link}/end`, {
    form: { session_note: "Repaired the profile" },
  });
  const reports = await call(sim, "GET", `/api/v1/reports/connections?session_code=${session.code}`, {
    token: SCRIPT_TOKEN,
  });
  return { session, reportId: reports.body.records[0].id as string };
}

const extrasPath = (id: string, what: string) => `/api/v1/reports/connections/${id}/${what}`;

describe("what a connection leaves behind (docs/teamviewer-api.md §4)", () => {
  it("serves the chat transcript with the schema's PascalCase names, seen from the supporter", async () => {
    const sim = startSimulator();
    const { reportId } = await chattedConnection(sim);
    const answer = await call(sim, "GET", extrasPath(reportId, "chat-transcript"), { token: SCRIPT_TOKEN });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(2);
    const [fromCustomer, fromSupporter] = answer.body;
    expect(fromCustomer).toEqual({
      Sender: { TeamViewerId: expect.stringMatching(/^\d{10}$/), Name: "Erika Mustermann" },
      Recipients: [{ TeamViewerId: expect.stringMatching(/^\d{10}$/), Name: "Kenji Sato" }],
      WrittenAtTimestamp: expect.stringMatching(WIRE_DATE),
      IsOutgoing: false,
      Content: "Outlook hangs at start",
    });
    expect(fromSupporter).toMatchObject({ IsOutgoing: true, Content: "Starting it in safe mode" });
    expect(fromSupporter.Sender.Name).toBe("Kenji Sato");
  });

  it("serves the AI summary in PascalCase and the augmented session summary in camelCase", async () => {
    const sim = startSimulator();
    const { reportId } = await chattedConnection(sim);
    const ai = await call(sim, "GET", extrasPath(reportId, "ai-summary"), { token: SCRIPT_TOKEN });
    expect(Object.keys(ai.body).sort()).toEqual([
      "ApplicationLabels",
      "IssueTypeLabels",
      "Name",
      "Steps",
      "Summary",
    ]);
    expect(ai.body.Summary).toContain("Outlook hangs at start");
    expect(ai.body.Summary).toContain("Repaired the profile");
    expect(ai.body.Name).toBe("Outlook does not start");
    expect(ai.body.Steps).toEqual([
      {
        Application: "TeamViewer chat",
        Action: "Wrote to the customer",
        Commands: ["Starting it in safe mode"],
      },
    ]);
    const augmented = await call(sim, "GET", extrasPath(reportId, "augmented-session-summary"), {
      token: SCRIPT_TOKEN,
    });
    expect(augmented.body).toEqual({ summary: ai.body.Summary, title: "Outlook does not start" });
  });

  it("lists screenshots in camelCase and serves each one's image bytes", async () => {
    const sim = startSimulator();
    const { reportId } = await chattedConnection(sim);
    const list = await call(sim, "GET", extrasPath(reportId, "screenshots"), { token: SCRIPT_TOKEN });
    expect(list.body).toEqual([
      {
        screenshotId: expect.stringMatching(UUID),
        fileName: "screenshot-1.png",
        mimeType: "image/png",
        takenAt: expect.stringMatching(WIRE_DATE),
      },
    ]);
    const image = await sim.fetch(
      `http://localhost:4010/api/v1/reports/connections/${reportId}/${list.body[0].screenshotId}/screenshot`,
      { headers: { authorization: `Bearer ${SCRIPT_TOKEN}` } },
    );
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it("answers 404 for a connection without chat or screenshots, and for an unknown screenshot", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    sim.admin.customerJoin(session.code);
    sim.admin.supporterConnect(session.code);
    const quiet = sim.admin.endConnection(session.code);
    for (const what of ["chat-transcript", "ai-summary", "augmented-session-summary", "screenshots"]) {
      expectApiError(
        await call(sim, "GET", extrasPath(quiet.id, what), { token: SCRIPT_TOKEN }),
        404,
        "not_found",
      );
    }
    const { reportId } = await chattedConnection(sim);
    expectApiError(
      await call(sim, "GET", extrasPath(reportId, "5f0c2b7e-41a9-4d8e-9a55-0c8f3e2d1b77/screenshot"), {
        token: SCRIPT_TOKEN,
      }),
      404,
      "not_found",
    );
  });

  it("answers 403 to a token whose account's licence does not provide them", async () => {
    const sim = startSimulator();
    const { reportId } = await chattedConnection(sim);
    const basic = sim.admin.createAccount({
      name: "Basic Bea",
      email: "bea@contoso.example",
      company: "Contoso Helpdesk",
      license: { connectionExtras: false },
    });
    const { token } = sim.admin.createScriptToken({
      ownerUserid: basic.userid,
      scope: "company",
      permissions: ["connection_reporting"],
    });
    expect((await call(sim, "GET", `/api/v1/reports/connections/${reportId}`, { token })).status).toBe(200);
    for (const what of ["chat-transcript", "ai-summary", "augmented-session-summary", "screenshots"]) {
      expectApiError(
        await call(sim, "GET", extrasPath(reportId, what), { token }),
        403,
        "invalid_permission",
      );
    }
  });

  it("keeps the chat from the admin surface too, and refuses chat without a connection", async () => {
    const sim = startSimulator();
    const session = await createSession(sim, SCRIPT_TOKEN);
    sim.admin.customerJoin(session.code);
    expect(() => sim.admin.chat(session.code, { from: "customer", content: "Hello?" })).toThrow(
      /running connection/,
    );
    sim.admin.supporterConnect(session.code);
    sim.admin.chat(session.code, { from: "customer", content: "Hello?" });
    const report = sim.admin.endConnection(session.code);
    const answer = await call(sim, "GET", extrasPath(report.id, "chat-transcript"), { token: SCRIPT_TOKEN });
    expect(answer.body.map((line: { Content: string }) => line.Content)).toEqual(["Hello?"]);
  });
});
