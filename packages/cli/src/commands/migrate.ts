import { loadConfig, migrate, openDatabase } from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import type { CommandOutput } from "../output.js";

/**
 * `attendant migrate`: applies pending database migrations on purpose, e.g. before rolling out
 * new instances. `serve` migrates at start too; both take the same advisory lock.
 */
export function registerMigrateCommand(program: Command, output: CommandOutput): void {
  program
    .command("migrate")
    .description("Apply pending database migrations to the configured database, then exit.")
    .option("--json", "print the result as JSON")
    .action(async (options) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
      output.result(
        options.json === true,
        { migrated: true, engine: database.engine },
        () => `Database migrations are up to date (${database.engine}).`,
      );
    });
}
