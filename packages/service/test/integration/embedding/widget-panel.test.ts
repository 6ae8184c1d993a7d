/**
 * Issue 23, the ticket widget's panel and actions (src/embedding/web/): what an agent sees and
 * does for the ticket the host asserted, through the X-Attendant-Embed header only, opened with a
 * signed assertion by test/support/embedded-agent.ts; every rule of who may see and do what is the session pages'.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findTicketByExternalId } from "../../../src/db/repositories/tickets.js";
import { issueOneTimeLogin } from "../../../src/identity/one-time-login.js";
import { refreshSupportSessionStatus } from "../../../src/sessions/refresh-support-session-status.js";
import { createEmbedWorld } from "../../support/embedded-agent.js";
import { type TestEngine, usePgliteEngine } from "../../support/engines.js";
import { solidPng } from "../../support/png-image.js";
import { brandPath, logoPathIn, submitBrand } from "../brand/brand-harness.js";
import { seedReports } from "../report-views/report-fixtures.js";
import { createPagesHarness, type PagesHarness } from "../session-pages/pages-harness.js";

const ticket = {
  externalId: "4711",
  title: "Outlook does not start",
  url: "https://helpdesk.example/tickets/4711",
  requesterName: "Erika Mustermann",
  requesterEmail: "erika@example.org",
};

async function setUp(engine: TestEngine) {
  const h = await createPagesHarness(engine, { mailer: "recording" });
  const world = createEmbedWorld(h);
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const agent = await world.openWidget({ user: supporter, ticket });
  return { h, world, supporter, agent };
}

async function html(response: Response, status = 200): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return text;
}

/** Starts a session from the widget; returns its id. */
async function start(agent: { submit(path: string, fields: Record<string, string>): Promise<Response> }) {
  const page = await html(await agent.submit("/embed/actions/start", { group: "Helpdesk" }), 201);
  const id = /data-session-id="([0-9a-f-]{36})"/.exec(page)?.[1];
  if (id === undefined) throw new Error(`no session in: ${page}`);
  return id;
}

const codeIn = (page: string) => /Session (s[0-9-]+)</.exec(page)?.[1] ?? "";

async function customerArrives(
  h: PagesHarness,
  page: string,
  actor: Parameters<typeof refreshSupportSessionStatus>[1]["actor"],
  sessionId: string,
) {
  h.simulator.admin.customerJoin(codeIn(page));
  await refreshSupportSessionStatus(h.deps, { actor, sessionId });
}

