/**
 * The organisation's time zone on the brand settings page and a person's own on their profile
 * (issue 25, "Time zones"), and where they show: pages, the invitation e-mail, the join page.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import { queryRows } from "../../support/query-rows.js";
import {
  createPagesHarness,
  createSessionThroughPage,
  invite,
  joinPathIn,
} from "../session-pages/pages-harness.js";
import { brandPath, submitBrand } from "./brand-harness.js";

async function setUp(engine: ReturnType<typeof usePgliteEngine>) {
  const h = await createPagesHarness(engine, { mailer: "recording" });
  const adminUser = await h.addUser("admin");
  const admin = await h.signIn(adminUser, "Ada Admin");
  const zones = async () => ({
    organisation: (
      await queryRows<{ time_zone: string }>(h.database.db, sql`select time_zone from organisations`)
    ).map((row) => row.time_zone),
    user: (
      await queryRows<{ time_zone: string | null }>(
        h.database.db,
        sql`select time_zone from users where id = ${adminUser.id}`,
      )
    )[0]?.time_zone,
  });
  return { h, admin, zones };
}

const profile = (timeZone: string) => ({ displayName: "Ada Admin", locale: "en", timeZone });

describe("the time zone settings", () => {
  const engine = usePgliteEngine();

  it.each([
    ["an empty zone", "", "Choose a time zone from the list."],
    [
      "an unknown zone",
      "Mars/Olympus_Mons",
      "This is not a time zone we know. Choose one from the list: an IANA name such as Europe/Berlin, Asia/Tokyo or UTC.",
    ],
    ["an offset instead of a zone", "+09:00", "This is not a time zone we know."],
  ])(
    "refuses %s for the organisation, saying how to fix it, and stores nothing",
    async (_, timeZone, message) => {
      const { h, admin, zones } = await setUp(engine);
      const response = await submitBrand(admin, { timeZone, displayName: "Fabrikam Support" });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toMatch(/id="timeZone"[^>]*aria-invalid="true"/);
      expect(html).toContain('value="Fabrikam Support"');
      expect((await zones()).organisation).toEqual(["UTC"]);
      expect(await queryRows(h.database.db, sql`select organisation_id from organisation_brands`)).toEqual(
        [],
      );
    },
  );

  it("refuses an unknown zone on the profile next to the field and keeps the saved one", async () => {
    const { admin, zones } = await setUp(engine);
    expect((await admin.submit("/profile", "/profile", profile("Asia/Tokyo"))).status).toBe(303);
    const response = await admin.submit("/profile", "/profile", profile("Mars/Olympus_Mons"));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="timeZone-error"');
    expect(html).toContain("This is not a time zone we know.");
    expect((await zones()).user).toBe("Asia/Tokyo");
  });

  it("shows an admin's pages in the organisation's zone, naming it, until they choose their own", async () => {
    const { admin, zones } = await setUp(engine);
    expect((await submitBrand(admin, { timeZone: "Asia/Tokyo" })).status).toBe(303);
    expect((await zones()).organisation).toEqual(["Asia/Tokyo"]);
    expect(await (await admin.get(brandPath)).text()).toContain('<option value="Asia/Tokyo" selected="">');

    const inTokyo = await (await admin.get("/audit")).text();
    expect(inTokyo).toMatch(/\d{1,2}:\d\d [AP]M GMT\+9</);
    expect(inTokyo).not.toMatch(/\d{1,2}:\d\d [AP]M UTC</);
    const profilePage = await (await admin.get("/profile")).text();
    expect(profilePage).toContain("The organisation&#39;s (Asia/Tokyo)");

    expect((await admin.submit("/profile", "/profile", profile("America/New_York"))).status).toBe(303);
    expect((await zones()).user).toBe("America/New_York");
    expect(await (await admin.get("/audit")).text()).toMatch(/\d{1,2}:\d\d [AP]M E[SD]T</);

    expect((await admin.submit("/profile", "/profile", profile(""))).status).toBe(303);
    expect((await zones()).user).toBeNull();
    expect(await (await admin.get("/audit")).text()).toMatch(/\d{1,2}:\d\d [AP]M GMT\+9</);
  });

  it("writes the invitation's validity in the organisation's zone, naming it, and the join page does so without scripts", async () => {
    const { h, admin } = await setUp(engine);
    expect((await submitBrand(admin, { timeZone: "Asia/Tokyo" })).status).toBe(303);
    const supporter = await h.signIn(
      await h.addUser("supporter", { teamViewerUserid: "u7005" }),
      "Kenji Sato",
    );
    const sessionPath = await createSessionThroughPage(supporter);
    expect((await invite(supporter, sessionPath, { locale: "ja" })).status).toBe(200);
    const mail = h.sentMail[0]?.text ?? "";
    expect(mail).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d\d JST/);

    const html = await (await h.visitor().get(joinPathIn(mail))).text();
    const validity = /<time datetime="([^"]+)" data-local-time="true" data-locale="ja">([^<]+)<\/time>/.exec(
      html,
    );
    expect(validity?.[2]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d\d JST$/);
    expect(new Date(validity?.[1] ?? "").toISOString()).toBe(validity?.[1]);
    expect(html).toMatch(/<script src="\/assets\/local-time-[0-9a-f]{12}\.js" defer="">/);
  });
});
