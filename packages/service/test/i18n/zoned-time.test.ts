import { describe, expect, it } from "vitest";
import {
  checkTimeZone,
  endOfZonedDay,
  formatZonedDateTime,
  formatZonedTime,
  isoWithOffset,
  isTimeZone,
  offsetMinutes,
  readableTimeZone,
  startOfZonedDay,
  zonedDay,
} from "../../src/i18n/zoned-time.js";

describe("the time zone formatting", () => {
  it("shows a time in the zone and names it, in the reader's language", () => {
    const at = new Date("2026-03-03T09:14:00Z");
    expect(formatZonedDateTime(at, { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe(
      "3 Mar 2026, 18:14 GMT+9",
    );
    expect(formatZonedDateTime(at, { locale: "ja", timeZone: "Asia/Tokyo" })).toBe("2026/03/03 18:14 JST");
    expect(formatZonedDateTime(at, { locale: "de", timeZone: "UTC" })).toBe("03.03.2026, 09:14 UTC");
    expect(formatZonedTime(at, { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe("10:14 CET");
  });

  it("follows a DST change: Berlin's name and offset change on the last Sunday of March", () => {
    const beforeChange = new Date("2026-03-29T00:30:00Z");
    const afterChange = new Date("2026-03-29T01:30:00Z");
    expect(formatZonedTime(beforeChange, { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe("01:30 CET");
    expect(formatZonedTime(afterChange, { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe("03:30 CEST");
    expect(offsetMinutes(beforeChange, "Europe/Berlin")).toBe(60);
    expect(offsetMinutes(afterChange, "Europe/Berlin")).toBe(120);
    expect(isoWithOffset(afterChange, "Europe/Berlin")).toBe("2026-03-29T03:30:00+02:00");
  });

  it("writes ISO 8601 with the zone's offset, west of UTC too", () => {
    const at = new Date("2026-07-01T02:05:09.750Z");
    expect(isoWithOffset(at, "Asia/Tokyo")).toBe("2026-07-01T11:05:09+09:00");
    expect(isoWithOffset(at, "America/New_York")).toBe("2026-06-30T22:05:09-04:00");
    expect(isoWithOffset(at, "UTC")).toBe("2026-07-01T02:05:09+00:00");
    expect(isoWithOffset(at, "Asia/Kolkata")).toBe("2026-07-01T07:35:09+05:30");
  });

  it("finds where a zone's day begins and ends, also on a day 23 hours long", () => {
    expect(startOfZonedDay("2026-03-03", "Asia/Tokyo").toISOString()).toBe("2026-03-02T15:00:00.000Z");
    expect(endOfZonedDay("2026-03-03", "Asia/Tokyo").toISOString()).toBe("2026-03-03T14:59:59.999Z");
    expect(startOfZonedDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfZonedDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(startOfZonedDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(endOfZonedDay("2026-12-31", "UTC").toISOString()).toBe("2026-12-31T23:59:59.999Z");
    expect(zonedDay(new Date("2026-03-02T15:30:00Z"), "Asia/Tokyo")).toBe("2026-03-03");
  });

  it("refuses a zone it does not know with an error that names it and says what to give", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    for (const bad of ["Mars/Olympus_Mons", "", "+01:00", "Europe/Berlin\n", "../etc/passwd"]) {
      expect(isTimeZone(bad)).toBe(false);
      expect(() => checkTimeZone(bad)).toThrow(
        `"${bad}" is not a time zone: give an IANA time zone name such as "Europe/Berlin", "Asia/Tokyo" or "UTC".`,
      );
    }
    expect(() => formatZonedDateTime(new Date(), { locale: "en", timeZone: "Mars/Olympus_Mons" })).toThrow(
      /is not a time zone/,
    );
    expect(() => startOfZonedDay("3 March", "UTC")).toThrow(
      '"3 March" is not a day: give one like 2030-01-31.',
    );
  });

  it("reads a stored zone this runtime does not know as the next one, then UTC, instead of failing every page", () => {
    expect(readableTimeZone("Asia/Tokyo", "Europe/Berlin")).toBe("Asia/Tokyo");
    expect(readableTimeZone(null, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(readableTimeZone("Mars/Olympus_Mons", "Europe/Berlin")).toBe("Europe/Berlin");
    expect(readableTimeZone("Mars/Olympus_Mons", undefined)).toBe("UTC");
  });
});