describe("the ticket widget's panel", () => {
  const engine = usePgliteEngine();

  it("shows a ticket without sessions: none yet, Start with the first TeamViewer group prefilled, no connections", async () => {
    const { agent } = await setUp(engine);
    const response = await agent.request("/embed/panel");
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await html(response);
    expect(page).toContain("Outlook does not start");
    expect(page).toContain("#4711");
    expect(page).toContain("No remote session for this ticket yet.");
    expect(page).toMatch(/<input id="embed-group" name="group"[^>]*value="Helpdesk"/);
    expect(page).toContain('action="/embed/actions/start"');
    expect(page).toContain("No connection reports on this ticket yet.");
  });

  it("starts a session for the asserted ticket and shows it waiting, with supporter links that open outside the frame", async () => {
    const { h, agent } = await setUp(engine);
    const response = await agent.submit("/embed/actions/start", {
      group: "Helpdesk",
      waitingMessage: "Kenji is with you in a minute.",
    });
    const page = await html(response, 201);
    expect(page).toContain("The session is created.");
    expect(page).toContain('data-status="waiting"');
    expect(page).toMatch(
      /<a class="button" href="[^"]+" target="_blank" rel="noreferrer">Open in TeamViewer/,
    );
    expect(page).toContain('target="_blank" rel="noreferrer">Open in the browser');
    // The invitation is prefilled with the asserted requester.
    expect(page).toMatch(/name="email" type="email" value="erika@example.org"/);
    const sessions = await h.teamViewerSessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.state).toBe("Open");
  });

  it("shows a waiting customer with since when and for how long", async () => {
    const { h, agent, supporter } = await setUp(engine);
    const sessionId = await start(agent);
    const before = await html(await agent.request("/embed/panel"));
    await customerArrives(h, before, h.actorOf(supporter), sessionId);
    h.clock.advance(4 * 60_000);
    const page = await html(await agent.request("/embed/panel"));
    expect(page).toContain('data-status="customer-online"');
    expect(page).toContain("Customer waiting since 9:00 AM UTC (4 min)");
  });

  it("closes a session only after the agent confirms, then shows it closed without links or actions", async () => {
    const { h, agent } = await setUp(engine);
    const sessionId = await start(agent);
    const asked = await html(await agent.submit(`/embed/actions/sessions/${sessionId}/close`, {}));
    expect(asked).toContain("Close this session? The customer can then no longer join.");
    expect((await h.teamViewerSessions())[0]?.state).toBe("Open");

    const page = await html(
      await agent.submit(`/embed/actions/sessions/${sessionId}/close`, { confirm: "yes" }),
    );
    expect(page).toContain("The session is closed.");
    expect(page).toContain('data-status="closed"');
    expect(page).not.toContain("Open in TeamViewer");
    expect(page).not.toContain(`/embed/actions/sessions/${sessionId}/close`);
    expect((await h.teamViewerSessions())[0]?.state).toBe("Closed");
  });

  it("invites the customer by e-mail in the chosen language and gives out a join page address to copy", async () => {
    const { h, agent } = await setUp(engine);
    const sessionId = await start(agent);
    const invited = await html(
      await agent.submit(`/embed/actions/sessions/${sessionId}/invite`, {
        requestId: randomUUID(),
        email: "erika@example.org",
        name: "Erika Mustermann",
        locale: "de",
      }),
    );
    expect(invited).toContain("erika@example.org");
    expect(h.sentMail).toHaveLength(1);
    expect(h.sentMail[0]?.to).toBe("erika@example.org");
    expect(h.sentMail[0]?.text).toContain("Erika");

    const issued = await html(await agent.submit(`/embed/actions/sessions/${sessionId}/join-address`, {}));
    expect(issued).toMatch(
      new RegExp(
        `id="join-url-${sessionId}" type="text" readonly="" value="http://localhost:3000/join/[A-Za-z0-9_-]{43}"`,
      ),
    );
    expect(issued).toContain('data-copy="join-url-');
  });

  it("shows the ticket's connection reports with their duration and billable minutes", async () => {
    const { h, agent } = await setUp(engine);
    await start(agent);
    const stored = await findTicketByExternalId(h.database.db, h.organisationId, ticket.externalId);
    const [reportId] = await seedReports(h.database.db, h.organisationId, [
      {
        ticketId: stored?.id ?? null,
        teamViewerUserId: "u7005",
        durationSeconds: 754,
      },
    ]);
    const page = await html(await agent.request("/embed/panel"));
    expect(page).toContain(
      `<li data-report-id="${reportId}">Mar 2, 2026, 9:00 AM UTC · 0:12:34 · billable: 13 min</li>`,
    );
  });

  it("offers Connect TeamViewer to an agent without a connection, through a popup address that signs in once and leads to the connect flow", async () => {
    const { h, world } = await setUp(engine);
    const unconnected = await h.addUser("supporter");
    const widget = await world.openWidget({ user: unconnected, ticket });
    const page = await html(await widget.request("/embed/panel"));
    expect(page).toContain('data-reason="not-connected"');
    expect(page).toContain('<form method="post" action="/embed/actions/connect" data-popup="true"');
    expect(page).not.toContain('action="/embed/actions/start"');

    const answered = await html(await widget.submit("/embed/actions/connect", {}));
    const address = /data-popup-url="([^"]+)"/.exec(answered)?.[1]?.replaceAll("&amp;", "&") ?? "";
    expect(address).toMatch(
      /^http:\/\/localhost:3000\/login\/link\?token=[A-Za-z0-9_-]{43}&next=%2Fconnection%2Fstart$/,
    );
    const popup = h.visitor();
    const signedIn = await popup.get(address.slice("http://localhost:3000".length));
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/connection/start");
    const profile = await (await popup.get("/profile")).text();
    expect(profile).toContain(unconnected.email);
    // Once only: a second use of the same address signs nobody in.
    expect((await h.visitor().get(address.slice("http://localhost:3000".length))).status).toBe(410);
  });

  it("leads a one-time sign-in link only to a path of ours", async () => {
    const { h, supporter } = await setUp(engine);
    for (const next of ["https://evil.example/", "//evil.example/x", "/\tevil"]) {
      const link = await issueOneTimeLogin(
        { db: h.database.db, clock: h.clock },
        { userId: supporter.id, publicUrl: "http://localhost:3000", next },
      );
      const response = await h.visitor().get(link.slice("http://localhost:3000".length));
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/");
    }
  });

  it("shows nothing of another supporter's session on the same ticket and refuses its actions", async () => {
    const { h, world, agent } = await setUp(engine);
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    const colleagueWidget = await world.openWidget({ user: colleague, ticket });
    const theirs = await start(colleagueWidget);
    const theirPage = await html(await colleagueWidget.request("/embed/panel"));
    const theirLink = /href="([^"]+)" target="_blank" rel="noreferrer">Open in TeamViewer/.exec(
      theirPage,
    )?.[1];
    expect(theirLink).toBeDefined();

    const page = await html(await agent.request("/embed/panel"));
    expect(page).toContain("No remote session for this ticket yet.");
    expect(page).not.toContain(theirs);
    expect(page).not.toContain(theirLink ?? "-");
    for (const [action, fields] of [
      ["close", { confirm: "yes" }],
      ["join-address", {}],
      ["invite", { requestId: randomUUID(), email: "erika@example.org", locale: "en" }],
    ] as const) {
      const refused = await html(
        await agent.submit(`/embed/actions/sessions/${theirs}/${action}`, fields),
        404,
      );
      expect(refused).toContain('data-reason="session-not-found"');
      expect(refused).not.toContain(theirLink ?? "-");
    }
    expect(h.sentMail).toHaveLength(0);
    expect((await h.teamViewerSessions())[0]?.state).toBe("Open");
  });

  it("refuses to act on the agent's own session of another ticket through this ticket's widget", async () => {
    const { h, world, supporter, agent } = await setUp(engine);
    const otherWidget = await world.openWidget({
      user: supporter,
      ticket: { externalId: "4712", title: "Printer offline" },
    });
    const other = await start(otherWidget);
    const refused = await html(
      await agent.submit(`/embed/actions/sessions/${other}/close`, { confirm: "yes" }),
      404,
    );
    expect(refused).toContain('data-reason="session-not-found"');
    expect((await h.teamViewerSessions())[0]?.state).toBe("Open");
  });

  it("answers bad input with what was wrong and keeps what was typed", async () => {
    const { h, agent } = await setUp(engine);
    const noGroup = await html(
      await agent.submit("/embed/actions/start", { group: " ", waitingMessage: "Back in a minute" }),
      422,
    );
    expect(noGroup).toContain('id="embed-group-error"');
    expect(noGroup).toContain("Back in a minute</textarea>");
    const badNumber = await html(
      await agent.submit("/embed/actions/start", { group: "Helpdesk", smsInviteNumber: "0301234" }),
      422,
    );
    expect(badNumber).toContain('id="embed-sms-error"');
    expect(badNumber).toContain('value="0301234"');
    expect(await h.teamViewerSessions()).toHaveLength(0);

    const sessionId = await start(agent);
    const badEmail = await html(
      await agent.submit(`/embed/actions/sessions/${sessionId}/invite`, {
        requestId: randomUUID(),
        email: "erika@",
        name: "Erika M.",
        locale: "en",
      }),
      422,
    );
    expect(badEmail).toContain(`id="email-${sessionId}-error"`);
    expect(badEmail).toContain('value="Erika M."');
    expect(badEmail).toContain('value="erika@"');
    const badLanguage = await html(
      await agent.submit(`/embed/actions/sessions/${sessionId}/invite`, {
        requestId: randomUUID(),
        email: "erika@example.org",
        locale: "xx",
      }),
      422,
    );
    expect(badLanguage).toContain("field-error");
    const outdated = await html(
      await agent.submit(`/embed/actions/sessions/${sessionId}/invite`, {
        email: "erika@example.org",
        locale: "en",
      }),
      422,
    );
    expect(outdated).toContain('data-reason="form-outdated"');
    expect(h.sentMail).toHaveLength(0);

    const notAnId = await html(await agent.submit("/embed/actions/sessions/not-a-session/close", {}), 404);
    expect(notAnId).toContain('data-reason="session-not-found"');
  });

  it("refuses the panel, the stream and the actions without the header or with a token that ran out", async () => {
    const { h, agent } = await setUp(engine);
    const visitor = (path: string) => h.app.request(`http://localhost:3000${path}`);
    const panel = await visitor("/embed/panel");
    expect(panel.status).toBe(401);
    expect(await panel.text()).toContain("X-Attendant-Embed");
    expect((await visitor("/embed/stream")).status).toBe(401);
    const wrong = await h.app.request("http://localhost:3000/embed/panel", {
      headers: { "x-attendant-embed": "not-a-token" },
    });
    expect(wrong.status).toBe(401);
    // Without the header a POST is a cookie-less form post: the CSRF defence refuses it first.
    const post = await h.app.request("http://localhost:3000/embed/actions/start", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "group=Helpdesk",
    });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(await h.teamViewerSessions()).toHaveLength(0);

    await agent.end();
    expect((await agent.request("/embed/panel")).status).toBe(401);
    expect((await agent.submit("/embed/actions/start", { group: "Helpdesk" })).status).toBe(401);
  });

  it("follows the host's theme and language, and the agent's own otherwise", async () => {
    const { h, world, supporter } = await setUp(engine);
    const dark = await world.openWidget({ user: supporter, ticket, theme: "dark", locale: "de" });
    const page = await html(await dark.request("/embed/panel"));
    expect(page).toContain('class="embed-panel theme-dark" lang="de"');
    expect(page).toContain("Fernwartung starten");
    const japanese = await world.openWidget({ user: await h.addUser("supporter"), ticket, locale: "ja" });
    expect(await html(await japanese.request("/embed/panel"))).toContain("リモートセッション");
    const plain = await html(
      await (await world.openWidget({ user: supporter, ticket })).request("/embed/panel"),
    );
    expect(plain).toContain('class="embed-panel" lang="en"');
  });
});

