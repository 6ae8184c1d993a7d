/** What every benchmark group gets from `run.ts`, and what it gives back. */
import type { PostgresServer } from "../../support/postgres-server.js";
import type { BackfillMode } from "../report-backfill.js";
import type { BenchEngine } from "./bench-service.js";

export interface BenchContext {
  /** Seeded report counts for the size-dependent groups. */
  sizes: readonly number[];
  engines: readonly BenchEngine[];
  /** Backfill modes to run (all four unless narrowed, e.g. the service alone at 1M records). */
  modes: readonly BackfillMode[];
  /** Fewer samples, for a check while developing. */
  isQuick: boolean;
  /** Reports the `scale` group seeds on an engine (1M; `--full` adds 5M on PostgreSQL). */
  scaleReports(engine: BenchEngine): readonly number[];
  log(line: string): void;
  /** Writes the report so far (after each case of a long group). */
  save(): void;
  /** The run's PostgreSQL server, started on first use; each case makes its own database. */
  postgres(): Promise<PostgresServer>;
}

/** One issue #8 target, judged against this run's numbers. */
export interface TargetResult {
  target: string;
  /** The measured value, in `unit`. */
  measured: number;
  limit: number;
  unit: string;
  passed: boolean;
}

/** Filled by a group as it goes: cases as they finish, then the targets judged on them. */
export interface GroupResult {
  cases: unknown[];
  targets: TargetResult[];
}

export function judge(
  target: string,
  measured: number,
  comparison: "<" | "<=" | ">=",
  limit: number,
  unit: string,
): TargetResult {
  const passed =
    comparison === "<" ? measured < limit : comparison === "<=" ? measured <= limit : measured >= limit;
  return { target, measured, limit, unit, passed };
}

/** Percentile of a sample by nearest rank. */
export function percentile(sample: readonly number[], fraction: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN
  );
}
