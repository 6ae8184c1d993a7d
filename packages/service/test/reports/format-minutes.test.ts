import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n/index.js";
import { formatMinutes } from "../../src/reports/pages/format-minutes.js";

describe("formatMinutes", () => {
  const english = createTranslator("en");

  it("reads minutes from an hour on as hours and minutes, in the reader's language", () => {
    expect(formatMinutes(english, 7419.3)).toBe("123 h 39 min");
    expect(formatMinutes(createTranslator("de"), 7419.3)).toBe("123 Std. 39 Min.");
    expect(formatMinutes(createTranslator("ja"), 7419.3)).toBe("123 時間 39 分");
    expect(formatMinutes(english, 90_000)).toBe("1,500 h");
  });

  it("keeps durations under an hour in minutes, decimals in the reader's digits", () => {
    expect(formatMinutes(english, 45)).toBe("45 min");
    expect(formatMinutes(createTranslator("de"), 7.5)).toBe("7,5 Min.");
    expect(formatMinutes(english, 59.9)).toBe("59.9 min");
  });
});
