import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  sampleSessionForm,
} from "../session-pages/pages-harness.js";
import { sampleTicket } from "./session-harness.js";

/** What TeamViewer (the simulator) was asked to send by SMS, by session code. */
async function smsFieldsAtTeamViewer(h: Awaited<ReturnType<typeof createPagesHarness>>) {
  const sessions = (await h.teamViewerSessions()) as Record<string, unknown>[];
  return sessions.map((session) => ({
    sms_invite_number: session.sms_invite_number,
    sms_invite_language: session.sms_invite_language,
  }));
}

describe("SMS invitations through TeamViewer", () => {
  const engine = usePgliteEngine();

  it("sends the API's smsInviteNumber to TeamViewer as sms_invite_number, without a guessed language", async () => {
    const h = await createPagesHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const key = await h.createKey(kenji);
    const response = await h.api("POST", "/api/v1/sessions", {
      key,
      json: { ticket: sampleTicket, group: { name: "Helpdesk" }, smsInviteNumber: "+4915123456789" },
    });
    expect(response.status).toBe(201);
    expect(await smsFieldsAtTeamViewer(h)).toEqual([
      { sms_invite_number: "+4915123456789", sms_invite_language: undefined },
    ]);
  });

  it.each([
    ["no country code", "015123456789"],
    ["letters", "+49 call me"],
    ["spaces", "+49 151 23456789"],
    ["more than 15 digits", "+4915123456789012"],
    ["a country code starting with 0", "+0015123456789"],
    ["a number instead of a string", 4915123456789],
  ])(
    "refuses an smsInviteNumber with %s with a 400 naming the field, creating nothing",
    async (_, number) => {
      const h = await createPagesHarness(engine);
      const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
      const key = await h.createKey(kenji);
      const response = await h.api("POST", "/api/v1/sessions", {
        key,
        json: { ticket: sampleTicket, group: { name: "Helpdesk" }, smsInviteNumber: number },
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { errors: { in: string; field: string; message: string }[] };
      expect(problem.errors).toEqual([expect.objectContaining({ in: "body", field: "smsInviteNumber" })]);
      if (typeof number === "string") expect(problem.errors[0]?.message).toContain("E.164");
      expect(await h.teamViewerSessions()).toEqual([]);
    },
  );

  it("sends the number typed on the New session form, digit groups removed, and says so on the session page", async () => {
    const h = await createPagesHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(kenji);
    const form = await (await browser.get("/sessions/new")).text();
    expect(form).toContain('type="tel"');
    const response = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      smsInviteNumber: " +49 151-2345/6789 ",
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toContain("notice=created-sms");
    expect(await (await browser.get(location)).text()).toContain(
      "TeamViewer texts the customer the link to join.",
    );
    expect(await smsFieldsAtTeamViewer(h)).toEqual([
      { sms_invite_number: "+4915123456789", sms_invite_language: undefined },
    ]);
  });

  it("sends no SMS number when the form's field is left empty", async () => {
    const h = await createPagesHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    await createSessionThroughPage(await h.signIn(kenji), { smsInviteNumber: "  " });
    expect(await smsFieldsAtTeamViewer(h)).toEqual([
      { sms_invite_number: undefined, sms_invite_language: undefined },
    ]);
  });

  it("shows a number without country code at its field with a 422, keeping what was typed and creating nothing", async () => {
    const h = await createPagesHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(kenji);
    const response = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      smsInviteNumber: "0151 23456789",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Enter the mobile number in international form");
    expect(html).toContain('value="0151 23456789"');
    expect(html).toContain('value="Outlook does not start"');
    expect(await h.teamViewerSessions()).toEqual([]);
  });
});
