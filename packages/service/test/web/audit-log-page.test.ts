import { describe, expect, it } from "vitest";
import { auditActions, recordAuditEvent } from "../../src/audit/audit-events.js";
import { updateUser } from "../../src/db/repositories/users.js";
import { isMessageKey } from "../../src/i18n/index.js";
import { useWebHarnesses, type WebHarness } from "./web-harness.js";

async function seedEvents(harness: WebHarness, count: number) {
  for (let index = 0; index < count; index++) {
    await recordAuditEvent(harness, {
      organisationId: harness.organisation.id,
      actor: { label: "system" },
      action: index % 2 === 0 ? "teamviewer.connected" : "teamviewer.disconnected",
      details: { index },
    });
    harness.clock.advance(60 * 60_000);
  }
}

describe("audit log page", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("filters by action and pages through older entries", async () => {
    const harness = await harnesses.create();
    await harness.addUser("auditor");
    await seedEvents(harness, 120);
    const browser = harness.browser();
    await browser.signIn("auditor@example.com");
    const first = await (await browser.get("/audit?action=teamviewer.connected")).text();
    expect(first).not.toContain("teamviewer.disconnected</code>");
    expect(first.match(/<code>teamviewer\.connected<\/code>/g)).toHaveLength(50);
    const next = /href="\/audit\?([^"]+)">Older entries/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toContain("before=");
    const second = await (await browser.get(`/audit?${next}`)).text();
    expect(second.match(/<code>teamviewer\.connected<\/code>/g)).toHaveLength(10);
    expect(second).not.toContain("Older entries");
  });

  it("shows each entry as a sentence in the reader's language, the raw entry in a details element", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    await updateUser(harness.db, admin.id, { displayName: "Kenji Sato" }, harness.clock.now());
    await recordAuditEvent(harness, {
      organisationId: harness.organisation.id,
      actor: { userId: admin.id, label: admin.email },
      action: "support_session.created",
      target: { type: "support_session", id: "0b0e0c4e-0000-4000-8000-000000000001" },
      details: { sessionCode: "s123-456-789", ticket: "4711", correlationId: "c-1" },
    });
    // An entry whose details lack what its sentence names (written before they were recorded).
    await recordAuditEvent(harness, {
      organisationId: harness.organisation.id,
      actor: { label: "system" },
      action: "support_session.closed",
      details: {},
    });
    const browser = harness.browser();
    await browser.signIn(admin.email);
    const sentences = async (language: string) =>
      (await browser.get("/audit", { "accept-language": language })).text();

    const english = await sentences("en");
    expect(english).toContain("Kenji Sato created session s123-456-789 for ticket 4711");
    expect(english).toContain("system: support_session.closed");
    expect(english).toMatch(
      /<details class="audit-raw"><summary>Raw entry<\/summary>.*<code>support_session\.created<\/code>.*&quot;correlationId&quot;:&quot;c-1&quot;/s,
    );
    expect(await sentences("de")).toContain(
      "Kenji Sato hat die Sitzung s123-456-789 für Ticket 4711 angelegt",
    );
    expect(await sentences("ja")).toContain(
      "Kenji Sato がチケット 4711 のセッション s123-456-789 を作成しました",
    );
  });

  it("has a sentence for every audit action", () => {
    const missing = auditActions.filter((action) => !isMessageKey(`audit.sentence.${action}`));
    expect(missing).toEqual([]);
  });

  it("filters by date (UTC days, both inclusive)", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    await seedEvents(harness, 48);
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const html = await (
      await browser.get("/audit?from=2030-01-02&to=2030-01-02&action=teamviewer.connected")
    ).text();
    expect(html.match(/<code>teamviewer\.connected<\/code>/g)).toHaveLength(12);
  });

  it("downloads the filtered log as JSON lines", async () => {
    const harness = await harnesses.create();
    await harness.addUser("auditor");
    await seedEvents(harness, 6);
    const browser = harness.browser();
    await browser.signIn("auditor@example.com");
    const response = await browser.get("/audit/export?action=teamviewer.disconnected");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines.every((event) => event.action === "teamviewer.disconnected")).toBe(true);
  });

  it.each([
    ["an unknown action", "action=nope", "action"],
    ["a malformed date", "from=31.01.2030", "from"],
    ["an actor that is not a user id", "actor=12", "actor"],
  ])("rejects %s with 422 and the message at the filter", async (_, query, field) => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const response = await browser.get(`/audit?${query}`);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`id="${field}-error"`);
    expect((await browser.get(`/audit/export?${query}`)).status).toBe(422);
  });
});
