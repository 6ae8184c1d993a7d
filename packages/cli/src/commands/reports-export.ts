import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { parseUuid } from "../arguments.js";
import { apiKeyOption, serviceApiFrom, urlOption } from "../connection-options.js";
import { countNoun } from "../count-noun.js";
import { createDownloadProgress } from "../download-progress.js";
import type { CommandOutput } from "../output.js";

function parseDateFilter(value: string): string {
  const isDate = /^\d{4}-\d\d-\d\d$/.test(value);
  const isDateTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value);
  if ((!isDate && !isDateTime) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(
      `expected a date like 2026-03-02 or 2026-03-02T09:00:00Z, got "${value}".`,
    );
  }
  return value;
}

/**
 * `attendant reports export`: streams `GET /api/v1/reports/connections/export` of a running
 * service to standard output or a file, as the service writes it (no buffering of the whole
 * export). A file is written under a temporary name and renamed when complete, so a broken
 * download never leaves a partial file under the asked-for name.
 */
export function registerReportsExportCommand(reports: Command, output: CommandOutput): void {
  reports
    .command("export")
    .description("Export connection reports from a running service as CSV or JSON Lines.")
    .addOption(
      new Option("--format <format>", "csv (opens in spreadsheets) or jsonl")
        .choices(["csv", "jsonl"] as const)
        .makeOptionMandatory(),
    )
    .option("--supporter <id>", "only this supporter's connections (user id)", parseUuid)
    .option("--group <group>", "only this TeamViewer group (id like g40211, or exact name)")
    .option("--from <date>", "connections that started at or after (date or date-time)", parseDateFilter)
    .option(
      "--to <date>",
      "connections that started at or before (date: until its end, UTC)",
      parseDateFilter,
    )
    .option("--ticket <id>", "only the connections of this ticket")
    .addOption(
      new Option("--billing-state <state>", "only this billing state").choices([
        "Bill",
        "Billed",
        "DoNotBill",
      ] as const),
    )
    .addOption(
      new Option("--matched <matched>", "true: attached to a ticket; false: unmatched").choices([
        "true",
        "false",
      ] as const),
    )
    .option("--output <file>", "write to this file instead of standard output")
    .addOption(urlOption())
    .addOption(apiKeyOption())
    .option("--json", "with --output: print a JSON summary instead of a sentence")
    .action(async (options) => {
      const api = serviceApiFrom(options);
      const response = await api.raw("GET", "/reports/connections/export", {
        query: {
          format: options.format,
          supporter: options.supporter,
          group: options.group,
          from: options.from,
          to: options.to,
          ticket: options.ticket,
          billingState: options.billingState,
          matched: options.matched,
        },
        headers: { accept: options.format === "csv" ? "text/csv" : "application/jsonl" },
      });
      const progress = createDownloadProgress(process.stderr.isTTY === true && options.json !== true);
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          progress.update(bytes);
          done(null, chunk);
        },
      });
      const body = response.body === null ? Readable.from([]) : Readable.fromWeb(response.body as never);
      try {
        if (options.output === undefined) {
          await pipeline(body, counter, process.stdout, { end: false });
          return;
        }
        const partial = `${options.output}.partial`;
        try {
          await pipeline(body, counter, createWriteStream(partial));
          await rename(partial, options.output);
        } catch (error) {
          await rm(partial, { force: true });
          throw error;
        }
      } finally {
        progress.stop();
      }
      output.result(
        options.json === true,
        { file: options.output, bytes, format: options.format },
        () =>
          `Exported connection reports to ${options.output} (${countNoun(bytes, "byte", "bytes")}, ${options.format}).`,
      );
    });
}
