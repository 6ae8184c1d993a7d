import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const heapGrowth = fileURLToPath(new URL("../../src/heap-growth.ts", import.meta.url));

/**
 * A process that keeps ~32 MB live and, like a backfill, holds each batch of records while the
 * next ones are made, so they outlive the young generation. Prints its largest heap in MB.
 */
const workload = `
  const { limitHeapGrowth } = await import(${JSON.stringify(heapGrowth)});
  limitHeapGrowth();
  const live = Array.from({ length: 32 }, () => "x".repeat(1 << 20).split("").join(""));
  const held = [];
  let largest = 0;
  for (let round = 0; round < 400; round++) {
    held.push(Array.from({ length: 20000 }, (_, k) => ({ k, text: "record " + round + "-" + k })));
    if (held.length > 3) held.shift();
    if (round % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    largest = Math.max(largest, process.memoryUsage().heapTotal);
  }
  console.log(JSON.stringify({ largestMb: largest / 2 ** 20, live: live.length }));
`;

// V8's own default grows this heap to ~230 MB before it collects the old generation again.
it("keeps the heap within about twice what stays live", { timeout: 60_000 }, () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", workload], {
    encoding: "utf8",
  });
  expect(child.stderr).toBe("");
  const { largestMb } = JSON.parse(child.stdout) as { largestMb: number };

  expect(largestMb).toBeLessThan(180);
});
