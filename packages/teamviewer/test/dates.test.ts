import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTeamViewerDate, parseTeamViewerDate } from "../src/index.js";

describe("parseTeamViewerDate", () => {
  it.each([
    ["2024-04-16T20:40:38Z", Date.UTC(2024, 3, 16, 20, 40, 38)],
    ["2024-04-16", Date.UTC(2024, 3, 16)],
    ["2024-04-16T20:40:38.250Z", Date.UTC(2024, 3, 16, 20, 40, 38, 250)],
    ["2024-04-16T22:40:38+02:00", Date.UTC(2024, 3, 16, 20, 40, 38)],
    ["2024-04-16T20:40:38", Date.UTC(2024, 3, 16, 20, 40, 38)],
    ["2024-04-16T20:40Z", Date.UTC(2024, 3, 16, 20, 40)],
  ])("reads %s without any locale or time zone", (text, expected) => {
    expect(parseTeamViewerDate(text).getTime()).toBe(expected);
  });

  it("reads absent dates as null", () => {
    expect(parseTeamViewerDate(null)).toBeNull();
    expect(parseTeamViewerDate(undefined)).toBeNull();
    expect(parseTeamViewerDate("")).toBeNull();
  });

  it.each(["16.04.2024", "04/16/2024", "yesterday", "2024-02-30", "2024-04-16T24:00:00Z", "2024-13-01"])(
    "refuses %s",
    (text) => {
      expect(() => parseTeamViewerDate(text)).toThrow(RangeError);
    },
  );

  it("round-trips every whole-second date through formatTeamViewerDate", () => {
    const wholeSeconds = fc
      .integer({ min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 })
      .map((seconds) => new Date(seconds * 1000));
    fc.assert(
      fc.property(wholeSeconds, (date) => {
        expect(parseTeamViewerDate(formatTeamViewerDate(date)).getTime()).toBe(date.getTime());
      }),
    );
  });

  it("formats with whole seconds and Z", () => {
    expect(formatTeamViewerDate(new Date(Date.UTC(2024, 3, 16, 20, 40, 38, 999)))).toBe(
      "2024-04-16T20:40:38Z",
    );
  });
});
