/**
 * Attendant's panel in Request Tracker's ticket page (integrations/request-tracker/), installed by
 * the admin's installer into the run's real RT: the iframe it renders and the HS256 assertion it
 * signs, checked here with node:crypto against the integration's secret, on RT's own word.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  panelAgents,
  type RequestTrackerServer,
  startRequestTracker,
} from "../../../../scripts/support/request-tracker.js";
import { requestTrackerApi, requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

/** Signs in through RT's own login form and returns the session cookie. */
async function signIn(
  baseUrl: string,
  password: string,
  language = "en",
  user: string = panelAgents.agent,
): Promise<string> {
  const response = await fetch(`${baseUrl}/NoAuth/Login.html`, {
    method: "POST",
    redirect: "manual",
    headers: { "accept-language": language },
    body: new URLSearchParams({ user, pass: password, next: "" }),
  });
  await response.body?.cancel();
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("RT_SID_"));
  if (cookie === undefined)
    throw new Error(`RT's login answered ${response.status} without a session cookie`);
  return cookie;
}

async function ticketPage(
  baseUrl: string,
  cookie: string,
  ticketId: string,
  language = "en",
): Promise<string> {
  const response = await fetch(`${baseUrl}/Ticket/Display.html?id=${ticketId}`, {
    headers: { cookie, "accept-language": language },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** The panel's iframe: its attributes as RT rendered them (HTML entities undone). */
function panelIframe(page: string): Record<string, string> | undefined {
  const tag = /<iframe class="attendant-widget"[^>]*>/.exec(page)?.[0];
  if (tag === undefined) return undefined;
  const attributes: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([a-z-]+)="([^"]*)"/g)) {
    attributes[name as string] = (value as string)
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  }
  return attributes;
}

interface Assertion {
  header: Record<string, unknown>;
  claims: Record<string, unknown> & { iat: number; exp: number; jti: string };
}

