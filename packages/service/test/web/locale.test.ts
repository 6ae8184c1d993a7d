import { describe, expect, it } from "vitest";
import { updateUser } from "../../src/db/repositories/users.js";
import { useWebHarnesses } from "./web-harness.js";

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

describe("page language", { timeout: 60_000 }, () => {
  const harnesses = useWebHarnesses();

  it("follows Accept-Language and sets <html lang>", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const page = await harness.browser().get("/login", { "accept-language": "fr-CH, de-AT;q=0.9, en;q=0.5" });
    const html = await page.text();
    expect(htmlLang(html)).toBe("de");
    expect(html).toContain("<title>Anmelden · Attendant</title>");
  });

  it("ranks ?lang= over the language cookie over the saved choice over Accept-Language", async () => {
    const harness = await harnesses.create();
    const admin = await harness.addUser("admin");
    await updateUser(harness.db, admin.id, { locale: "ja" }, harness.clock.now());
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const accept = { "accept-language": "de" };

    expect(htmlLang(await (await browser.get("/", accept)).text())).toBe("ja");
    expect(htmlLang(await (await browser.get("/?lang=en", accept)).text())).toBe("en");
    // The switcher's choice is remembered in a cookie and outranks the saved one.
    expect(htmlLang(await (await browser.get("/", accept)).text())).toBe("en");
    expect(htmlLang(await (await browser.get("/?lang=de", accept)).text())).toBe("de");
    expect(htmlLang(await (await browser.get("/?lang=xx", accept)).text())).toBe("de");
  });

  it("translates the pages into German and Japanese", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const german = await (await browser.get("/users?lang=de")).text();
    expect(german).toContain("Benutzer hinzufügen");
    const japanese = await (await browser.get("/profile?lang=ja")).text();
    expect(htmlLang(japanese)).toBe("ja");
    expect(japanese).toContain("パスワードの変更");
  });

  it("saves a per-user language on the profile page, which then wins over the browser", async () => {
    const harness = await harnesses.create();
    await harness.addUser("admin");
    const browser = harness.browser();
    await browser.signIn("admin@example.com");
    const saved = await browser.submit("/profile", "/profile", { displayName: "Ada", locale: "ja" });
    expect(saved.status).toBe(303);
    const page = await browser.get("/", { "accept-language": "de" });
    expect(htmlLang(await page.text())).toBe("ja");
  });
});
