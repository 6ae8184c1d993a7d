import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { solidPng } from "../../support/png-image.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  joinPathIn,
} from "../session-pages/pages-harness.js";
import { brandPath, logoPathIn, submitBrand } from "./brand-harness.js";

async function setUp(engine: ReturnType<typeof usePgliteEngine>, brand: Record<string, string> = {}) {
  const h = await createPagesHarness(engine, { mailer: "recording" });
  const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
  const saved = await submitBrand(admin, brand, {
    bytes: solidPng(80, 40),
    name: "logo.png",
    type: "image/png",
  });
  expect(saved.status).toBe(303);
  const logoPath = logoPathIn(await (await admin.get(brandPath)).text());
  const supporter = await h.signIn(await h.addUser("supporter", { teamViewerUserid: "u7005" }), "Kenji Sato");
  const sessionPath = await createSessionThroughPage(supporter);
  return { h, admin, supporter, sessionPath, logoPath };
}

describe("the brand where customers look", () => {
  const engine = usePgliteEngine();

  it("shows the brand's name, logo, accent and contact on the join page instead of the organisation's name", async () => {
    const { h, supporter, sessionPath, logoPath } = await setUp(engine);
    expect((await invite(supporter, sessionPath)).status).toBe(200);
    const html = await (await h.visitor().get(joinPathIn(h.sentMail[0]?.text ?? ""))).text();
    expect(html).toContain("Kenji Sato from Fabrikam Support will help you.");
    expect(html).not.toContain("Contoso Helpdesk");
    expect(html).toContain(`<img class="brand-logo" src="${logoPath}"`);
    expect(html).toContain('<link rel="stylesheet" href="/brand/accent-6a1b9a.css"/>');
    expect(html).toContain('href="tel:+49301234567"');
    expect(html).toContain('href="mailto:help@fabrikam.example"');
    expect(html).toContain('href="https://fabrikam.example/imprint"');
    // The CSP allows no inline styles: the colour comes from a stylesheet of our own.
    expect(html).not.toContain("style=");
    const stylesheet = await h.visitor().get("/brand/accent-6a1b9a.css");
    expect(stylesheet.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await stylesheet.text()).toContain("--accent: #6a1b9a");
  });

  it("says the session has ended in the brand's name", async () => {
    const { h, supporter, sessionPath } = await setUp(engine);
    expect((await invite(supporter, sessionPath)).status).toBe(200);
    const joinPath = joinPathIn(h.sentMail[0]?.text ?? "");
    expect((await supporter.submit(sessionPath, `${sessionPath}/close`, { confirm: "yes" })).status).toBe(
      303,
    );
    const closed = await (await h.visitor().get(joinPath)).text();
    expect(closed).toContain("please contact Fabrikam Support again");
    expect(closed).not.toContain("Contoso Helpdesk");
  });

  it("sends an HTML e-mail with the logo, a join button and the contact, and a text part with the contact, under the brand's name", async () => {
    const { h, supporter, sessionPath, logoPath } = await setUp(engine);
    expect((await invite(supporter, sessionPath, { locale: "de" })).status).toBe(200);
    const mail = h.sentMail[0];
    expect(mail?.subject).toBe("Fernwartung durch Fabrikam Support");
    const joinUrl = `http://localhost:3000${joinPathIn(mail?.text ?? "")}`;
    expect(mail?.html).toContain(`<img src="http://localhost:3000${logoPath}" alt="Fabrikam Support"`);
    expect(mail?.html).toMatch(
      new RegExp(
        `<a href="${joinUrl}" style="[^"]*background: #6a1b9a[^"]*">An der Fernwartung teilnehmen</a>`,
      ),
    );
    expect(mail?.html).toContain('<a href="mailto:help@fabrikam.example">help@fabrikam.example</a>');
    expect(mail?.html).toContain('<a href="https://fabrikam.example/imprint">Impressum</a>');
    expect(mail?.text).toContain("Telefon: +49 30 1234567");
    expect(mail?.text).toContain("Impressum: https://fabrikam.example/imprint");
  });

  it("names the supporter to customers in full, by first name only, or not at all, as the organisation chose", async () => {
    const seen: Record<string, { page: string; mail: string }> = {};
    for (const mode of ["full", "first", "none"]) {
      const { h, supporter, sessionPath } = await setUp(engine, { supporterNameMode: mode });
      expect((await invite(supporter, sessionPath)).status).toBe(200);
      const mail = h.sentMail[0]?.text ?? "";
      const page = await (await h.visitor().get(joinPathIn(mail))).text();
      seen[mode] = { page, mail };
    }
    expect(seen.full?.page).toContain("Kenji Sato from Fabrikam Support will help you.");
    expect(seen.full?.mail).toContain("Kenji Sato");
    expect(seen.first?.page).toContain("Kenji from Fabrikam Support will help you.");
    expect(seen.first?.page).not.toContain("Sato");
    expect(seen.first?.mail).not.toContain("Sato");
    expect(seen.none?.page).toContain("The support team of Fabrikam Support will help you.");
    expect(seen.none?.page).not.toContain("Kenji");
    expect(seen.none?.mail).not.toContain("Kenji");
  });

  it("speaks the invitation's language before the browser's, and a language picked on the page before both", async () => {
    const { h, supporter, sessionPath } = await setUp(engine);
    expect((await invite(supporter, sessionPath, { locale: "ja" })).status).toBe(200);
    const joinPath = joinPathIn(h.sentMail[0]?.text ?? "");
    const page = await (await h.visitor().get(joinPath, { "accept-language": "de-DE,de;q=0.9" })).text();
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain("Fabrikam Support の Kenji Sato がサポートいたします。");
    const status = await (await h.visitor().get(`${joinPath}/status`, { "accept-language": "de" })).json();
    expect(status).toEqual({ status: "ready", message: expect.stringMatching(/[ぁ-んァ-ン]/) });
    const picked = await (await h.visitor().get(`${joinPath}?lang=en`, { "accept-language": "de" })).text();
    expect(picked).toContain('<html lang="en">');
  });

  it("without an invitation speaks the browser's language, and the organisation's when the browser names none it knows", async () => {
    const { h, supporter, sessionPath } = await setUp(engine, { defaultLocale: "de" });
    const issued = await supporter.submit(sessionPath, `${sessionPath}/join-address`, {});
    const joinPath = joinPathIn(await issued.text());
    const browsers = await (await h.visitor().get(joinPath, { "accept-language": "ja" })).text();
    expect(browsers).toContain('<html lang="ja">');
    const organisations = await (await h.visitor().get(joinPath, { "accept-language": "fr-FR" })).text();
    expect(organisations).toContain('<html lang="de">');
    expect(organisations).toContain("Kenji Sato von Fabrikam Support hilft Ihnen.");
  });

  it("offers new invitations in the organisation's language", async () => {
    const { supporter, sessionPath } = await setUp(engine, { defaultLocale: "ja" });
    const page = await (await supporter.get(sessionPath)).text();
    expect(page).toMatch(/<option value="ja" selected="">日本語<\/option>/);
  });
});
