/**
 * Issue 24, "The customer's side": the join page says what is happening, and its status address
 * (`/join/<token>/status`) keeps it current for the page's script, in the customer's language,
 * without anything of the supporter and under the join page's guess throttle.
 */
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  joinPathIn,
} from "../session-pages/pages-harness.js";

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  const h = await createPagesHarness(engine, { mailer: "recording" });
  const supporter = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  const browser = await h.signIn(supporter, "Kenji Sato");
  const sessionPath = await createSessionThroughPage(browser);
  expect((await invite(browser, sessionPath)).status).toBe(200);
  const joinPath = joinPathIn(h.sentMail[0]?.text ?? "");
  const page = await (await browser.get(sessionPath)).text();
  const code = /<code>(s[0-9-]+)<\/code>/.exec(page)?.[1] ?? "";
  return { h, browser, sessionPath, joinPath, code, page };
}

async function statusOf(response: Response) {
  expect(response.headers.get("content-type")).toContain("application/json");
  return (await response.json()) as { status: string; message: string };
}

describe("the join page's status", () => {
  const engine = usePgliteEngine();

  it("tells the customer to start QuickSupport, then to wait for the technician once they are there, then that it ended", async () => {
    const { h, browser, sessionPath, joinPath, code } = await setUp(engine);
    const customer = h.visitor();
    const page = await (await customer.get(joinPath)).text();
    expect(page).toContain('data-status="ready"');
    expect(page).toContain(`data-join-status="${joinPath}/status"`);
    expect(page).toMatch(/<script src="\/assets\/join-status-[0-9a-f]{12}\.js" defer/);
    expect(await statusOf(await customer.get(`${joinPath}/status`))).toEqual({
      status: "ready",
      message: "Press Join and start QuickSupport: your technician is then told that you are there.",
    });

    h.simulator.admin.customerJoin(code);
    expect((await browser.submit(sessionPath, `${sessionPath}/refresh`, {})).status).toBe(303);
    expect(await statusOf(await customer.get(`${joinPath}/status`))).toEqual({
      status: "waiting",
      message: "Your technician knows that you are there. Please wait a moment for them.",
    });
    expect(await (await customer.get(joinPath)).text()).toContain('data-status="waiting"');

    expect((await browser.submit(sessionPath, `${sessionPath}/close`, { confirm: "yes" })).status).toBe(303);
    expect(await statusOf(await customer.get(`${joinPath}/status`))).toEqual({
      status: "ended",
      message: "This support session has ended.",
    });
  });

  it("answers in the customer's language: the invitation's before the browser's, and ?lang=", async () => {
    const { h, browser, sessionPath } = await setUp(engine);
    expect((await invite(browser, sessionPath, { locale: "de" })).status).toBe(200);
    const joinPath = joinPathIn(h.sentMail[1]?.text ?? "");
    const german = await statusOf(
      await h.visitor().get(`${joinPath}/status`, { "accept-language": "en-GB" }),
    );
    expect(german.message).toBe(
      "Klicken Sie auf Teilnehmen und starten Sie QuickSupport: Ihr Techniker erfährt dann, dass Sie da sind.",
    );
    const japanese = await statusOf(await h.visitor().get(`${joinPath}/status?lang=ja`));
    expect(japanese.message).toContain("QuickSupport を起動してください");
  });

  it("carries nothing of the supporter: no name, e-mail, supporter link or queue token, and is never cached", async () => {
    const { h, joinPath, page } = await setUp(engine);
    const supporterLink = /href="([^"]+)"[^>]*id="open-in-teamviewer"/.exec(page)?.[1] ?? "";
    const response = await h.visitor().get(`${joinPath}/status`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const text = await response.text();
    expect(Object.keys(JSON.parse(text))).toEqual(["status", "message"]);
    for (const secret of ["Kenji", "supporter", supporterLink, "servicequeuetoken"])
      expect(text).not.toContain(secret);
  });

  it("answers an unknown or malformed address 404, and a caller who keeps guessing 429 with Retry-After", async () => {
    const { h, joinPath } = await setUp(engine);
    const guesser = h.visitor({ ip: "198.51.100.9" });
    expect(await statusOf(await guesser.get("/join/short/status"))).toMatchObject({ status: "unknown" });
    for (let attempt = 1; attempt < 20; attempt++) {
      expect((await guesser.get(`/join/guess${attempt}/status`)).status).toBe(404);
    }
    const refused = await guesser.get("/join/guess20/status");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await statusOf(refused)).message).toBe(
      "Too many attempts. Please wait a few minutes and try again.",
    );
    // The page and its status share one limiter; a valid address still answers.
    expect((await guesser.get("/join/guess21")).status).toBe(429);
    expect((await guesser.get(`${joinPath}/status`)).status).toBe(200);
  });
});
