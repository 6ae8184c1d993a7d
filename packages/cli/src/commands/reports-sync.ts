import {
  createLogger,
  loadConfig,
  type SyncReportsNowResult,
  syncReportsNow,
  UnknownOrganisationError,
} from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import { parseUuid } from "../arguments.js";
import { CliError } from "../cli-error.js";
import { countNoun } from "../count-noun.js";
import type { CommandOutput } from "../output.js";
import { createSyncProgressDisplay } from "../sync-progress.js";

/**
 * `attendant reports sync`: one full pass of the connection-report sync against the configured
 * database and TeamViewer (the built-in simulator in demo mode), e.g. right after saving a script
 * token or to check a sync by hand. Exits 1 when an account failed or needs reconnecting,
 * after printing the summary.
 */
export function registerReportsSyncCommand(program: Command, output: CommandOutput): Command {
  const reports = program.command("reports").description("Connection reports from TeamViewer.");
  reports
    .command("sync")
    .description("Sync connection reports from TeamViewer now: backfill new accounts, poll the others.")
    .option("--organisation <id>", "only this organisation (its id)", parseUuid)
    .option("--json", "print the summary as one JSON object")
    .action(async (options) => {
      const config = loadConfig();
      const isJson = options.json === true;
      const progress = createSyncProgressDisplay(!isJson && process.stderr.isTTY === true);
      let result: SyncReportsNowResult;
      try {
        result = await syncReportsNow(config, {
          // Logs would mix into the summary on stdout; failures are reported by the summary.
          logger: createLogger("silent"),
          organisationId: options.organisation,
          onProgress: (update) => progress.update(update),
        });
      } catch (error) {
        if (error instanceof UnknownOrganisationError) throw new CliError(error.message);
        throw error;
      } finally {
        progress.stop();
      }
      output.result(isJson, result, () => describeSummary(result));
      const problems = result.accounts.filter(
        (account) => account.outcome === "failed" || account.outcome === "needs-reconnect",
      );
      if (problems.length > 0) {
        throw new CliError(
          problems
            .map(
              (account) =>
                `account ${account.syncAccountId} ${account.outcome}: ${account.error ?? "no detail"}`,
            )
            .join("\n"),
        );
      }
    });
  return reports;
}

/** The human-readable summary (`--json` prints the result itself). */
export function describeSummary(result: SyncReportsNowResult): string {
  const reports = countNoun(result.received, "connection report", "connection reports");
  const pages = countNoun(result.pages, "page", "pages");
  const accounts = countNoun(result.accounts.length, "account", "accounts");
  const lines = [
    `Synced ${reports} in ${pages} from ${accounts}` +
      `${result.isDemo ? " (demo simulator)" : ""}; ${result.rematched} more matched to tickets.`,
  ];
  for (const account of result.accounts) {
    const source = account.source === "organisation" ? "script token" : `user ${account.userId}`;
    lines.push(
      `  ${account.syncAccountId} (${source}): ${account.outcome}, ${countNoun(account.received, "record", "records")}`,
    );
  }
  if (result.accounts.length === 0) {
    lines.push("  No account to sync: save a script token or connect a TeamViewer account first.");
  }
  return lines.join("\n");
}
