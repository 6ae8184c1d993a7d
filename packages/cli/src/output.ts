/** Where commands write: injectable so tests read what a user would see. */
export interface CommandOutput {
  /** A command's result, as JSON for scripts (`--json`) or as a sentence for people. */
  result(asJson: boolean, value: unknown, describe: () => string): void;
  error(message: string): void;
  /** Something done as asked that the user should know the consequence of. */
  warn(message: string): void;
}

export function createConsoleOutput(
  stdout: (text: string) => void = (text) => process.stdout.write(text),
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): CommandOutput {
  return {
    result(asJson, value, describe) {
      stdout(`${asJson ? JSON.stringify(value) : describe()}\n`);
    },
    error(message) {
      stderr(`attendant: ${message}\n`);
    },
    warn(message) {
      stderr(`attendant: warning: ${message}\n`);
    },
  };
}
