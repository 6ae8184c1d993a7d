/**
 * How far V8 lets the JavaScript heap grow past what was live after each full collection.
 *
 * By default V8 lets the old generation grow to up to four times its live size before it
 * collects it again, when collecting is cheap, as it is for Attendant's heap (~35 MB live). A
 * report backfill promotes each page's records (a page is held while the next one is fetched),
 * so a long sync's resident memory rose 70–107 MB above a short sync's before the first full
 * collection, and the process kept that memory (ADR 0015, docs/performance.md). Growing
 * by at most the live size kept that rise to 18–40 MB in two runs, for a few more full
 * collections (incremental and mostly concurrent); the sync's rate stayed within its run-to-run
 * spread. An embedded deployment on a small machine is short of memory first.
 */
import { setFlagsFromString } from "node:v8";

export const heapGrowingPercent = 100;

/**
 * Call once at the start of a process that runs Attendant: the `attendant` command does, and so do
 * the benchmark processes that stand in for it (scripts/bench). V8 reads it at each collection.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
