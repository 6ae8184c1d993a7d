/**
 * `attendant admin create`: an administrator created from the command line, e.g. when setup was
 * done by someone who left or the only admin lost access, in the installation's first
 * organisation or the one `--org` names (e.g. when its first admin's sign-in link expired). Same
 * rules as the users page: a valid e-mail address unique in the installation and a password of 12
 * to 256 characters; audited in that organisation's log as done by the CLI.
 */
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Config } from "../config/config-schema.js";
import { createUser, findUserByEmailInInstallation } from "../db/repositories/users.js";
import { transaction } from "../db/transaction.js";
import { displayNameSchema, emailSchema } from "../identity/form-schemas.js";
import { newPasswordSchema } from "../identity/password-rules.js";
import { hashPassword } from "../identity/passwords.js";
import type { Logger } from "../logging/logger.js";
import {
  CommandRefusedError,
  findOrganisationOfCommand,
  parseCommandInput,
  withCommandDatabase,
} from "./command-database.js";

export interface CreatedAdmin {
  userId: string;
  email: string;
  displayName: string;
  organisationId: string;
}

export async function createAdminAccount(
  config: Config,
  input: {
    email: string;
    displayName?: string | undefined;
    password: string;
    /** The organisation's id; the installation's first organisation when absent. */
    organisationId?: string | undefined;
    logger?: Logger;
  },
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
      const { database, clock } = context;
      const organisation =
        input.organisationId === undefined
          ? context.organisation
          : await findOrganisationOfCommand(database.db, input.organisationId);
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
