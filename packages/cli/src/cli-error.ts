import { CommandInputError, CommandRefusedError, ConfigError } from "@attendant/service";
import { type ExitCode, exitCodes } from "./exit-codes.js";

/** An error the command reports as one clear message with a chosen exit code, never a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = exitCodes.failure,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Turns whatever a command threw into the message and exit code the user sees. */
export function describeFailure(error: unknown): { message: string; exitCode: ExitCode } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof CommandInputError) return { message: error.message, exitCode: exitCodes.usage };
  if (error instanceof CommandRefusedError) return { message: error.message, exitCode: exitCodes.failure };
  if (error instanceof ConfigError) {
    return {
      message: `The configuration is invalid:\n${error.problems.map((problem) => `  - ${problem}`).join("\n")}`,
      exitCode: exitCodes.configuration,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, exitCode: exitCodes.failure };
}
