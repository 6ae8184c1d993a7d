import { Command, CommanderError } from "@commander-js/extra-typings";
import { describeFailure } from "./cli-error.js";
import { registerAdminCommand } from "./commands/admin.js";
import { registerApiKeysCommand } from "./commands/api-keys.js";
import { registerKeysCommand } from "./commands/keys-rewrap.js";
import { registerKeysRotateCommand } from "./commands/keys-rotate.js";
import { registerMigrateCommand } from "./commands/migrate.js";
import { registerOperatorKeysCommand } from "./commands/operator-keys.js";
import { registerOrgsCommand } from "./commands/orgs.js";
import { registerReportsExportCommand } from "./commands/reports-export.js";
import { registerReportsSyncCommand } from "./commands/reports-sync.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerSessionsCommand } from "./commands/sessions.js";
import { registerSimulatorCommand } from "./commands/simulator.js";
import { type ExitCode, exitCodes } from "./exit-codes.js";
import { type CommandOutput, createConsoleOutput } from "./output.js";
import { readPackageVersion } from "./package-version.js";

/** The `attendant` command with every subcommand registered; `output` is injectable for tests. */
export function createProgram(output: CommandOutput = createConsoleOutput()): Command {
  const program = new Command()
    .name("attendant")
    .description("Attended remote support through TeamViewer, self-hosted.")
    .version(readPackageVersion(), "-V, --version", "print the version and exit")
    .showHelpAfterError("(run with --help for usage)")
    // Usage errors become exceptions so runCli maps them to exit code 2 instead of commander's 1.
    .exitOverride();
  registerServeCommand(program);
  registerSimulatorCommand(program, output);
  registerMigrateCommand(program, output);
  registerAdminCommand(program, output);
  registerOrgsCommand(program, output);
  registerOperatorKeysCommand(program, output);
  const reports = registerReportsSyncCommand(program, output);
  registerReportsExportCommand(reports, output);
  const keys = registerKeysCommand(program, output);
  registerKeysRotateCommand(keys, output);
  registerApiKeysCommand(program, output);
  registerSessionsCommand(program, output);
  applyToEveryCommand(program, (command) => command.exitOverride().showHelpAfterError());
  return program;
}

function applyToEveryCommand(parent: Command, apply: (command: Command) => void): void {
  for (const command of parent.commands as Command[]) {
    apply(command);
    applyToEveryCommand(command, apply);
  }
}

/**
 * Runs the command line and returns the exit code instead of exiting, so tests can call it.
 * Long-running commands (`serve`, `simulator`) resolve once they are listening.
 */
export async function runCli(
  argv: readonly string[],
  output: CommandOutput = createConsoleOutput(),
): Promise<ExitCode> {
  try {
    await createProgram(output).parseAsync([...argv], { from: "user" });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through the same path with exit code 0.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    const failure = describeFailure(error);
    output.error(failure.message);
    return failure.exitCode;
  }
}
