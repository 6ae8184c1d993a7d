import { describe, expect, it } from "vitest";
import { describeSummary } from "../src/commands/reports-sync.js";
import { countNoun } from "../src/count-noun.js";

describe("counted nouns in the CLI's output", () => {
  it("says 1 record and 0 or 2 records, by Intl.PluralRules", () => {
    expect(countNoun(1, "record", "records")).toBe("1 record");
    expect(countNoun(0, "record", "records")).toBe("0 records");
    expect(countNoun(2, "record", "records")).toBe("2 records");
  });

  it("summarises a sync of one report on one page from one account in the singular", () => {
    const summary = describeSummary({
      database: "pglite",
      isDemo: false,
      pages: 1,
      received: 1,
      rematched: 0,
      accounts: [
        {
          syncAccountId: "a1",
          organisationId: "o1",
          source: "organisation",
          userId: null,
          outcome: "completed",
          pages: 1,
          received: 1,
          error: null,
        },
      ],
    });
    expect(summary).toContain("Synced 1 connection report in 1 page from 1 account;");
    expect(summary).toContain("a1 (script token): completed, 1 record");
    expect(summary).not.toMatch(/\b1 (connection reports|pages|accounts|records)\b/);
  });
});
