/**
 * `attendant orgs create|list|rename|disable|enable`: the operator's level above organisations, on the
 * configured database. An organisation is a tenant with its own users, TeamViewer app, API keys,
 * webhooks and audit log (docs/adr/0042-organisations-as-tenants.md). Creating one also creates
 * its first admin, who signs in through a one-time link, so the organisation is usable at once.
 */
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Config } from "../config/config-schema.js";
import { lockForTransaction } from "../db/advisory-lock.js";
import type { Db } from "../db/open-database.js";
import {
  createOrganisation,
  findOrganisationByName,
  listOrganisationSummaries,
  lockOrganisation,
  type Organisation,
  type OrganisationSummary,
  renameOrganisation,
  setOrganisationDisabledAt,
} from "../db/repositories/organisations.js";
import { createUser, findUserByEmailInInstallation } from "../db/repositories/users.js";
import { transaction } from "../db/transaction.js";
import { displayNameSchema, emailSchema } from "../identity/form-schemas.js";
import { issueOneTimeLogin, oneTimeLoginLifetimeMs } from "../identity/one-time-login.js";
import type { Logger } from "../logging/logger.js";
import {
  CommandInputError,
  CommandRefusedError,
  findOrganisationOfCommand,
  parseCommandInput,
  withCommandDatabase,
} from "./command-database.js";

export const maxOrganisationNameLength = 100;

/**
 * Any fixed number, used only here: serialises the name check and the write across concurrent
 * commands, which is what keeps names unique (no index does: test harnesses reuse names).
 */
const organisationNamesLockKey = 7_216_042;

export interface CreatedOrganisation {
  organisation: Organisation;
  admin: { userId: string; email: string; displayName: string };
  /** Signs the first admin in once, within `signInLinkLifetimeMinutes`; they then set a password. */
  signInUrl: string;
  signInLinkLifetimeMinutes: number;
}

interface CommonOptions {
  logger?: Logger;
}

/** Trimmed, 1 to 100 characters, no control characters (the name is shown to end customers). */
export function parseOrganisationName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw new CommandInputError("the organisation's name must not be empty.");
  if (name.length > maxOrganisationNameLength) {
    throw new CommandInputError(
      `the organisation's name is ${name.length} characters long; shorten it to ${maxOrganisationNameLength} at most.`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new CommandInputError(
      "the organisation's name must not contain control characters or line breaks.",
    );
  }
  return name;
}

export async function createOrganisationByCommand(
  config: Config,
  options: CommonOptions & { name: string; adminEmail: string; adminName?: string | undefined },
): Promise<CreatedOrganisation> {
  const name = parseOrganisationName(options.name);
  const email = parseCommandInput("--admin-email", emailSchema, options.adminEmail);
  const displayName = parseCommandInput(
    "--admin-name",
    displayNameSchema,
    options.adminName ?? email.split("@")[0] ?? email,
  );
  return withCommandDatabase(config, logged(options), async ({ database, clock }) => {
    const created = await transaction(database.db, async (tx) => {
      await lockForTransaction(tx, organisationNamesLockKey);
      await refuseTakenName(tx, name);
      if ((await findUserByEmailInInstallation(tx, email)) !== undefined) {
        throw new CommandRefusedError(
          `There is already a user with the e-mail address ${email}; e-mail addresses are unique in the installation, so choose another for the first admin.`,
        );
      }
      const organisation = await createOrganisation(tx, { name });
      // No password: the first admin signs in through the one-time link and then sets one.
      const admin = await createUser(tx, {
        organisationId: organisation.id,
        email,
        displayName,
        role: "admin",
      });
      const audit = { db: tx, clock };
      await recordAuditEvent(audit, {
        organisationId: organisation.id,
        actor: { label: "operator (cli)" },
        action: "organisation.created",
        details: { name },
      });
      await recordAuditEvent(audit, {
        organisationId: organisation.id,
        actor: { label: "operator (cli)" },
        action: "user.created",
        target: { type: "user", id: admin.id },
        details: { email, role: "admin", via: "cli" },
      });
      return { organisation, admin };
    });
    const signInUrl = await issueOneTimeLogin(
      { db: database.db, clock },
      { userId: created.admin.id, publicUrl: config.publicUrl },
    );
    return {
      organisation: created.organisation,
      admin: {
        userId: created.admin.id,
        email: created.admin.email,
        displayName: created.admin.displayName,
      },
      signInUrl,
      signInLinkLifetimeMinutes: oneTimeLoginLifetimeMs / 60_000,
    };
  });
}

