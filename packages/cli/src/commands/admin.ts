import { randomBytes } from "node:crypto";
import { createAdminAccount, loadConfig } from "@attendant/service";
import type { Command } from "@commander-js/extra-typings";
import { CliError } from "../cli-error.js";
import { exitCodes } from "../exit-codes.js";
import type { CommandOutput } from "../output.js";

/**
 * `attendant admin create`: adds an administrator to the configured database, e.g. when the
 * only admin left or forgot their password, in the first organisation or the one `--org` names.
 * The password comes from standard input (`--password-stdin`, so it never appears in the process
 * list or shell history) or is generated and printed once.
 */
export function registerAdminCommand(program: Command, output: CommandOutput): void {
  const admin = program.command("admin").description("Administrator accounts.");
  admin
    .command("create")
    .description("Create an administrator in the configured database, then exit.")
    .requiredOption("--email <address>", "the admin's e-mail address (their sign-in name)")
    .option("--name <name>", "display name (default: the part of the address before @)")
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .option("--org <id>", "the organisation's id (`attendant orgs list`; default: the first organisation)")
    .option("--json", "print the result as JSON")
    .action(async (options) => {
      const isGenerated = options.passwordStdin !== true;
      const password = isGenerated ? generatePassword() : await readPasswordFromStdin();
      const created = await createAdminAccount(loadConfig(), {
        email: options.email,
        displayName: options.name,
        password,
        organisationId: options.org,
      });
      const result = { ...created, ...(isGenerated ? { password } : {}) };
      output.result(options.json === true, result, () =>
        [
          `Created the admin ${created.email} (${created.userId}).`,
          ...(isGenerated
            ? [`Password (shown only now; change it after signing in): ${password}`]
            : ["They can sign in with the password given."]),
        ].join("\n"),
      );
    });
}

/** 24 characters from 18 random bytes: 144 bits, well past the 12-character minimum. */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliError(
      '--password-stdin reads the password from a pipe, e.g. `printf %s "$PASSWORD" | attendant admin create …`.',
      exitCodes.usage,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  // One trailing line break is how `echo` ends; it is not part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
