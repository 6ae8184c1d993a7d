import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import { addSingleSessionLicenceAccount } from "../../support/simulated-users.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  type PagesHarness,
  sampleSessionForm,
} from "./pages-harness.js";

async function countRows(
  h: PagesHarness,
  table: "support_sessions" | "tickets" | "session_invitations" | "join_links",
) {
  const [row] = await queryRows<{ n: number }>(
    h.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)}`,
  );
  return row?.n;
}

async function auditActions(h: PagesHarness, action: string) {
  return queryRows<{ actor_label: string }>(
    h.database.db,
    sql`select actor_label from audit_log where action = ${action} order by id`,
  );
}

describe("the supporters' session pages", () => {
  const engine = usePgliteEngine();

  it("shows the supporter links to the assignee and admins only, audits each reveal, and is never cached", async () => {
    const h = await createPagesHarness(engine, { mailer: "recording" });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    const admin = await h.addUser("admin");
    const auditor = await h.addUser("auditor");
    const assignee = await h.signIn(supporter);
    const sessionPath = await createSessionThroughPage(assignee);

    const own = await assignee.get(sessionPath);
    expect(own.headers.get("cache-control")).toBe("no-store");
    expect(own.headers.get("referrer-policy")).toBe("no-referrer");
    const ownHtml = await own.text();
    expect(ownHtml).toContain("Open in TeamViewer");
    expect(ownHtml).toMatch(/href="http:\/\/localhost:4010\/v15\/s\d+-[A-Za-z0-9]{12}"/);
    expect(ownHtml).toContain("Open in the browser");

    const adminHtml = await (await (await h.signIn(admin, "Ada Admin")).get(sessionPath)).text();
    expect(adminHtml).toContain("Open in TeamViewer");

    const auditorPage = await (await h.signIn(auditor, "Avery Auditor")).get(sessionPath);
    expect(auditorPage.status).toBe(200);
    const auditorHtml = await auditorPage.text();
    expect(auditorHtml).not.toContain("servicequeuetoken");
    expect(auditorHtml).not.toContain("Open in TeamViewer");
    expect(auditorHtml).not.toContain("/close");

    // Another supporter does not even learn that the session exists.
    expect((await (await h.signIn(colleague, "Ana Lima")).get(sessionPath)).status).toBe(404);

    expect((await auditActions(h, "support_session.links_revealed")).map((row) => row.actor_label)).toEqual([
      supporter.email,
      admin.email,
    ]);
    expect(h.logs()).not.toContain("servicequeuetoken");
  });

  it("puts each link in a selectable field with a copy button that only the page's nonce-allowed script shows", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter);
    const sessionPath = await createSessionThroughPage(browser);
    const joinPage = await browser.submit(sessionPath, `${sessionPath}/join-address`, {});
    const response = await browser.get(sessionPath);
    const html = await response.text();
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain("unsafe-inline");
    // The one inline script, beside the live desk's from our own origin.
    expect(html.match(/<script(?![^>]*\ssrc=)/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${nonce}">`);
    for (const field of ["supporter-link", "webclient-link"]) {
      expect(html).toMatch(
        new RegExp(`<input id="${field}" type="text" readonly="" value="http[^"]+" class="copy-field"/>`),
      );
      expect(html).toContain(
        `data-copy="${field}" data-copied="Copied" aria-live="polite" hidden="">Copy</button>`,
      );
    }
    expect(await joinPage.text()).toContain('data-copy="join-url"');
    const next = await browser.get(sessionPath);
    expect(next.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("records the reveal of the supporter links once per sign-in and support session, however often the page is shown", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const admin = await h.addUser("admin");
    const firstSignIn = await h.signIn(supporter);
    const first = await createSessionThroughPage(firstSignIn);
    const second = await createSessionThroughPage(firstSignIn);
    for (const path of [first, first, `${first}?notice=created`, second, second]) {
      expect(await (await firstSignIn.get(path)).text()).toContain("Open in TeamViewer");
    }
    const adminBrowser = await h.signIn(admin, "Ada Admin");
    await adminBrowser.get(first);
    await adminBrowser.get(first);
    const secondSignIn = await h.signIn(supporter);
    expect(await (await secondSignIn.get(first)).text()).toContain("Open in TeamViewer");

    expect((await auditActions(h, "support_session.links_revealed")).map((row) => row.actor_label)).toEqual([
      supporter.email,
      supporter.email,
      admin.email,
      supporter.email,
    ]);
  });

  it("creates a session from the form, lists it, and marks it expired once its validity passed", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    let browser = await h.signIn(supporter);
    const sessionPath = await createSessionThroughPage(browser, { validityHours: "2" });
    const created = await (await browser.get(`${sessionPath}?notice=created`)).text();
    expect(created).toContain("The session is created.");
    expect(created).toContain('data-status="waiting"');

    const mine = await (await browser.get("/sessions")).text();
    expect(mine).toContain("My sessions");
    expect(mine).toContain(sessionPath);
    const home = await (await browser.get("/")).text();
    expect(home).toContain("Your open sessions");
    expect(home).toContain(sessionPath);

    h.clock.advance(3 * 3600 * 1000);
    // Three hours on, the web session has timed out too: sign in again.
    browser = await h.signIn(supporter);
    const expired = await (await browser.get("/sessions?state=expired")).text();
    expect(expired).toContain('data-status="expired"');
    expect(expired).toContain("Expired");
    expect(await (await browser.get("/sessions?state=open")).text()).not.toContain(sessionPath);
    expect(await (await browser.get("/sessions?ticket=4711")).text()).toContain("Sessions of ticket 4711");
    expect(await (await browser.get("/sessions?ticket=nope")).text()).toContain("No sessions match.");
    // Supporters have no organisation-wide list; they get their own.
    expect(await (await browser.get("/sessions?scope=organisation")).text()).toContain("My sessions");
    const badFilter = await browser.get("/sessions?from=yesterday&state=sideways");
    expect(badFilter.status).toBe(400);
    const badFilterHtml = await badFilter.text();
    expect(badFilterHtml).toContain("Enter a date like 2026-03-02.");
    expect(badFilterHtml).toContain("This value is not valid.");
  });

  it("says a ticket exists with its open sessions, offers to reuse them, and keeps its title on a new session", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter);
    const fresh = await (await browser.get("/sessions/new?ticket=4711")).text();
    expect(fresh).not.toContain("exists already");

    const firstPath = await createSessionThroughPage(browser);
    const [first] = await queryRows<{ code: string }>(h.database.db, sql`select code from support_sessions`);
    const one = await (await browser.get("/sessions/new?ticket=4711&title=Printer%20jams")).text();
    expect(one).toContain("Ticket 4711 exists already, titled “Outlook does not start”.");
    expect(one).toContain('value="Outlook does not start"');
    expect(one).toContain("It has 1 open session.");
    expect(one).toContain(`<a href="${firstPath}">Open session ${first?.code} instead</a>`);

    const secondPath = await createSessionThroughPage(browser, { title: "Printer jams" });
    const second = await (await browser.get(secondPath)).text();
    expect(second).toContain("Outlook does not start");
    expect(second).not.toContain("Printer jams");
    const two = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      group: "",
    });
    expect(two.status).toBe(422);
    const twoHtml = await two.text();
    expect(twoHtml).toContain("It has 2 open sessions.");
    expect(twoHtml).toContain('href="/sessions?ticket=4711&amp;state=open">Show the open sessions</a>');
  });

  it("takes a ticket title as long as the API allows, and names the limit when it is longer", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter);
    const summary = "S".repeat(255);
    await createSessionThroughPage(browser, { title: summary });
    const [ticket] = await queryRows<{ title: string }>(h.database.db, sql`select title from tickets`);
    expect(ticket?.title).toBe(summary);

    const tooLong = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      externalId: "4712",
      title: "T".repeat(501),
    });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain("This is too long: use at most 500 characters.");
    expect(await countRows(h, "tickets")).toBe(1);
  });

  it("refuses bad input on every form with 4xx, its message at the field, the input kept and nothing stored", async () => {
    const h = await createPagesHarness(engine, { mailer: "recording" });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter);

    const create = await browser.submit("/sessions/new", "/sessions/new", {
      ...sampleSessionForm,
      externalId: "",
      url: "ftp://example.org",
      requesterEmail: "not-an-address",
      validityHours: "5",
      description: "x".repeat(4001),
    });
    expect(create.status).toBe(422);
    const createHtml = await create.text();
    expect(createHtml).toContain("This field is required.");
    expect(createHtml).toContain("Enter an address starting with https:// or http://.");
    expect(createHtml).toContain("Enter an e-mail address like name@example.com.");
    expect(createHtml).toContain("This is too long.");
    expect(createHtml).toContain('value="Outlook does not start"');
    expect(await countRows(h, "support_sessions")).toBe(0);
    expect(await countRows(h, "tickets")).toBe(0);
    expect(await h.teamViewerSessions()).toEqual([]);

    const sessionPath = await createSessionThroughPage(browser);
    const badInvite = await invite(browser, sessionPath, { email: "erika", name: "", locale: "fr" });
    expect(badInvite.status).toBe(422);
    const badInviteHtml = await badInvite.text();
    expect(badInviteHtml).toContain("Enter an e-mail address like name@example.com.");
    expect(badInviteHtml).toContain('value="erika"');
    const outdated = await invite(browser, sessionPath, { requestId: "not-a-uuid" });
    expect(outdated.status).toBe(422);
    expect(await outdated.text()).toContain("This form is out of date. Reload the page");
    const outdatedResend = await browser.submit(
      sessionPath,
      `${sessionPath}/invitations/${randomUUID()}/resend`,
      {},
    );
    expect(outdatedResend.status).toBe(422);
    expect(await outdatedResend.text()).toContain("This form is out of date. Reload the page");
    expect(await countRows(h, "session_invitations")).toBe(0);
    expect(await countRows(h, "join_links")).toBe(0);
    expect(h.sentMail).toEqual([]);

    const badEdit = await browser.submit(sessionPath, `${sessionPath}/edit`, {
      description: "y".repeat(4001),
      waitingMessage: "Please wait",
    });
    expect(badEdit.status).toBe(422);
    expect(await badEdit.text()).toContain("Please wait");
    const [stored] = await queryRows<{ waiting_message: string | null }>(
      h.database.db,
      sql`select waiting_message from support_sessions`,
    );
    expect(stored?.waiting_message).toBeNull();

    const badReassign = await browser.submit(sessionPath, `${sessionPath}/reassign`, {
      assigneeUserId: "nobody",
    });
    expect(badReassign.status).toBe(422);
    expect((await browser.submit(sessionPath, "/sessions/not-a-uuid/close", {})).status).toBe(404);
    expect(
      (await browser.submit(sessionPath, `${sessionPath}/invitations/not-a-uuid/resend`, {})).status,
    ).toBe(404);
  });

  it("edits, hands over to a connected colleague, refreshes to see the customer online, and closes", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const colleague = await h.addUser("supporter", { teamViewerUserid: "u7006" });
    await h.addUser("supporter");
    const admin = await h.addUser("admin");
    const browser = await h.signIn(supporter);
    const sessionPath = await createSessionThroughPage(browser);

    const page = await (await browser.get(sessionPath)).text();
    expect(page).toContain(`value="${colleague.id}"`);
    // Only colleagues with a working TeamViewer connection can take a session.
    expect(page.match(/<option value="[0-9a-f-]{36}"/g)).toHaveLength(2);

    const edited = await browser.submit(sessionPath, `${sessionPath}/edit`, {
      description: "Outlook crashes on start",
      waitingMessage: "Kenji joins in a minute",
    });
    expect(edited.headers.get("location")).toBe(`${sessionPath}?notice=updated`);
    const [remote] = await h.teamViewerSessions();
    expect(remote).toMatchObject({
      description: "Outlook crashes on start",
      waiting_message: "Kenji joins in a minute",
    });

    const code = remote?.code ?? "";
    h.simulator.admin.customerJoin(code, {});
    const adminBrowser = await h.signIn(admin, "Ada Admin");
    expect((await adminBrowser.submit(sessionPath, `${sessionPath}/refresh`, {})).status).toBe(303);
    expect(await (await adminBrowser.get(sessionPath)).text()).toContain('data-status="customer-online"');

    const handedOver = await browser.submit(sessionPath, `${sessionPath}/reassign`, {
      assigneeUserId: colleague.id,
    });
    expect(handedOver.headers.get("location")).toBe("/sessions");
    expect((await browser.get(sessionPath)).status).toBe(404);
    expect((await h.teamViewerSessions())[0]?.assigned_userid).toBe("u7006");

    const closed = await adminBrowser.submit(sessionPath, `${sessionPath}/close`, { confirm: "yes" });
    expect(closed.headers.get("location")).toBe(`${sessionPath}?notice=closed`);
    const closedPage = await (await adminBrowser.get(`${sessionPath}?notice=closed`)).text();
    expect(closedPage).toContain('data-status="closed"');
    expect(closedPage).not.toContain("Open in TeamViewer");
  });

  it.each([
    ["no confirmation", {}],
    ["a confirmation other than yes", { confirm: "no" }],
  ])(
    "asks before closing a session: %s shows the confirmation page and closes nothing",
    async (_, fields) => {
      const h = await createPagesHarness(engine);
      const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
      const browser = await h.signIn(supporter);
      const sessionPath = await createSessionThroughPage(browser);
      expect(await (await browser.get(sessionPath)).text()).toContain(`action="${sessionPath}/close"`);

      const asked = await browser.submit(sessionPath, `${sessionPath}/close`, fields);
      expect(asked.status).toBe(200);
      const question = await asked.text();
      expect(question).toContain("Close this session?");
      expect(question).toContain('<input type="hidden" name="confirm" value="yes"/>');
      expect(question).toContain(`href="${sessionPath}"`);
      expect((await h.teamViewerSessions())[0]?.state).toBe("Open");
      expect(await (await browser.get(sessionPath)).text()).toContain('data-status="waiting"');

      const confirmed = await browser.submit(sessionPath, `${sessionPath}/close`, { confirm: "yes" });
      expect(confirmed.headers.get("location")).toBe(`${sessionPath}?notice=closed`);
      expect(await (await browser.get(sessionPath)).text()).toContain('data-status="closed"');
    },
  );

  it("offers Check status now only while a session is open and within its validity", async () => {
    const h = await createPagesHarness(engine);
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    let browser = await h.signIn(supporter);
    const expiring = await createSessionThroughPage(browser, { validityHours: "2" });
    const closing = await createSessionThroughPage(browser);
    expect(await (await browser.get(closing)).text()).toContain(`action="${closing}/refresh"`);

    await browser.submit(closing, `${closing}/close`, { confirm: "yes" });
    const closedPage = await (await browser.get(closing)).text();
    expect(closedPage).toContain('data-status="closed"');
    expect(closedPage).not.toContain("/refresh");
    expect(closedPage).not.toContain("Check status now");

    h.clock.advance(3 * 3600 * 1000);
    // Three hours on, the web session has timed out too: sign in again.
    browser = await h.signIn(supporter);
    const expiredPage = await (await browser.get(expiring)).text();
    expect(expiredPage).toContain('data-status="expired"');
    expect(expiredPage).not.toContain("/refresh");
    expect(expiredPage).not.toContain("Check status now");
  });

  describe("shows each TeamViewer failure as its message, with nothing half-created", () => {
    const failures = [
      {
        name: "missing permission",
        plan: { kind: "status", status: 403 } as const,
        status: 403,
        text: "lacks the “session management” permission",
      },
      {
        name: "rate limit, with the seconds to wait",
        plan: { kind: "status", status: 429, retryAfterSeconds: 42 } as const,
        status: 429,
        text: "Wait 42 seconds, then try again.",
      },
      {
        name: "TeamViewer unreachable",
        plan: { kind: "reset" } as const,
        status: 503,
        text: "TeamViewer could not be reached, and nothing was created.",
      },
    ];
    for (const failure of failures) {
      it(failure.name, async () => {
        const h = await createPagesHarness(engine);
        const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
        const browser = await h.signIn(supporter);
        h.simulator.admin.planFault({ method: "POST", path: "/api/v1/sessions", ...failure.plan });
        const response = await browser.submit("/sessions/new", "/sessions/new", sampleSessionForm);
        expect(response.status).toBe(failure.status);
        const html = await response.text();
        expect(html).toContain(failure.text);
        expect(html).toContain('value="Outlook does not start"');
        expect(await countRows(h, "support_sessions")).toBe(0);
        expect(await h.teamViewerSessions()).toEqual([]);
      });
    }

    it("licence limit", async () => {
      const h = await createPagesHarness(engine);
      const solo = addSingleSessionLicenceAccount(h.simulator);
      const supporter = await h.addUser("supporter", { teamViewerUserid: solo.userid });
      const browser = await h.signIn(supporter);
      await createSessionThroughPage(browser, { group: solo.groupId });
      const response = await browser.submit("/sessions/new", "/sessions/new", {
        ...sampleSessionForm,
        group: solo.groupId,
      });
      expect(response.status).toBe(409);
      expect(await response.text()).toContain(
        "Your TeamViewer licence allows no more open sessions right now.",
      );
      expect(await countRows(h, "support_sessions")).toBe(1);
    });

    it("an outcome nobody could learn: the form keeps the attempt, and pressing Create again adopts TeamViewer's session", async () => {
      const h = await createPagesHarness(engine);
      const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
      const browser = await h.signIn(supporter);
      h.simulator.admin.planFault({
        method: "POST",
        path: "/api/v1/sessions",
        kind: "status",
        status: 502,
        when: "after",
      });
      // A rate limit far longer than anyone waits: the lookup cannot say whether it was made.
      h.simulator.admin.planFault({
        method: "GET",
        path: "/api/v1/sessions",
        kind: "status",
        status: 429,
        retryAfterSeconds: 3600,
      });

      const response = await browser.submit("/sessions/new", "/sessions/new", sampleSessionForm);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain("could not say whether it was opened");
      expect(html).toContain('value="Outlook does not start"');
      const attempt = /name="attempt" value="([0-9a-f-]{36})"/.exec(html)?.[1];
      expect(attempt).toBeDefined();
      const [made] = await h.teamViewerSessions();

      const sessionPath = await createSessionThroughPage(browser, { attempt: attempt ?? "" });
      expect(await h.teamViewerSessions()).toHaveLength(1);
      expect(await (await browser.get(sessionPath)).text()).toContain(made?.code ?? "no code");
      expect(await countRows(h, "support_sessions")).toBe(1);
    });

    it("a damaged attempt reference: refused with a message, the typed values kept, nothing created", async () => {
      const h = await createPagesHarness(engine);
      const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
      const browser = await h.signIn(supporter);
      const response = await browser.submit("/sessions/new", "/sessions/new", {
        ...sampleSessionForm,
        attempt: "not-an-attempt",
      });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain("reference to your earlier attempt is damaged");
      expect(html).toContain('value="Outlook does not start"');
      expect(html).not.toContain('name="attempt"');
      expect(await h.teamViewerSessions()).toEqual([]);
    });

    it("no TeamViewer connection yet, with the button to connect", async () => {
      const h = await createPagesHarness(engine);
      const supporter = await h.addUser("supporter");
      const browser = await h.signIn(supporter);
      const form = await (await browser.get("/sessions/new")).text();
      expect(form).toContain("You have not connected your TeamViewer account yet.");
      expect(form).toContain('href="/connection/start"');
      const response = await browser.submit("/sessions/new", "/sessions/new", sampleSessionForm);
      expect(response.status).toBe(409);
      expect(await countRows(h, "tickets")).toBe(0);
    });
  });

  it("invites a customer whose name was left out, greeting them without one in English, German and Japanese", async () => {
    const h = await createPagesHarness(engine, { mailer: "recording" });
    const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(supporter, "Kenji Sato");
    const sessionPath = await createSessionThroughPage(browser);
    const form = await (await browser.get(sessionPath)).text();
    expect(form).toMatch(/Customer(&#39;|')s name \(optional\)/);
    expect(form).not.toMatch(/<input[^>]*name="name"[^>]*required/);

    const tooLong = await invite(browser, sessionPath, { name: "x".repeat(101) });
    expect(tooLong.status).toBe(422);
    expect(h.sentMail).toEqual([]);

    for (const locale of ["en", "de", "ja"]) {
      expect((await invite(browser, sessionPath, { name: "  ", locale })).status).toBe(200);
    }
    expect(h.sentMail.map((mail) => mail.text.split("\n")[0])).toEqual(["Hello,", "Guten Tag,", "お客様へ"]);
    for (const mail of h.sentMail) expect(mail.text).not.toMatch(/undefined|null|\{greeting\}/);
    const rows = await queryRows<{ recipient_name: string | null }>(
      h.database.db,
      sql`select recipient_name from session_invitations`,
    );
    expect(rows).toEqual([{ recipient_name: null }, { recipient_name: null }, { recipient_name: null }]);
  });

  it("in demo mode keeps invitations in the outbox, which admins can read", async () => {
    const h = await createPagesHarness(engine, { demo: true });
    const admin = await h.addUser("admin", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(admin, "Kenji Sato");
    const sessionPath = await createSessionThroughPage(browser);
    const sent = await invite(browser, sessionPath, { locale: "ja", name: "山田 花子" });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain(
      "Demo mode: the invitation to erika@example.org was put in the Outbox",
    );

    const [row] = await queryRows<{ status: string }>(
      h.database.db,
      sql`select status from session_invitations`,
    );
    expect(row?.status).toBe("captured");
    const outbox = await (await browser.get("/outbox")).text();
    expect(outbox).toContain("Contoso Helpdesk からのリモートサポートのご案内");
    const messagePath = /href="(\/outbox\/[0-9a-f-]{36})"/.exec(outbox)?.[1] ?? "";
    const message = await (await browser.get(messagePath)).text();
    expect(message).toContain("山田 花子 様");
    expect(message).toMatch(/http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{43}/);
    const html = await browser.get(`${messagePath}/html`);
    expect(await html.text()).toContain('<html lang="ja">');

    const supporter = await h.signIn(await h.addUser("supporter"), "Sam Supporter");
    expect((await supporter.get("/outbox")).status).toBe(403);
  });

  it("lets admins edit the invitation wording with a preview, refusing unknown placeholders", async () => {
    const h = await createPagesHarness(engine, { mailer: "recording" });
    const admin = await h.addUser("admin", { teamViewerUserid: "u7005" });
    const browser = await h.signIn(admin, "Kenji Sato");
    expect(await (await browser.get("/settings/invitations")).text()).toContain("Built-in wording");

    const rejected = await browser.submit("/settings/invitations/en", "/settings/invitations/en", {
      action: "save",
      subject: "Help from {organisation}",
      body: "Hi {customerName}, open {joinUrl}",
    });
    expect(rejected.status).toBe(422);
    const rejectedHtml = await rejected.text();
    expect(rejectedHtml).toContain("Unknown placeholder: {organisation}.");
    expect(rejectedHtml).toContain("Help from {organisation}");
    expect(await queryRows(h.database.db, sql`select id from invitation_templates`)).toEqual([]);

    const preview = await browser.submit("/settings/invitations/en", "/settings/invitations/en", {
      action: "preview",
      subject: "Help from {organisationName}",
      body: "Hi {customerName} <3,\n\nopen {joinUrl}",
    });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain("Hi Erika Mustermann &lt;3,");
    expect(await queryRows(h.database.db, sql`select id from invitation_templates`)).toEqual([]);

    const saved = await browser.submit("/settings/invitations/en", "/settings/invitations/en", {
      action: "save",
      subject: "Help from {organisationName}",
      body: "Hi {customerName}, open {joinUrl}",
    });
    expect(saved.headers.get("location")).toBe("/settings/invitations?notice=saved");
    const sessionPath = await createSessionThroughPage(browser);
    await invite(browser, sessionPath);
    expect(h.sentMail[0]?.subject).toBe("Help from Contoso Helpdesk");
    expect(h.sentMail[0]?.text).toMatch(/^Hi Erika Mustermann, open http:\/\/localhost:3000\/join\//);
    expect(await auditActions(h, "invitation_template.updated")).toHaveLength(1);

    const supporter = await h.signIn(await h.addUser("supporter"), "Sam Supporter");
    expect((await supporter.get("/settings/invitations/en")).status).toBe(403);
  });
});
