/**
 * Charts as inline SVG rendered on the server: no script (the CSP forbids inline scripts and we
 * load no chart library), colours from the stylesheet (light and dark), a native tooltip per bar
 * (`<title>`), and for screen readers and people who prefer numbers an accessible name and
 * description plus the same data as a table under a disclosure.
 */
import type { Child } from "hono/jsx";

export interface ChartDatum {
  label: string;
  value: number;
  /** The value as people read it (e.g. "42 min"); the number itself when absent. */
  display?: string;
}

interface ChartFrame {
  /** Unique on the page; the base of the ids that tie title, description and table together. */
  id: string;
  title: string;
  description: string;
  tableLabel: string;
  /** Column headings of the data table: [label, value]. */
  columns: [string, string];
}

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

const display = (datum: ChartDatum) => datum.display ?? String(datum.value);
const round = (value: number) => Math.round(value * 10) / 10;

function ChartFigure(props: { frame: ChartFrame; data: readonly ChartDatum[]; children: Child }) {
  const { frame } = props;
  return (
    <figure class="chart" id={frame.id}>
      <figcaption id={`${frame.id}-caption`}>{frame.title}</figcaption>
      {props.children}
      <details class="chart-data">
        <summary>{frame.tableLabel}</summary>
        <table>
          <caption>{frame.title}</caption>
          <thead>
            <tr>
              <th scope="col">{frame.columns[0]}</th>
              <th scope="col">{frame.columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {props.data.map((datum) => (
              <tr>
                <th scope="row">{datum.label}</th>
                <td class="number">{display(datum)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Vertical columns over time (one per day), with a value axis and sparse date labels. */
export function ColumnChart(props: ChartFrame & { data: readonly ChartDatum[] }) {
  const width = 720;
  const height = 240;
  const left = 44;
  const right = 8;
  const top = 12;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = niceCeiling(Math.max(0, ...props.data.map((datum) => datum.value)));
  const slot = plotWidth / Math.max(1, props.data.length);
  const gap = slot > 6 ? Math.min(4, slot * 0.2) : 0;
  // About eight date labels whatever the range, so they never overlap.
  const labelEvery = Math.max(1, Math.ceil(props.data.length / 8));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  return (
    <ChartFigure frame={props} data={props.data}>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {(Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]).map((tick) => (
          <g>
            <line class="chart-grid" x1={left} x2={width - right} y1={round(y(tick))} y2={round(y(tick))} />
            <text class="chart-axis" x={left - 6} y={round(y(tick)) + 4} text-anchor="end">
              {String(round(tick))}
            </text>
          </g>
        ))}
        {props.data.map((datum, index) => {
          const x = left + index * slot + gap / 2;
          const barHeight = (datum.value / max) * plotHeight;
          return (
            <g>
              <rect
                class="chart-bar"
                x={round(x)}
                y={round(top + plotHeight - barHeight)}
                width={round(Math.max(1, slot - gap))}
                height={round(barHeight)}
              >
                <title>{`${datum.label}: ${display(datum)}`}</title>
              </rect>
              {index % labelEvery === 0 && (
                <text
                  class="chart-axis"
                  x={round(x + (slot - gap) / 2)}
                  y={height - bottom + 16}
                  text-anchor="middle"
                >
                  {datum.label.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

/** Horizontal bars, largest first, label left and value at the bar's end. */
export function BarChart(props: ChartFrame & { data: readonly ChartDatum[] }) {
  const width = 720;
  const rowHeight = 28;
  const labelWidth = 200;
  const valueWidth = 90;
  const top = 6;
  const height = top * 2 + Math.max(1, props.data.length) * rowHeight;
  const plotWidth = width - labelWidth - valueWidth;
  const max = Math.max(0, ...props.data.map((datum) => datum.value)) || 1;
  const shorten = (label: string) => (label.length > 28 ? `${label.slice(0, 27)}…` : label);
  return (
    <ChartFigure frame={props} data={props.data}>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {props.data.map((datum, index) => {
          const y = top + index * rowHeight;
          const barWidth = (datum.value / max) * plotWidth;
          return (
            <g>
              <text class="chart-label" x={labelWidth - 8} y={y + rowHeight / 2 + 4} text-anchor="end">
                {shorten(datum.label)}
              </text>
              <rect
                class="chart-bar"
                x={labelWidth}
                y={y + 4}
                width={round(Math.max(1, barWidth))}
                height={rowHeight - 8}
              >
                <title>{`${datum.label}: ${display(datum)}`}</title>
              </rect>
              <text class="chart-value" x={round(labelWidth + barWidth + 6)} y={y + rowHeight / 2 + 4}>
                {display(datum)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