describe("the ticket widget's brand", () => {
  const engine = usePgliteEngine();

  it("shows the organisation's display name, its logo from the logo route and its accent colour in the panel's header, as the join page does", async () => {
    const { h, agent } = await setUp(engine);
    const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
    const saved = await submitBrand(
      admin,
      {},
      { bytes: solidPng(80, 40), name: "logo.png", type: "image/png" },
    );
    expect(saved.status).toBe(303);
    const logoPath = logoPathIn(await (await admin.get(brandPath)).text());

    const page = await html(await agent.request("/embed/panel"));
    const header = /<header class="embed-brand">[\s\S]*?<\/header>/.exec(page)?.[0] ?? "";
    expect(header).toContain('<link rel="stylesheet" href="/brand/accent-6a1b9a.css"/>');
    expect(header).toContain(`<img class="brand-logo" src="${logoPath}" alt=""/>`);
    expect(header).toContain('<span id="brand-name">Fabrikam Support</span>');

    const logo = await h.visitor().get(logoPath);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    const stylesheet = await (await h.visitor().get("/brand/accent-6a1b9a.css")).text();
    expect(stylesheet).toContain(".embed-panel.theme-light { --accent: #6a1b9a; --accent-fg: #fff; }");
    expect(stylesheet).toContain(
      ".embed-panel.theme-dark .button, .embed-panel.theme-dark button { background: #6a1b9a;",
    );
  });

  it("shows the organisation's own name without logo or accent while no brand is saved", async () => {
    const { agent } = await setUp(engine);
    const page = await html(await agent.request("/embed/panel"));
    const header = /<header class="embed-brand">[\s\S]*?<\/header>/.exec(page)?.[0] ?? "";
    expect(header).toContain('<span id="brand-name">Contoso Helpdesk</span>');
    expect(header).not.toContain("brand-logo");
    expect(header).not.toContain("/brand/accent-");
  });
});

