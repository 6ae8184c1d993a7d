import { createSimulator } from "../simulator.js";

export interface ReportPageMeasurement {
  pagesPerSecond: number;
  recordsPerSecond: number;
  rssMb: number;
  seedMs: number;
}

/**
 * Seeds `records` historical reports and walks `pages` pages of 1000 through the in-process
 * handler, newest first with `offset_id`, like a report sync would. For `npm run bench`.
 */
export async function measureReportPages(options: {
  records: number;
  pages: number;
}): Promise<ReportPageMeasurement> {
  const simulator = createSimulator();
  const seedStarted = performance.now();
  simulator.admin.seedReports({ count: options.records });
  const seedMs = performance.now() - seedStarted;
  const headers = { authorization: `Bearer ${simulator.demo().scriptToken}` };
  const base = `${simulator.publicOrigin}/api/v1/reports/connections`;
  let offsetId: string | undefined;
  let pages = 0;
  let records = 0;
  const started = performance.now();
  while (pages < options.pages) {
    const url = offsetId === undefined ? base : `${base}?offset_id=${offsetId}`;
    const response = await simulator.fetch(url, { headers });
    const page = (await response.json()) as { records: unknown[]; next_offset?: string };
    pages += 1;
    records += page.records.length;
    offsetId = page.next_offset;
    if (offsetId === undefined) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    pagesPerSecond: pages / seconds,
    recordsPerSecond: records / seconds,
    rssMb: process.memoryUsage().rss / (1024 * 1024),
    seedMs,
  };
}
