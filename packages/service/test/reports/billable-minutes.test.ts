import { describe, expect, it } from "vitest";
import { computeBillableMinutes, defaultBillingRules } from "../../src/reports/billable-minutes.js";
import { areValidBillingRules } from "../../src/reports/organisation-billing-rules.js";

const rules = (roundingIncrementMinutes: number, minimumBillableMinutes: number) => ({
  roundingIncrementMinutes,
  minimumBillableMinutes,
});

describe("billable minutes", () => {
  it("rounds every started minute up by default and has no minimum", () => {
    expect(computeBillableMinutes(0, defaultBillingRules)).toBe(0);
    expect(computeBillableMinutes(1, defaultBillingRules)).toBe(1);
    expect(computeBillableMinutes(60, defaultBillingRules)).toBe(1);
    expect(computeBillableMinutes(61, defaultBillingRules)).toBe(2);
  });

  it("rounds up to the next whole increment, and an exact multiple stays as it is", () => {
    const quarterHours = rules(15, 0);
    expect(computeBillableMinutes(1, quarterHours)).toBe(15);
    expect(computeBillableMinutes(15 * 60, quarterHours)).toBe(15);
    expect(computeBillableMinutes(15 * 60 + 1, quarterHours)).toBe(30);
    expect(computeBillableMinutes(7 * 60 + 30, quarterHours)).toBe(15);
    expect(computeBillableMinutes(24 * 3600, rules(1440, 0))).toBe(1440);
    expect(computeBillableMinutes(24 * 3600 + 1, rules(1440, 0))).toBe(2880);
  });

  it("never bills less than the minimum, also for a zero-length connection", () => {
    expect(computeBillableMinutes(0, rules(1, 10))).toBe(10);
    expect(computeBillableMinutes(9 * 60 + 59, rules(1, 10))).toBe(10);
    expect(computeBillableMinutes(10 * 60 + 1, rules(1, 10))).toBe(11);
    // The minimum is not itself rounded to the increment: it is what the customer agreed to.
    expect(computeBillableMinutes(60, rules(15, 20))).toBe(20);
    expect(computeBillableMinutes(16 * 60, rules(15, 20))).toBe(30);
  });

  it("has no answer for an unknown duration and counts a negative one as zero", () => {
    expect(computeBillableMinutes(null, rules(15, 5))).toBeNull();
    expect(computeBillableMinutes(Number.NaN, rules(15, 5))).toBeNull();
    expect(computeBillableMinutes(-120, rules(15, 0))).toBe(0);
    expect(computeBillableMinutes(-120, rules(15, 5))).toBe(5);
  });

  it("accepts whole-minute rules within 1..1440 (increment) and 0..1440 (minimum) only", () => {
    expect(areValidBillingRules(rules(1, 0))).toBe(true);
    expect(areValidBillingRules(rules(1440, 1440))).toBe(true);
    expect(areValidBillingRules(rules(0, 0))).toBe(false);
    expect(areValidBillingRules(rules(1441, 0))).toBe(false);
    expect(areValidBillingRules(rules(15, -1))).toBe(false);
    expect(areValidBillingRules(rules(15, 1441))).toBe(false);
    expect(areValidBillingRules(rules(7.5, 0))).toBe(false);
  });
});
