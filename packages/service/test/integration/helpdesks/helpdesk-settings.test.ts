/**
 * The admins' helpdesk connection form, with no helpdesk running: bad input gets a message that
 * names the field and stores nothing; the token is stored sealed, never shown and never audited;
 * a helpdesk that cannot be reached never stops the settings from being saved.
 * The checks against a real Request Tracker are in test/helpdesk/.
 */
import { beforeAll, expect, it } from "vitest";
import { findFreePort } from "../../../../../scripts/support/free-port.js";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { findHelpdeskConnection } from "../../../src/db/repositories/helpdesk-connections.js";
import { helpdeskConnections } from "../../../src/db/schema.js";
import { describeEachEngine } from "../../support/engines.js";
import { createHarness, pageText } from "../teamviewer/harness.js";

const unreachable = {
  kind: "request-tracker",
  baseUrl: "",
  token: "1-7-SecretHelpdeskToken0001",
  sessionField: "TeamViewer session",
  noteLocale: "de",
  writesSessionField: "on",
  writesConnectionNotes: "on",
};
let closedPortUrl = "";

beforeAll(async () => {
  // A loopback port that was free a moment ago: nothing answers there.
  closedPortUrl = `http://127.0.0.1:${await findFreePort()}`;
  unreachable.baseUrl = `${closedPortUrl}/`;
});

describeEachEngine("helpdesk connection settings", (engine) => {
  it("saves while the helpdesk cannot be reached, says why, and seals the token without ever showing or auditing it", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const saved = await h.post("/settings/helpdesk", admin, unreachable);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/settings/helpdesk?notice=saved#check");

    expect(await findHelpdeskConnection(h.database.db, h.vault, h.organisationId)).toMatchObject({
      kind: "request-tracker",
      baseUrl: closedPortUrl,
      token: unreachable.token,
      lastCheckProblems: [{ kind: "unreachable", detail: "ECONNREFUSED" }],
      noteLocale: "de",
      writesSessionField: true,
      writesSessionNotes: false,
      writesConnectionNotes: true,
    });
    expect(JSON.stringify(await h.database.db.select().from(helpdeskConnections))).not.toContain(
      unreachable.token,
    );

    const html = await (await h.get("/settings/helpdesk?notice=saved", admin)).text();
    expect(html).toContain(`value="${closedPortUrl}"`);
    expect(html).not.toContain(unreachable.token);
    const page = await pageText(new Response(html));
    expect(page).toContain("Saved.");
    expect(page).toContain("The helpdesk cannot be reached (ECONNREFUSED)");

    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toContain("helpdesk_connection.saved");
    expect(JSON.stringify(events)).not.toContain(unreachable.token);
  });

  it("keeps the stored token when the field is left empty and replaces it when one is typed", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    await h.post("/settings/helpdesk", admin, unreachable);
    await h.post("/settings/helpdesk", admin, { ...unreachable, token: "", sessionField: "Remote session" });
    expect(await findHelpdeskConnection(h.database.db, h.vault, h.organisationId)).toMatchObject({
      token: unreachable.token,
      sessionField: "Remote session",
    });
    await h.post("/settings/helpdesk", admin, { ...unreachable, token: "1-8-AnotherToken" });
    expect((await findHelpdeskConnection(h.database.db, h.vault, h.organisationId))?.token).toBe(
      "1-8-AnotherToken",
    );
  });

  it("offers the invitation's public reply switched off, and keeps it on once an admin ticks it", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const replySwitch = async () =>
      /<input[^>]*name="writesInvitationReplies"[^>]*>/.exec(
        await (await h.get("/settings/helpdesk", admin)).text(),
      )?.[0];
    expect(await replySwitch()).toBeDefined();
    expect(await replySwitch()).not.toContain("checked");
    await h.post("/settings/helpdesk", admin, unreachable);
    expect(
      (await findHelpdeskConnection(h.database.db, h.vault, h.organisationId))?.writesInvitationReplies,
    ).toBe(false);

    await h.post("/settings/helpdesk", admin, { ...unreachable, writesInvitationReplies: "on" });
    expect(
      (await findHelpdeskConnection(h.database.db, h.vault, h.organisationId))?.writesInvitationReplies,
    ).toBe(true);
    expect(await replySwitch()).toContain("checked");
    expect(await pageText(await h.get("/settings/helpdesk", admin))).toContain(
      "A public reply to the requester with only the join page",
    );
  });

  it.each([
    ["an unknown helpdesk kind", { kind: "zendesk" }, "Choose a helpdesk from the list."],
    ["a missing address", { baseUrl: "" }, "This field is required"],
    [
      "an address that is not a URL",
      { baseUrl: "rt.example.com" },
      "Enter a web address starting with https://",
    ],
    ["an ftp address", { baseUrl: "ftp://rt.example.com" }, "Enter a web address starting with https://"],
    ["a user name in the address", { baseUrl: "https://root:pw@rt.example.com" }, "without a user name"],
    ["a query in the address", { baseUrl: "https://rt.example.com/?x=1" }, "without a user name"],
    [
      "plain http to another machine",
      { baseUrl: "http://rt.example.com" },
      "Use https: the token would travel",
    ],
    ["a missing token while none is stored", { token: "" }, "This field is required"],
    ["a token with a space", { token: "1-7 Secret Token" }, "The token is one word"],
    ["a field name with a line break", { sessionField: "TeamViewer\nsession" }, "no line breaks"],
    ["a missing field name", { sessionField: "" }, "This field is required"],
    ["a note language we do not write", { noteLocale: "fr" }, "Choose a language from the list."],
  ])("refuses %s with a message naming what to fix, storing nothing", async (_case, change, message) => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const answer = await h.post("/settings/helpdesk", admin, { ...unreachable, ...change });
    expect(answer.status).toBe(422);
    const page = await pageText(answer);
    expect(page).toContain("Nothing was saved");
    expect(page).toContain(message);
    expect(page).not.toContain(unreachable.token);
    expect(await h.database.db.select().from(helpdeskConnections)).toEqual([]);
  });

  it("checks the stored connection again on request and removes it, auditing the removal", async () => {
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    await h.post("/settings/helpdesk", admin, unreachable);
    const firstCheck = (await findHelpdeskConnection(h.database.db, h.vault, h.organisationId))
      ?.lastCheckedAt;
    h.clock.advance(60_000);
    const tested = await h.post("/settings/helpdesk/test", admin);
    expect(tested.headers.get("location")).toBe("/settings/helpdesk#check");
    const secondCheck = (await findHelpdeskConnection(h.database.db, h.vault, h.organisationId))
      ?.lastCheckedAt;
    expect(secondCheck?.getTime()).toBe((firstCheck?.getTime() ?? 0) + 60_000);

    const removed = await h.post("/settings/helpdesk/remove", admin);
    expect(removed.headers.get("location")).toBe("/settings/helpdesk?notice=removed");
    expect(await h.database.db.select().from(helpdeskConnections)).toEqual([]);
    expect(await pageText(await h.get("/settings/helpdesk", admin))).toContain("No helpdesk is connected.");
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.map((event) => event.action)).toContain("helpdesk_connection.removed");
  });
});
