import { describe, expect, it } from "vitest";
import { BarChart, ColumnChart, niceCeiling } from "../../src/reports/pages/charts.js";

const frame = {
  id: "chart-test",
  title: "Connections per day",
  description: "How many connections started each day.",
  tableLabel: "Show the numbers as a table",
  columns: ["Day", "Connections"] as [string, string],
};

const render = (element: unknown) => String(element);

describe("server-rendered charts", () => {
  it("rounds the value axis up to 1, 2 or 5 times a power of ten", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(12)).toBe(20);
    expect(niceCeiling(0.3)).toBe(0.5);
    expect(niceCeiling(4200)).toBe(5000);
  });

  it("draws one bar per value with an accessible name, a tooltip and the same data as a table", () => {
    const data = [
      { label: "2026-03-01", value: 2 },
      { label: "2026-03-02", value: 0 },
      { label: "2026-03-03", value: 5 },
    ];
    const html = render(ColumnChart({ ...frame, data }));
    expect(html.match(/<rect class="chart-bar"/g)).toHaveLength(3);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="chart-test-title chart-test-desc"');
    expect(html).toContain('<title id="chart-test-title">Connections per day</title>');
    expect(html).toContain("<title>2026-03-03: 5</title>");
    expect(html).toContain('<th scope="row">2026-03-02</th><td class="number">0</td>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("style=");
  });

  it("escapes labels people typed, and scales bars to the largest value", () => {
    const html = render(
      BarChart({
        ...frame,
        data: [
          { label: "<b>Müller</b> 株式会社", value: 120, display: "120 min" },
          { label: "Erika", value: 60, display: "60 min" },
        ],
      }),
    );
    expect(html).not.toContain("<b>Müller</b>");
    expect(html).toContain("&lt;b&gt;Müller&lt;/b&gt; 株式会社");
    const widths = [...html.matchAll(/<rect class="chart-bar" x="\d+" y="[\d.]+" width="([\d.]+)"/g)].map(
      (m) => Number(m[1]),
    );
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) / 2, 0);
  });
});
