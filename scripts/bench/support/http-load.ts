/**
 * A closed-loop HTTP load generator in a process of its own, so that the service it measures
 * does not share its thread: `connections` loops each send the next GET as soon as the previous
 * answer is read, for `durationMs`, over keep-alive connections.
 *
 * Usage: http-load.ts '<json of HttpLoadInput>'; prints one JSON object.
 */
import { Agent, get } from "node:http";
import { percentile } from "./bench-context.js";

export interface HttpLoadInput {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
}

const input = JSON.parse(process.argv[2] ?? "null") as HttpLoadInput | null;
if (input === null) throw new Error("usage: http-load.ts '<json input>'");

const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
const latencies: number[] = [];
let failures = 0;
const ends = performance.now() + input.durationMs;

/** One GET, its body read to the end; resolves with its status. */
function send(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers }, (response) => {
      response.on("data", () => undefined);
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    }).on("error", reject);
  });
}

async function loop(url: string, headers: Record<string, string>): Promise<void> {
  while (performance.now() < ends) {
    const started = performance.now();
    const status = await send(url, headers);
    if (status === 200) latencies.push(performance.now() - started);
    else failures += 1;
  }
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
await Promise.all(Array.from({ length: input.connections }, () => loop(input.url, input.headers)));
const elapsedS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    failures,
    requestsPerSecond: latencies.length / elapsedS,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    // What generating the load cost, so a run on a busy machine still shows where the cores went.
    generatorCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length + failures),
  })}\n`,
);
