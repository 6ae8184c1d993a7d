import { describe, expect, it } from "vitest";
import { listAuditEvents } from "../../../src/audit/audit-events.js";
import { updateUser } from "../../../src/db/repositories/users.js";
import {
  deleteIntegration,
  updateIntegration,
} from "../../../src/embedding/manage-embedding-integrations.js";
import { createApp } from "../../../src/http/create-app.js";
import { createSupportSession } from "../../../src/sessions/create-support-session.js";
import { usePgliteEngine } from "../../support/engines.js";
import { sampleTicket } from "../sessions/session-harness.js";
import { createEmbedHarness, hostOrigin, tokenOf } from "./embed-harness.js";

const engine = usePgliteEngine();

const frameAncestorsOf = (response: Response) =>
  /frame-ancestors ([^;]+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("opening the ticket widget from a signed assertion", () => {
  it("answers a good assertion with a 303 to the widget, the token only in the fragment", async () => {
    const h = await createEmbedHarness(engine);
    const response = await h.open(await h.sign({ claims: { theme: "dark", lang: "ja" } }));
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(new RegExp(`^/embed/widget/${h.integrationId}#token=[A-Za-z0-9_-]{43}$`));
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");

    const seen = await (await h.probe(tokenOf(response))).json();
    expect(seen).toEqual({
      role: "admin",
      email: h.admin.email,
      embed: {
        integrationId: h.integrationId,
        ticket: {
          externalId: "4711",
          title: "Outlook does not start",
          url: "https://helpdesk.example/tickets/4711",
          requesterName: "Erika Mustermann",
          requesterEmail: "erika@example.org",
        },
        theme: "dark",
        locale: "ja",
      },
    });
    const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
    expect(events.find((event) => event.action === "embed_session.opened")).toMatchObject({
      actor: { userId: h.admin.id, label: h.admin.email },
      details: { integrationId: h.integrationId, integrationName: "Request Tracker", ticket: "4711" },
    });
  });

  it("takes the assertion as a form field posted from the helpdesk's own origin, without a CSRF token", async () => {
    const h = await createEmbedHarness(engine);
    const response = await h.api("POST", "/embed/ticket", {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: hostOrigin,
        "sec-fetch-site": "cross-site",
      },
      body: new URLSearchParams({ assertion: await h.sign() }).toString(),
    });
    expect(response.status).toBe(303);
    expect((await h.probe(tokenOf(response))).status).toBe(200);
  });

  it("maps the agent's e-mail case-insensitively", async () => {
    const h = await createEmbedHarness(engine);
    const response = await h.open(await h.sign({ agentEmail: h.admin.email.toUpperCase() }));
    expect(response.status).toBe(303);
  });

  describe("refusals", () => {
    type Case = [
      string,
      string,
      number,
      (h: Awaited<ReturnType<typeof createEmbedHarness>>) => Promise<string | undefined>,
    ];
    const cases: Case[] = [
      ["a missing assertion", "missing-assertion", 400, async () => undefined],
      ["a garbled assertion", "garbled-assertion", 400, async () => "not.a.token"],
      [
        "an unknown integration",
        "unknown-integration",
        404,
        async (h) => h.sign({ claims: { iss: "00000000-0000-4000-8000-000000000000" } }),
      ],
      [
        "a wrong signature",
        "bad-signature",
        403,
        async (h) => h.sign({ secret: "another secret, not this integration's" }),
      ],
      ["an expired assertion", "expired", 403, async (h) => h.sign({ issuedAtOffset: -400 })],
      ["an assertion from the future", "not-yet-valid", 403, async (h) => h.sign({ issuedAtOffset: 120 })],
      [
        "an assertion with a claim too long",
        "invalid-claims",
        400,
        async (h) => h.sign({ claims: { ticket: { id: "1", title: "x".repeat(501) } } }),
      ],
      [
        "an agent unknown to Attendant",
        "unknown-agent",
        403,
        async (h) => h.sign({ agentEmail: "stranger@contoso.example" }),
      ],
    ];

    it.each(cases)(
      "refuses %s with its own page, logs the reason and never the assertion",
      async (_name, reason, status, make) => {
        const h = await createEmbedHarness(engine);
        const assertion = await make(h);
        const response = await h.open(assertion);
        expect(response.status).toBe(status);
        const page = await response.text();
        expect(page).toContain(`data-refusal="${reason}"`);
        expect(response.headers.get("location")).toBeNull();
        expect(h.logs()).toContain(`"reason":"${reason}"`);
        if (assertion !== undefined) expect(h.logs()).not.toContain(assertion.split(".")[2] || assertion);
        const { events } = await listAuditEvents(h.database.db, { organisationId: h.organisationId });
        expect(events.map((event) => event.action)).not.toContain("embed_session.opened");
      },
    );

    it("refuses a replayed assertion, though the first use opened the widget", async () => {
      const h = await createEmbedHarness(engine);
      const assertion = await h.sign();
      expect((await h.open(assertion)).status).toBe(303);
      const replay = await h.open(assertion);
      expect(replay.status).toBe(403);
      expect(await replay.text()).toContain('data-refusal="replayed"');
    });

    it("opens an assertion sent to two instances at once exactly once", async () => {
      const h = await createEmbedHarness(engine);
      const secondInstance = createApp(h.appDeps);
      const assertion = await h.sign();
      const url = `http://localhost:3000/embed/ticket?assertion=${assertion}`;
      const answers = await Promise.all([
        h.app.request(url),
        secondInstance.request(url),
        h.app.request(url),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([303, 403, 403]);
    });

    it("refuses an assertion for a disabled integration, and for a disabled agent", async () => {
      const h = await createEmbedHarness(engine);
      const supporter = await h.addUser("supporter");
      await updateUser(h.database.db, supporter.id, { isDisabled: true }, h.clock.now());
      expect(await (await h.open(await h.sign({ agentEmail: supporter.email }))).text()).toContain(
        'data-refusal="unknown-agent"',
      );
      await updateIntegration(h.deps, {
        actor: h.actorOf(h.admin),
        integrationId: h.integrationId,
        input: { isEnabled: false },
      });
      const refused = await h.open(await h.sign());
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('data-refusal="integration-disabled"');
    });

    it("speaks the agent's browser language on the refusal page", async () => {
      const h = await createEmbedHarness(engine);
      const response = await h.api(
        "GET",
        `/embed/ticket?assertion=${await h.sign({ issuedAtOffset: -400 })}`,
        {
          headers: { "accept-language": "de" },
        },
      );
      expect(await response.text()).toContain("Die Anmeldung des Helpdesks ist abgelaufen");
    });
  });
});

describe("frame headers", () => {
  it("lets any origin frame the refusal of an unknown integration, a page with nothing to click and nothing of anyone's", async () => {
    const h = await createEmbedHarness(engine);
    const unknownIssuer = await h.sign({ claims: { iss: "00000000-0000-4000-8000-000000000000" } });
    for (const [assertion, reason] of [
      [unknownIssuer, "unknown-integration"],
      ["garbage", "garbled-assertion"],
      [undefined, "missing-assertion"],
    ] as const) {
      const refused = await h.open(assertion);
      expect(frameAncestorsOf(refused)).toBe("*");
      expect(refused.headers.get("x-frame-options")).toBeNull();
      const page = await refused.text();
      expect(page).toContain(`data-refusal="${reason}"`);
      for (const actionable of ["<form", "<a ", "<button", "<input", "<script", "<iframe"]) {
        expect(page).not.toContain(actionable);
      }
      expect(page).not.toContain(h.integrationId);
    }
  });

  it("keeps the refusal of a disabled integration framable by its own origins only", async () => {
    const h = await createEmbedHarness(engine);
    await updateIntegration(h.deps, {
      actor: h.actorOf(h.admin),
      integrationId: h.integrationId,
      input: { isEnabled: false },
    });
    const refused = await h.open(await h.sign());
    expect(await refused.text()).toContain('data-refusal="integration-disabled"');
    expect(frameAncestorsOf(refused)).toBe(`${hostOrigin} http://localhost:8080`);
  });

  it("lets only the integration's origins frame /embed responses, and nobody frame the rest", async () => {
    const h = await createEmbedHarness(engine);
    const opened = await h.open(await h.sign());
    expect(frameAncestorsOf(opened)).toBe(`${hostOrigin} http://localhost:8080`);
    expect(opened.headers.get("x-frame-options")).toBeNull();
    expect(opened.headers.get("cross-origin-opener-policy")).toBeNull();

    const refusedKnown = await h.open(await h.sign({ issuedAtOffset: -400 }));
    expect(frameAncestorsOf(refusedKnown)).toBe(`${hostOrigin} http://localhost:8080`);

    const widget = await h.api("GET", `/embed/widget/${h.integrationId}`);
    expect(frameAncestorsOf(widget)).toBe(`${hostOrigin} http://localhost:8080`);
    const widgetOfNobody = await h.api("GET", "/embed/widget/not-an-id");
    expect(frameAncestorsOf(widgetOfNobody)).toBe("'none'");

    for (const path of ["/", "/login", "/api/v1/sessions"]) {
      const response = await h.api("GET", path);
      expect(frameAncestorsOf(response)).toBe("'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    }
  });
});

describe("embed sessions", () => {
  it("answers a missing, unknown or idle token with 401 and a fragment saying what to do", async () => {
    const h = await createEmbedHarness(engine);
    const token = tokenOf(await h.open(await h.sign()));
    for (const candidate of [undefined, ""]) {
      const refused = await h.probe(candidate);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain("Open the ticket in your helpdesk");
    }
    const unknown = await h.probe("not-a-token");
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain("Reload the ticket page");
    h.clock.advance(29 * 60_000);
    expect((await h.probe(token)).status).toBe(200);
    h.clock.advance(30 * 60_000);
    expect((await h.probe(token)).status).toBe(401);
  });

  it("ends at the absolute limit of 8 hours however busy", async () => {
    const h = await createEmbedHarness(engine);
    const token = tokenOf(await h.open(await h.sign()));
    // A request every 25 minutes never lets the idle timeout strike; only the absolute end does.
    for (let elapsedMinutes = 25; elapsedMinutes < 480; elapsedMinutes += 25) {
      h.clock.advance(25 * 60_000);
      expect((await h.probe(token)).status).toBe(200);
    }
    h.clock.advance(5 * 60_000);
    expect((await h.probe(token)).status).toBe(401);
  });

  it("keeps what the widget shows out of the browser's cache, as for signed-in pages", async () => {
    const h = await createEmbedHarness(engine);
    const token = tokenOf(await h.open(await h.sign()));
    expect((await h.probe(token)).headers.get("cache-control")).toBe("no-store");
  });

  it("reads the user's role fresh on every request and ends at once when the user is disabled", async () => {
    const h = await createEmbedHarness(engine);
    const supporter = await h.addUser("supporter");
    const token = tokenOf(await h.open(await h.sign({ agentEmail: supporter.email })));
    expect((await (await h.probe(token)).json()).role).toBe("supporter");
    await updateUser(h.database.db, supporter.id, { role: "auditor" }, h.clock.now());
    expect((await (await h.probe(token)).json()).role).toBe("auditor");
    await updateUser(h.database.db, supporter.id, { isDisabled: true }, h.clock.now());
    expect((await h.probe(token)).status).toBe(401);
  });

  it("ends at once when the integration is disabled or deleted", async () => {
    const h = await createEmbedHarness(engine);
    const actor = h.actorOf(h.admin);
    const first = tokenOf(await h.open(await h.sign()));
    await updateIntegration(h.deps, { actor, integrationId: h.integrationId, input: { isEnabled: false } });
    expect((await h.probe(first)).status).toBe(401);
    await updateIntegration(h.deps, { actor, integrationId: h.integrationId, input: { isEnabled: true } });
    const second = tokenOf(await h.open(await h.sign()));
    expect((await h.probe(second)).status).toBe(200);
    await deleteIntegration(h.deps, { actor, integrationId: h.integrationId });
    expect((await h.probe(second)).status).toBe(401);
  });

  it("gives a supporter's embed session no more than their role: another agent's supporter links stay hidden", async () => {
    const h = await createEmbedHarness(engine);
    const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const ana = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    const { session } = await createSupportSession(h.deps, {
      actor: h.actorOf(kenji),
      ticket: sampleTicket,
      group: { id: "g40211" },
    });
    const anaToken = tokenOf(await h.open(await h.sign({ agentEmail: ana.email })));
    const asAna = await h.probe(anaToken, session.id);
    expect(asAna.status).toBe(403);
    expect(await asAna.text()).not.toContain("supporterLink");

    const kenjiToken = tokenOf(await h.open(await h.sign({ agentEmail: kenji.email })));
    const asKenji = await h.probe(kenjiToken, session.id);
    expect(asKenji.status).toBe(200);
    expect(Object.keys((await asKenji.json()).links)).toContain("supporterLink");
  });
});
