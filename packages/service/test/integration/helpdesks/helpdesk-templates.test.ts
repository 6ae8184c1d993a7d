/**
 * The admins' wording of helpdesk notes and the invitation's reply on /settings/helpdesk: bad
 * templates are refused with a message naming what to fix and the admin's text kept, nothing
 * stored; a preview stores nothing; reset goes back to the built-in wording. That a write uses
 * the saved wording is proven against a real RT in test/helpdesk/invitation-reply.test.ts.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { createHarness, pageText } from "../teamviewer/harness.js";

const storedTemplates = (h: Awaited<ReturnType<typeof createHarness>>) =>
  queryRows<{ event: string; locale: string; subject: string; body: string }>(
    h.database.db,
    sql`select event, locale, subject, body from helpdesk_templates`,
  );

describe("the wording of helpdesk notes and the reply", () => {
  const engine = usePgliteEngine();

  it.each([
    [
      "a placeholder the reply does not offer",
      "invitation.sent/en",
      { subject: "Your session {code}", body: "Open {joinUrl} and type {code}" },
      "Unknown placeholder {code}: use only {joinUrl}.",
    ],
    [
      "a reply without the join address",
      "invitation.sent/de",
      { subject: "Ihre Sitzung", body: "Bis gleich, Ihr Support" },
      "Add {joinUrl}: without it the text is missing what it is for.",
    ],
    [
      "a follow-up note without its changes",
      "connection.updated/en",
      { subject: "{code} changed", body: "Something changed on {start}" },
      "Add {changes}",
    ],
    [
      "a misspelt placeholder in a session note",
      "session.created/en",
      { subject: "Session {code} opened", body: "Opened by {suporter}" },
      "Unknown placeholder {suporter}: use only {code}, {supporter}, {validUntil}.",
    ],
    [
      "a subject with a line break",
      "session.closed/ja",
      { subject: "セッション\n終了", body: "{code} を終了しました" },
      "The subject is one line: remove the line break.",
    ],
    [
      "an empty text",
      "connection.reported/en",
      { subject: "Connection {code}", body: "   " },
      "Enter a text.",
    ],
  ])(
    "refuses %s with a message naming it, keeping the admin's text and storing nothing",
    async (_case, key, template, message) => {
      const h = await createHarness(engine);
      const admin = await h.signIn("admin");
      const answer = await h.post(`/settings/helpdesk/templates/${key}`, admin, {
        ...template,
        action: "save",
      });
      expect(answer.status).toBe(422);
      const html = await answer.text();
      expect(await pageText(new Response(html))).toContain(message);
      expect(html).toContain(template.subject.split("\n")[0] ?? "");
      if (template.body.trim() !== "") expect(html).toContain(template.body);
      expect(await storedTemplates(h)).toEqual([]);
    },
  );

  it("answers 404 for an event or language write-back does not have", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    expect((await h.get("/settings/helpdesk/templates/session.customer_online/en", admin)).status).toBe(404);
    expect((await h.get("/settings/helpdesk/templates/invitation.sent/fr", admin)).status).toBe(404);
    const posted = await h.post("/settings/helpdesk/templates/webhook.test/en", admin, {
      subject: "x",
      body: "{joinUrl}",
      action: "save",
    });
    expect(posted.status).toBe(404);
    expect(await storedTemplates(h)).toEqual([]);
  });

  it("previews with sample values without storing, saves, shows it as the organisation's own, and resets to the built-in wording, audited", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const path = "/settings/helpdesk/templates/invitation.sent/en";
    const builtIn = await pageText(await h.get(path, admin));
    expect(builtIn).toContain("To join the remote support session, open this page:");
    expect(builtIn).toContain("http://localhost:3000/join/EXAMPLE-EXAMPLE-EXAMPLE");

    const preview = await h.post(path, admin, {
      subject: "Remote help",
      body: "Hello! Please open {joinUrl} now.",
      action: "preview",
    });
    expect(preview.status).toBe(200);
    expect(await pageText(preview)).toContain(
      "Hello! Please open http://localhost:3000/join/EXAMPLE-EXAMPLE-EXAMPLE now.",
    );
    expect(await storedTemplates(h)).toEqual([]);

    const saved = await h.post(path, admin, {
      subject: "Remote help",
      body: "Hello! Please open {joinUrl} now.",
      action: "save",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${path}?notice=saved`);
    expect(await storedTemplates(h)).toEqual([
      {
        event: "invitation.sent",
        locale: "en",
        subject: "Remote help",
        body: "Hello! Please open {joinUrl} now.",
      },
    ]);
    const overview = await (await h.get("/settings/helpdesk", admin)).text();
    expect(overview).toMatch(new RegExp(`<a href="${path}">Own wording</a>`));
    expect(overview).toMatch(/<a href="\/settings\/helpdesk\/templates\/invitation.sent\/de">Built-in<\/a>/);

    const reset = await h.post(`${path}/reset`, admin);
    expect(reset.headers.get("location")).toBe(`${path}?notice=reset`);
    expect(await storedTemplates(h)).toEqual([]);
    expect(await pageText(await h.get(path, admin))).toContain(
      "To join the remote support session, open this page:",
    );
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["helpdesk_template.updated", "helpdesk_template.reset"]),
    );

    const supporter = await h.signIn("supporter");
    expect((await h.get(path, supporter)).status).toBe(403);
  });
});
