import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../src/audit/audit-events.js";
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
