/**
 * Exports as CSV or JSON Lines (issue 6), streamed with constant memory whatever the size: the
 * database is read in keyset batches, one batch per chunk the reader pulls, so at most one batch
 * is held at a time and a slow download slows the reading instead of filling memory. The filter
 * and access rules are those of the lists; problems with the request are thrown before the
 * first byte, so callers can still answer them with a proper status.
 */
import { listConnectionReportRows } from "../db/repositories/connection-report-search.js";
import type { ReportCursor } from "../db/repositories/connection-reports.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import {
  type ListedConnectionReport,
  positionOf,
  type ReportDeps,
  type ReportQuery,
  resolveReportFilter,
  toListedReport,
} from "./list-connection-reports.js";
import { getBillingRules } from "./organisation-billing-rules.js";
import {
  type ExportFormat,
  exportContentTypes,
  exportPreamble,
  formatExportLine,
} from "./report-export-format.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";

export const defaultExportBatchSize = 500;

export interface ReportExport {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/** The HTTP answer that streams an export as a file download (the pages and the API alike). */
export function toDownloadResponse(download: ReportExport): Response {
  return new Response(download.stream, {
    status: 200,
    headers: {
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      "cache-control": "no-store",
    },
  });
}

/** Audited (`connection_reports.exported`, with the format and filters): exports carry billing data. */
export async function exportConnectionReports(
  deps: ReportDeps & Pick<ReportSyncDeps, "clock">,
  options: {
    actor: SessionActor;
    query: ReportQuery;
    format: ExportFormat;
    batchSize?: number;
    /** The reader's zone for the CSV's dates (the pages); absent: UTC (the API). */
    timeZone?: string;
  },
): Promise<ReportExport> {
  const { actor, format } = options;
  const db = deps.database.db;
  const [filter, rules] = await Promise.all([
    resolveReportFilter(deps, actor, options.query),
    getBillingRules(db, actor.organisationId),
  ]);
  await auditSessionAction(deps, actor, {
    action: "connection_reports.exported",
    target: { type: "organisation", id: actor.organisationId },
    details: {
      format,
      filters: Object.fromEntries(
        Object.entries(options.query).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, value instanceof Date ? value.toISOString() : value]],
        ),
      ),
    },
  });
  const stream = createBatchedExportStream({
    format,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    batchSize: options.batchSize ?? defaultExportBatchSize,
    fetchBatch: async (after, limit) => {
      if (filter === undefined) return [];
      const rows = await listConnectionReportRows(db, filter, { after, limit });
      return rows.map((row) => toListedReport(row, rules));
    },
  });
  const stamp = deps.clock.now().toISOString().slice(0, 19).replaceAll(/[-:]/g, "").replace("T", "-");
  return {
    stream,
    contentType: exportContentTypes[format],
    filename: `connection-reports-${stamp}.${format}`,
  };
}

export interface BatchedExportSource {
  format: ExportFormat;
  /** See formatExportLine. */
  timeZone?: string;
  batchSize: number;
  /** The reports after `after` (all from the start when undefined), at most `limit`, newest first. */
  fetchBatch(after: ReportCursor | undefined, limit: number): Promise<ListedConnectionReport[]>;
}

/**
 * A pull stream: each `pull` reads one batch and enqueues it as one encoded chunk; the stream
 * asks for the next only when its reader has taken the previous one (high-water mark of one
 * chunk). The preamble (BOM, header) goes out with the first batch.
 */
export function createBatchedExportStream(source: BatchedExportSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: ReportCursor | undefined;
  let isFirst = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const batch = await source.fetchBatch(after, source.batchSize);
        let text = isFirst ? exportPreamble(source.format) : "";
        isFirst = false;
        for (const report of batch) text += formatExportLine(source.format, report, source.timeZone);
        if (text !== "") controller.enqueue(encoder.encode(text));
        const last = batch.at(-1);
        if (batch.length < source.batchSize || last === undefined) controller.close();
        else after = positionOf(last);
      },
    },
    { highWaterMark: 1 },
  );
}
