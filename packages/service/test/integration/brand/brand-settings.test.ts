import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { solidPng } from "../../support/png-image.js";
import { queryRows } from "../../support/query-rows.js";
import { createPagesHarness } from "../session-pages/pages-harness.js";
import { brandPath, logoPathIn, submitBrand } from "./brand-harness.js";

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  const h = await createPagesHarness(engine);
  const admin = await h.signIn(await h.addUser("admin"), "Ada Admin");
  return { h, admin };
}

describe("the brand settings", () => {
  const engine = usePgliteEngine();

  it("refuses each bad field with a message that says how to fix it, keeps every typed value and stores nothing", async () => {
    const { h, admin } = await setUp(engine);
    const bad = {
      displayName: "x".repeat(101),
      accentColour: "#ffeb3b",
      supportPhone: "call us",
      supportEmail: "help-at-fabrikam",
      supportUrl: "http://fabrikam.example/help",
      legalUrl: "javascript:alert(1)",
      supporterNameMode: "nickname",
      defaultLocale: "fr",
    };
    const response = await submitBrand(admin, bad);
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const message of [
      "At most 100 characters.",
      "White text on this colour has a contrast of only 1.2:1; at least 4.5:1 is needed. Choose a darker colour.",
      "Write the number with digits, spaces and + ( ) - / . only",
      "This is not an e-mail address",
      "Only https:// addresses are shown to customers. Use the https:// address.",
    ]) {
      expect(html).toContain(message);
    }
    expect(html.match(/Choose one of the options\./g)).toHaveLength(2);
    for (const field of [
      "displayName",
      "accentColour",
      "supportPhone",
      "supportEmail",
      "supportUrl",
      "legalUrl",
    ]) {
      expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    }
    for (const typed of [
      bad.accentColour,
      bad.supportPhone,
      bad.supportEmail,
      bad.supportUrl,
      bad.legalUrl,
    ]) {
      expect(html).toContain(`value="${typed}"`);
    }
    expect(html).toContain("choose the logo file again");
    expect(await queryRows(h.database.db, sql`select organisation_id from organisation_brands`)).toEqual([]);
  });

  it("refuses a colour that is not #rrggbb and an address that is not one", async () => {
    const { admin } = await setUp(engine);
    const html = await (await submitBrand(admin, { accentColour: "purple", supportUrl: "fabrikam" })).text();
    expect(html).toContain("Write the colour as # and six hex digits, for example #0a5bd3.");
    expect(html).toContain(
      "This is not a web address. Write it in full, for example https://example.com/support.",
    );
  });

  it("knows a logo by its bytes: takes a PNG named .svg, refuses an SVG named .png", async () => {
    const { h, admin } = await setUp(engine);
    const disguisedSvg = await submitBrand(admin, {}, { bytes: svg, name: "logo.png", type: "image/png" });
    expect(disguisedSvg.status).toBe(422);
    expect(await disguisedSvg.text()).toContain(
      "This file is not a PNG, JPEG or WebP image (whatever its name says). SVG is not accepted.",
    );
    expect(await queryRows(h.database.db, sql`select organisation_id from organisation_brands`)).toEqual([]);

    const png = solidPng(120, 40);
    const disguisedPng = await submitBrand(
      admin,
      {},
      { bytes: png, name: "logo.svg", type: "image/svg+xml" },
    );
    expect(disguisedPng.status).toBe(303);
    const served = await h.visitor().get(logoPathIn(await (await admin.get(brandPath)).text()));
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("refuses a logo over 256 KB or over 1024 pixels a side, saying its size", async () => {
    const { admin } = await setUp(engine);
    const huge = Buffer.concat([solidPng(10, 10), Buffer.alloc(256 * 1024)]);
    const tooLarge = await submitBrand(admin, {}, { bytes: huge, name: "logo.png", type: "image/png" });
    expect(tooLarge.status).toBe(422);
    expect(await tooLarge.text()).toContain("The logo is larger than 256 KB.");
    const wide = await submitBrand(
      admin,
      {},
      { bytes: solidPng(1500, 10), name: "logo.png", type: "image/png" },
    );
    expect(wide.status).toBe(422);
    expect(await wide.text()).toContain("The logo is 1500 × 10 pixels; at most 1024 pixels a side.");
  });

  it("serves the logo as an image only: its proven type, nosniff, CSP default-src 'none', inline, under an address that changes with it", async () => {
    const { h, admin } = await setUp(engine);
    expect(
      (await submitBrand(admin, {}, { bytes: solidPng(64, 64), name: "a.png", type: "image/png" })).status,
    ).toBe(303);
    const firstPath = logoPathIn(await (await admin.get(brandPath)).text());
    const logo = await h.visitor().get(firstPath);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(logo.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(logo.headers.get("content-disposition")).toBe("inline");
    expect(logo.headers.get("cache-control")).toContain("immutable");

    expect(
      (await submitBrand(admin, {}, { bytes: solidPng(32, 32), name: "b.png", type: "image/png" })).status,
    ).toBe(303);
    const secondPath = logoPathIn(await (await admin.get(brandPath)).text());
    expect(secondPath).not.toBe(firstPath);
    expect((await h.visitor().get(firstPath)).status).toBe(404);

    expect((await submitBrand(admin, { removeLogo: "on" })).status).toBe(303);
    expect((await h.visitor().get(secondPath)).status).toBe(404);
  });

  it("is for admins only, and audited", async () => {
    const { h, admin } = await setUp(engine);
    const supporter = await h.signIn(await h.addUser("supporter"));
    expect((await supporter.get(brandPath)).status).toBe(403);
    expect((await submitBrand(admin, {})).status).toBe(303);
    const page = await (await admin.get(`${brandPath}?notice=saved`)).text();
    expect(page).toContain("Saved. Customers see the new brand from now on.");
    expect(page).toContain('value="Fabrikam Support"');
    expect(
      await queryRows(
        h.database.db,
        sql`select action from audit_log where action = 'organisation_brand.updated'`,
      ),
    ).toHaveLength(1);
  });
});
