/**
 * `attendant admin create`: an administrator created from the command line, e.g. when setup was
 * done by someone who left or the only admin lost access. Same rules as the users page: a valid
 * unique e-mail address and a password of 12 to 256 characters; audited as done by the CLI.
 */
import type { z } from "zod";
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Config } from "../config/config-schema.js";
import { createUser, findUserByEmailInInstallation } from "../db/repositories/users.js";
import { transaction } from "../db/transaction.js";
import { en, isMessageKey } from "../i18n/messages/catalog.js";
import { displayNameSchema, emailSchema } from "../identity/form-schemas.js";
import { newPasswordSchema } from "../identity/password-rules.js";
import { hashPassword } from "../identity/passwords.js";
import type { Logger } from "../logging/logger.js";
import { CommandInputError, CommandRefusedError, withCommandDatabase } from "./command-database.js";

export interface CreatedAdmin {
  userId: string;
  email: string;
  displayName: string;
  organisationId: string;
}

export async function createAdminAccount(
  config: Config,
  input: { email: string; displayName?: string | undefined; password: string; logger?: Logger },
): Promise<CreatedAdmin> {
  const email = parseCommandInput("--email", emailSchema, input.email);
  const displayName = parseCommandInput(
    "--name",
    displayNameSchema,
    input.displayName ?? email.split("@")[0] ?? email,
  );
  const password = parseCommandInput("the password", newPasswordSchema, input.password);
  const passwordHash = await hashPassword(password);
  return withCommandDatabase(
    config,
    { ...(input.logger ? { logger: input.logger } : {}) },
    async (context) => {
      const { database, clock, organisation } = context;
      return transaction(database.db, async (tx) => {
        if ((await findUserByEmailInInstallation(tx, email)) !== undefined) {
          throw new CommandRefusedError(`There is already a user with the e-mail address ${email}.`);
        }
        const user = await createUser(tx, {
          organisationId: organisation.id,
          email,
          displayName,
          role: "admin",
          passwordHash,
        });
        await recordAuditEvent(
          { db: tx, clock },
          {
            organisationId: organisation.id,
            actor: { label: "cli" },
            action: "user.created",
            target: { type: "user", id: user.id },
            details: { role: "admin", via: "cli" },
          },
        );
        return {
          userId: user.id,
          email: user.email,
          displayName: user.displayName,
          organisationId: organisation.id,
        };
      });
    },
  );
}

/** Parses with the web form's schema; its message keys become the English sentences. */
export function parseCommandInput<S extends z.ZodType>(what: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const key = parsed.error.issues[0]?.message ?? "forms.invalid";
  throw new CommandInputError(`${what}: ${isMessageKey(key) ? en[key] : key}`);
}
