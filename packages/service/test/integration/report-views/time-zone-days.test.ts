/**
 * The report pages read dates in the person's time zone (issue 25, "Time zones"): a filter's day
 * is that zone's day, the CSV from the pages carries the zone's offset, and the API stays UTC.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { usePgliteEngine } from "../../support/engines.js";
import type { Browser } from "../../web/web-harness.js";
import { createPagesHarness, type PagesHarness } from "../session-pages/pages-harness.js";
import { seedReports } from "./report-fixtures.js";

// 23:30 and 00:30 in Tokyo on either side of its midnight; both on 2 March in UTC.
const beforeTokyoMidnight = new Date("2026-03-02T14:30:00Z");
const afterTokyoMidnight = new Date("2026-03-02T15:30:00Z");

describe("report days in the reader's time zone", () => {
  const engine = usePgliteEngine();
  let h: PagesHarness;
  let tokyo: Browser;
  let utc: Browser;
  let ids: string[];

  beforeAll(async () => {
    h = await createPagesHarness(engine);
    tokyo = await h.signIn(await h.addUser("admin"), "Kenji Sato");
    utc = await h.signIn(await h.addUser("admin"), "Ada Admin");
    const saved = await tokyo.submit("/profile", "/profile", {
      displayName: "Kenji Sato",
      locale: "en",
      timeZone: "Asia/Tokyo",
    });
    expect(saved.status).toBe(303);
    ids = await seedReports(h.database.db, h.organisationId, [
      { startDate: beforeTokyoMidnight, userName: "Before midnight" },
      { startDate: afterTokyoMidnight, userName: "After midnight" },
    ]);
  });

  const listed = async (browser: Browser, day: string) => {
    const html = await (await browser.get(`/reports?from=${day}&to=${day}`)).text();
    return [...html.matchAll(/<tr data-report-id="([^"]+)"/g)].map((match) => match[1]).sort();
  };

  it("filters by the days of the reader's zone, so a connection after Tokyo's midnight is on the next day there", async () => {
    expect(await listed(tokyo, "2026-03-02")).toEqual([ids[0]]);
    expect(await listed(tokyo, "2026-03-03")).toEqual([ids[1]]);
    expect(await listed(utc, "2026-03-02")).toEqual([...ids].sort());
    expect(await listed(utc, "2026-03-03")).toEqual([]);
  });

  it("counts the dashboard's connections per day of the reader's zone", async () => {
    const html = await (await tokyo.get("/reports/dashboard?from=2026-03-02&to=2026-03-03")).text();
    const perDay = /<figure class="chart" id="chart-per-day">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? "";
    expect(perDay).toContain('<th scope="row">2026-03-02</th><td class="number">1</td>');
    expect(perDay).toContain('<th scope="row">2026-03-03</th><td class="number">1</td>');
  });

  it("shows the start times in the reader's zone and names it", async () => {
    const html = await (await tokyo.get("/reports?from=2026-03-03&to=2026-03-03")).text();
    expect(html).toContain("Mar 3, 2026, 12:30 AM GMT+9");
    expect(html).not.toContain("3:30 PM");
  });

  it("exports CSV dates from the pages with the reader's offset, and keeps the API's CSV in UTC", async () => {
    const csvStarts = (text: string) => {
      const [header = "", ...rows] = text
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .filter(Boolean);
      const column = header.split(",").indexOf("start_date");
      return rows.map((row) => row.split(",")[column]).sort();
    };
    const fromPage = await (await tokyo.get("/reports/export?format=csv")).text();
    expect(csvStarts(fromPage)).toEqual(["2026-03-02T23:30:00+09:00", "2026-03-03T00:30:00+09:00"]);
    const fromUtcReader = await (await utc.get("/reports/export?format=csv")).text();
    expect(csvStarts(fromUtcReader)).toEqual(["2026-03-02T14:30:00+00:00", "2026-03-02T15:30:00+00:00"]);

    const key = await h.createKey(null, ["reports:read"]);
    const fromApi = await (
      await h.api("GET", "/api/v1/reports/connections/export?format=csv", { key })
    ).text();
    expect(csvStarts(fromApi)).toEqual(["2026-03-02T14:30:00.000Z", "2026-03-02T15:30:00.000Z"]);
  });
});
