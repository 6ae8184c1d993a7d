import { describe, expect, it } from "vitest";
import { isWellFormedJoinToken } from "../../src/join/open-join-page.js";
import { formatValidUntil } from "../../src/join/valid-until.js";

describe("formatValidUntil", () => {
  it("writes the date out in the visitor's language and always says UTC", () => {
    const at = new Date("2026-03-03T09:14:00Z");
    expect(formatValidUntil(at, "en")).toBe("3 March 2026 at 09:14 UTC");
    expect(formatValidUntil(at, "de")).toBe("3. März 2026 um 09:14 UTC");
    expect(formatValidUntil(at, "ja")).toBe("2026年3月3日 9:14 UTC");
  });
});

describe("isWellFormedJoinToken", () => {
  it("accepts only 43 base64url characters (256 bits)", () => {
    expect(isWellFormedJoinToken("a".repeat(43))).toBe(true);
    expect(isWellFormedJoinToken("a".repeat(42))).toBe(false);
    expect(isWellFormedJoinToken(`${"a".repeat(42)}/`)).toBe(false);
  });
});