export function listOrganisationsByCommand(
  config: Config,
  options: CommonOptions = {},
): Promise<OrganisationSummary[]> {
  return withCommandDatabase(config, logged(options), ({ database }) =>
    listOrganisationSummaries(database.db),
  );
}

export async function renameOrganisationByCommand(
  config: Config,
  options: CommonOptions & { id: string; name: string },
): Promise<{ organisation: Organisation; previousName: string }> {
  const name = parseOrganisationName(options.name);
  return withCommandDatabase(config, logged(options), async ({ database, clock }) =>
    transaction(database.db, async (tx) => {
      await lockForTransaction(tx, organisationNamesLockKey);
      const current = await findOrganisationOfCommand(tx, options.id);
      if (current.name === name) return { organisation: current, previousName: current.name };
      if (current.name.toLowerCase() !== name.toLowerCase()) await refuseTakenName(tx, name);
      const renamed = await renameOrganisation(tx, current.id, name);
      if (renamed === undefined) throw new Error(`organisation ${current.id} vanished while locked`);
      await recordAuditEvent(
        { db: tx, clock },
        {
          organisationId: current.id,
          actor: { label: "operator (cli)" },
          action: "organisation.renamed",
          details: { previousName: current.name, name },
        },
      );
      return { organisation: renamed, previousName: current.name };
    }),
  );
}

export interface OrganisationSwitch {
  organisation: Organisation;
  /** False when it already was so: nothing changed and nothing was audited. */
  changed: boolean;
  /** Disabling: how many other organisations are still enabled (0 warns that none is). */
  otherEnabledCount: number;
}

/**
 * `attendant orgs disable <id>`: its users, API keys, embeds and join links are refused and its
 * background jobs skip it from now on; every row stays (docs/adr/0042-organisations-as-tenants.md).
 */
export function disableOrganisationByCommand(
  config: Config,
  options: CommonOptions & { id: string },
): Promise<OrganisationSwitch> {
  return switchOrganisation(config, options, true);
}

/** `attendant orgs enable <id>`: undoes disabling; waiting jobs and deliveries resume. */
export function enableOrganisationByCommand(
  config: Config,
  options: CommonOptions & { id: string },
): Promise<OrganisationSwitch> {
  return switchOrganisation(config, options, false);
}

function switchOrganisation(
  config: Config,
  options: CommonOptions & { id: string },
  disable: boolean,
): Promise<OrganisationSwitch> {
  return withCommandDatabase(config, logged(options), async ({ database, clock }) =>
    transaction(database.db, async (tx) => {
      const named = await findOrganisationOfCommand(tx, options.id);
      await lockOrganisation(tx, named.id);
      // Read again under the lock: a concurrent disable or enable has committed by now.
      const current = await findOrganisationOfCommand(tx, named.id);
      const others = (await listOrganisationSummaries(tx)).filter(
        (organisation) => organisation.id !== current.id && organisation.disabledAt === null,
      );
      const wasDisabled = current.disabledAt !== null;
      if (wasDisabled === disable) {
        return { organisation: current, changed: false, otherEnabledCount: others.length };
      }
      const switched = await setOrganisationDisabledAt(tx, current.id, disable ? clock.now() : null);
      if (switched === undefined) throw new Error(`organisation ${current.id} vanished while locked`);
      await recordAuditEvent(
        { db: tx, clock },
        {
          organisationId: current.id,
          actor: { label: "operator (cli)" },
          action: disable ? "organisation.disabled" : "organisation.enabled",
          details: { name: current.name },
        },
      );
      return { organisation: switched, changed: true, otherEnabledCount: others.length };
    }),
  );
}

async function refuseTakenName(db: Db, name: string): Promise<void> {
  const holder = await findOrganisationByName(db, name);
  if (holder !== undefined) {
    throw new CommandRefusedError(
      `There is already an organisation named "${holder.name}" (${holder.id}); choose another name.`,
    );
  }
}

function logged(options: CommonOptions): { logger?: Logger } {
  return options.logger ? { logger: options.logger } : {};
}