describe("the ticket widget's shell", () => {
  const engine = usePgliteEngine();

  it("is a page without sign-in that loads the widget script from our origin and says what to do without scripts", async () => {
    const { h } = await setUp(engine);
    const response = await h.app.request(
      `http://localhost:3000/embed/widget/${await createEmbedWorld(h).integrationId()}`,
    );
    const page = await html(response);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    expect(page).toMatch(/<script src="\/assets\/embed-widget-[0-9a-f]{12}\.js" defer/);
    expect(page).toContain('id="embed-status" role="status" aria-live="polite"');
    expect(page).toContain("<noscript><p>This panel needs JavaScript");
    expect(page).toContain('data-panel="/embed/panel" data-stream="/embed/stream"');
    const script = await h.app.request(
      `http://localhost:3000${/src="(\/assets\/embed-widget-[0-9a-f]{12}\.js)"/.exec(page)?.[1]}`,
    );
    expect(script.status).toBe(200);
    const source = await script.text();
    // A broken escape in the script's template would only show in a browser; parse it here.
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain("history.replaceState");
    expect(source).toContain('"X-Attendant-Embed": token');
    expect(source).toContain('credentials: "omit"');
  });

  it("answers an integration id that is not a UUID with 404", async () => {
    const { h } = await setUp(engine);
    expect((await h.app.request("http://localhost:3000/embed/widget/nope")).status).toBe(404);
  });
});