/** Checks the HS256 signature with the secret's base64url text as the key, then decodes. */
function verifiedAssertion(src: string, baseUrl: string, secret: string): Assertion {
  const prefix = `${baseUrl}/embed/ticket?assertion=`;
  expect(src.startsWith(prefix)).toBe(true);
  const jwt = src.slice(prefix.length);
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${header}.${payload}`)
    .digest("base64url");
  expect(signature).toBe(expected);
  const decode = (segment: string) => JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  return { header: decode(header), claims: decode(payload) };
}

describe.skipIf(rt === undefined)("Attendant's panel in Request Tracker's ticket page", () => {
  const api = rt as NonNullable<typeof rt>;
  const panel = api.server.panel as NonNullable<typeof api.server.panel>;
  let cookie: string;
  let ticketId: string;

  beforeAll(async () => {
    cookie = await signIn(api.server.url, api.server.rootPassword);
    ticketId = await api.createTicket({
      subject: "Drucker & Scanner streiken — プリンターが動かない <b>",
      requestor: "Erika Panel <erika.panel@example.org>",
    });
  });

  it("frames the widget full width, 560 px high, titled, with clipboard access and only RT's origin as referrer", async () => {
    const iframe = panelIframe(await ticketPage(api.server.url, cookie, ticketId));
    expect(iframe).toMatchObject({
      title: `Attendant remote support for ticket #${ticketId}`,
      style: "display: block; width: 100%; height: 560px; border: 0;",
      allow: "clipboard-write",
      referrerpolicy: "origin",
    });
  });

  it("signs the ticket, its address, its first requester and the agent with the integration's secret, non-ASCII and & intact", async () => {
    const iframe = panelIframe(await ticketPage(api.server.url, cookie, ticketId));
    const { header, claims } = verifiedAssertion(iframe?.src ?? "", panel.url, panel.secret);
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(claims).toEqual({
      iss: panel.integrationId,
      aud: "attendant-embed",
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{16,128}$/),
      agent_email: "panel-agent@rt.invalid",
      ticket: {
        id: ticketId,
        title: "Drucker & Scanner streiken — プリンターが動かない <b>",
        url: `${api.server.url}/Ticket/Display.html?id=${ticketId}`,
        requester_name: "Erika Panel",
        requester_email: "erika.panel@example.org",
      },
      lang: "en",
      theme: "light",
    });
    expect(claims.exp - claims.iat).toBeGreaterThan(0);
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(300);
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60);
  });

  it("signs a new one-time jti on every load of the ticket page", async () => {
    const first = panelIframe(await ticketPage(api.server.url, cookie, ticketId));
    const second = panelIframe(await ticketPage(api.server.url, cookie, ticketId));
    const jtiOf = (src: string | undefined) =>
      verifiedAssertion(src ?? "", panel.url, panel.secret).claims.jti;
    expect(jtiOf(first?.src)).not.toBe(jtiOf(second?.src));
  });

  it("asserts the agent's RT language when Attendant speaks it, and none otherwise", async () => {
    const langOf = async (language: string) => {
      const session = await signIn(api.server.url, api.server.rootPassword, language);
      const iframe = panelIframe(await ticketPage(api.server.url, session, ticketId, language));
      return verifiedAssertion(iframe?.src ?? "", panel.url, panel.secret).claims.lang;
    };
    expect(await langOf("de")).toBe("de");
    expect(await langOf("ja")).toBe("ja");
    expect(await langOf("fr")).toBeUndefined();
  });

  it("leaves out the requester when the ticket has none", async () => {
    const bare = await api.createTicket({ subject: "No requester here" });
    const iframe = panelIframe(await ticketPage(api.server.url, cookie, bare));
    const { claims } = verifiedAssertion(iframe?.src ?? "", panel.url, panel.secret);
    expect(claims.ticket).toEqual({
      id: bare,
      title: "No requester here",
      url: `${api.server.url}/Ticket/Display.html?id=${bare}`,
    });
  });

  it("sends a requester's address only in a shape Attendant takes, and a long name cut to 100 UTF-16 units", async () => {
    const id = await api.createTicket({
      subject: "Printer room",
      requestor: `"${"A".repeat(97)} \u{1F5A8}\u{1F5A8}" <printer-room@localhost>`,
    });
    const iframe = panelIframe(await ticketPage(api.server.url, cookie, id));
    const { claims } = verifiedAssertion(iframe?.src ?? "", panel.url, panel.secret);
    expect(claims.ticket).toEqual({
      id,
      title: "Printer room",
      url: `${api.server.url}/Ticket/Display.html?id=${id}`,
      requester_name: `${"A".repeat(97)} \u{1F5A8}`,
    });
  });

  it("titles a ticket whose subject is blank as RT does, never with an empty title", async () => {
    const id = await api.createTicket({ subject: "   " });
    const iframe = panelIframe(await ticketPage(api.server.url, cookie, id));
    const { claims } = verifiedAssertion(iframe?.src ?? "", panel.url, panel.secret);
    expect(claims.ticket).toMatchObject({ id, title: "(no subject)" });
  });

  it("asserts the dark theme for an agent who chose RT's dark theme, and the agent's own e-mail", async () => {
    const session = await signIn(api.server.url, api.server.rootPassword, "en", panelAgents.darkTheme);
    const iframe = panelIframe(await ticketPage(api.server.url, session, ticketId));
    const { claims } = verifiedAssertion(iframe?.src ?? "", panel.url, panel.secret);
    expect(claims).toMatchObject({ theme: "dark", agent_email: "panel-agent-dark@rt.invalid" });
  });

  it("tells an agent without an e-mail address why there is no widget, and signs nothing", async () => {
    const session = await signIn(api.server.url, api.server.rootPassword, "en", panelAgents.withoutEmail);
    const page = await ticketPage(api.server.url, session, ticketId);
    expect(panelIframe(page)).toBeUndefined();
    expect(page).not.toContain("/embed/ticket?assertion=");
    expect(page).toContain(
      "Attendant knows agents by their e-mail address, and your RT user has none it can use.",
    );
  });

  it("tells an agent whose address Attendant would not take (RT's root@localhost) why there is no widget", async () => {
    const root = await signIn(api.server.url, api.server.rootPassword, "en", "root");
    const page = await ticketPage(api.server.url, root, ticketId);
    expect(page).toContain("root@localhost");
    expect(panelIframe(page)).toBeUndefined();
    expect(page).toContain(
      "Attendant knows agents by their e-mail address, and your RT user has none it can use.",
    );
  });

  it("keeps the integration's secret off RT's System Configuration page", async () => {
    const root = await signIn(api.server.url, api.server.rootPassword, "en", "root");
    const response = await fetch(`${api.server.url}/Admin/Tools/Configuration.html`, {
      headers: { cookie: root },
    });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain("AttendantIntegrationSecret");
    expect(page).toContain(panel.integrationId);
    expect(page).not.toContain(panel.secret);
  });
});

describe.skipIf(rt === undefined)("Attendant's panel in an RT where the settings are missing", () => {
  let server: RequestTrackerServer | undefined;
  beforeAll(async () => {
    server = await startRequestTracker();
  });
  afterAll(() => server?.stop());

  let ticketId: string;
  beforeAll(async () => {
    ticketId = await requestTrackerApi(server as RequestTrackerServer).createTicket({
      subject: "Printer down",
    });
  });

  it("frames nothing and tells a superuser which settings to set", async () => {
    const bare = server as RequestTrackerServer;
    const page = await ticketPage(
      bare.url,
      await signIn(bare.url, bare.rootPassword, "en", "root"),
      ticketId,
    );
    expect(panelIframe(page)).toBeUndefined();
    expect(page).toContain(
      "Attendant is installed but not configured: set $AttendantIntegrationId, $AttendantIntegrationSecret, $AttendantURL in RT_SiteConfig.d",
    );
  });

  it("shows an agent who is not a superuser no panel at all", async () => {
    const bare = server as RequestTrackerServer;
    const page = await ticketPage(bare.url, await signIn(bare.url, bare.rootPassword), ticketId);
    expect(page).toContain("Printer down");
    expect(page).not.toContain("ticket-info-attendant");
    expect(page).not.toContain("Attendant is installed but not configured");
  });
});
