export { CliError } from "./cli-error.js";
export { type ExitCode, exitCodes } from "./exit-codes.js";
export { type CommandOutput, createConsoleOutput } from "./output.js";
export { createProgram, runCli } from "./program.js";
