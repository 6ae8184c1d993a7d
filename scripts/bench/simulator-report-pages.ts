/**
 * One benchmark case in its own process (so its peak memory is its own): seeds the simulator
 * with the given number of historical reports and walks 1000-record pages through its
 * in-process handler. Prints one JSON object.
 */
import { measureReportPages } from "@attendant/simulator";

const records = Number(process.argv[2]);
const pages = Number(process.argv[3] ?? 200);
if (!Number.isInteger(records) || records <= 0) {
  throw new Error("usage: simulator-report-pages.ts <records> [pages]");
}
const result = await measureReportPages({ records, pages });
process.stdout.write(
  `${JSON.stringify({ benchmark: "simulator.reportPages", records, pages, ...result })}\n`,
);
