/**
 * `npm run bench`: runs every benchmark case in a fresh child process, prints all results as one
 * JSON document on stdout and writes it to bench/results/<timestamp>.json. Numbers only: targets
 * and their interpretation live in docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

interface BenchCase {
  script: string;
  args: string[];
}

const cases: BenchCase[] = [10_000, 100_000, 1_000_000].map((records) => ({
  script: "simulator-report-pages.ts",
  args: [String(records), "200"],
}));

function runCase({ script, args }: BenchCase): unknown {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawnSync(
    process.execPath,
    ["--conditions=@attendant/source", "--import", "tsx", path, ...args],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    throw new Error(`benchmark ${script} ${args.join(" ")} failed:\n${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "null");
}

const results = cases.map((benchCase) => {
  process.stderr.write(`bench: ${benchCase.script} ${benchCase.args.join(" ")}\n`);
  return runCase(benchCase);
});
const report = {
  startedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: totalmem() / 2 ** 30,
  },
  results,
};
const json = JSON.stringify(report, null, 2);
const folder = fileURLToPath(new URL("../../bench/results/", import.meta.url));
mkdirSync(folder, { recursive: true });
writeFileSync(`${folder}${report.startedAt.replaceAll(":", "-")}.json`, `${json}\n`);
process.stdout.write(`${json}\n`);
