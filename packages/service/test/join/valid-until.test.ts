import { describe, expect, it } from "vitest";
import { isWellFormedJoinToken } from "../../src/join/open-join-page.js";
import { formatValidUntil } from "../../src/join/valid-until.js";

describe("formatValidUntil", () => {
  it("writes the date out in the visitor's language, in the organisation's zone, naming it", () => {
    const at = new Date("2026-03-03T09:14:00Z");
    expect(formatValidUntil(at, "en", "UTC")).toBe("3 March 2026 at 09:14 UTC");
    expect(formatValidUntil(at, "de", "Europe/Berlin")).toBe("3. März 2026 um 10:14 MEZ");
    expect(formatValidUntil(at, "ja", "Asia/Tokyo")).toBe("2026年3月3日 18:14 JST");
  });
});

describe("isWellFormedJoinToken", () => {
  it("accepts only 43 base64url characters (256 bits)", () => {
    expect(isWellFormedJoinToken("a".repeat(43))).toBe(true);
    expect(isWellFormedJoinToken("a".repeat(42))).toBe(false);
    expect(isWellFormedJoinToken(`${"a".repeat(42)}/`)).toBe(false);
  });
});
