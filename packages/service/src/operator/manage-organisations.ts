/**
 * The operator's use cases above organisations (docs/adr/0042-organisations-as-tenants.md): create
 * one with its first admin, list them with their numbers of users and sessions, rename, disable
 * and enable. `attendant orgs …` (src/operations/organisation-commands.ts) and the operator API
 * (src/operator/api/) both call these; each change is recorded in the organisation's own audit
 * log under the operator's label. Refusals are CommandInputError (bad input) or
 * CommandRefusedError with a `code` the API turns into its status.
 */
import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
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
import {
  CommandInputError,
  CommandRefusedError,
  findOrganisationOfCommand,
  parseCommandInput,
} from "../operations/command-database.js";

export type { Organisation, OrganisationSummary } from "../db/repositories/organisations.js";

export const maxOrganisationNameLength = 100;

/**
 * Any fixed number, used only here: serialises the name check and the write across concurrent
 * operators, which is what keeps names unique (no index does: test harnesses reuse names).
 */
const organisationNamesLockKey = 7_216_042;

export interface OperatorDeps {
  db: Db;
  clock: Clock;
  /** Where the first admin's one-time sign-in link points. */
  publicUrl: string;
}

/** Who acts, as the organisation's audit log names them: "operator (cli)" or an operator key. */
export interface Operator {
  label: string;
}

export interface CreatedOrganisation {
  organisation: Organisation;
  admin: { userId: string; email: string; displayName: string };
  /** Signs the first admin in once, within `signInLinkLifetimeMinutes`; they then set a password. */
  signInUrl: string;
  signInLinkLifetimeMinutes: number;
}

export interface OrganisationSwitch {
  organisation: Organisation;
  /** False when it already was so: nothing changed and nothing was audited. */
  changed: boolean;
  /** Disabling: how many other organisations are still enabled (0 warns that none is). */
  otherEnabledCount: number;
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

export async function createOrganisationAsOperator(
  deps: OperatorDeps,
  operator: Operator,
  input: {
    name: string;
    adminEmail: string;
    adminName?: string | undefined;
    /** How the caller names the admin's fields in errors: `--admin-email` on the command line. */
    fieldNames: { adminEmail: string; adminName: string };
  },
): Promise<CreatedOrganisation> {
  const name = parseOrganisationName(input.name);
  const email = parseCommandInput(input.fieldNames.adminEmail, emailSchema, input.adminEmail);
  const displayName = parseCommandInput(
    input.fieldNames.adminName,
    displayNameSchema,
    input.adminName ?? email.split("@")[0] ?? email,
  );
  const created = await transaction(deps.db, async (tx) => {
    await lockForTransaction(tx, organisationNamesLockKey);
    await refuseTakenName(tx, name);
    if ((await findUserByEmailInInstallation(tx, email)) !== undefined) {
      throw new CommandRefusedError(
        `There is already a user with the e-mail address ${email}; e-mail addresses are unique in the installation, so choose another for the first admin.`,
        "email-taken",
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
    const audit = { db: tx, clock: deps.clock };
    await recordAuditEvent(audit, {
      organisationId: organisation.id,
      actor: operator,
      action: "organisation.created",
      details: { name },
    });
    await recordAuditEvent(audit, {
      organisationId: organisation.id,
      actor: operator,
      action: "user.created",
      target: { type: "user", id: admin.id },
      details: { email, role: "admin", via: "operator" },
    });
    return { organisation, admin };
  });
  const signInUrl = await issueOneTimeLogin(
    { db: deps.db, clock: deps.clock },
    { userId: created.admin.id, publicUrl: deps.publicUrl },
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
}

export function listOrganisationsAsOperator(deps: Pick<OperatorDeps, "db">): Promise<OrganisationSummary[]> {
  return listOrganisationSummaries(deps.db);
}

export function renameOrganisationAsOperator(
  deps: Pick<OperatorDeps, "db" | "clock">,
  operator: Operator,
  input: { id: string; name: string },
): Promise<{ organisation: Organisation; previousName: string }> {
  const name = parseOrganisationName(input.name);
  return transaction(deps.db, async (tx) => {
    await lockForTransaction(tx, organisationNamesLockKey);
    const current = await findOrganisationOfCommand(tx, input.id);
    if (current.name === name) return { organisation: current, previousName: current.name };
    if (current.name.toLowerCase() !== name.toLowerCase()) await refuseTakenName(tx, name);
    const renamed = await renameOrganisation(tx, current.id, name);
    if (renamed === undefined) throw new Error(`organisation ${current.id} vanished while locked`);
    await recordAuditEvent(
      { db: tx, clock: deps.clock },
      {
        organisationId: current.id,
        actor: operator,
        action: "organisation.renamed",
        details: { previousName: current.name, name },
      },
    );
    return { organisation: renamed, previousName: current.name };
  });
}

/**
 * Disabling: its users, API keys, embeds and join links are refused and its background jobs skip
 * it from now on; every row stays. Enabling undoes it; waiting jobs and deliveries resume.
 */
export function switchOrganisationAsOperator(
  deps: Pick<OperatorDeps, "db" | "clock">,
  operator: Operator,
  input: { id: string; disable: boolean },
): Promise<OrganisationSwitch> {
  const { disable } = input;
  return transaction(deps.db, async (tx) => {
    const named = await findOrganisationOfCommand(tx, input.id);
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
    const switched = await setOrganisationDisabledAt(tx, current.id, disable ? deps.clock.now() : null);
    if (switched === undefined) throw new Error(`organisation ${current.id} vanished while locked`);
    await recordAuditEvent(
      { db: tx, clock: deps.clock },
      {
        organisationId: current.id,
        actor: operator,
        action: disable ? "organisation.disabled" : "organisation.enabled",
        details: { name: current.name },
      },
    );
    return { organisation: switched, changed: true, otherEnabledCount: others.length };
  });
}

async function refuseTakenName(db: Db, name: string): Promise<void> {
  const holder = await findOrganisationByName(db, name);
  if (holder !== undefined) {
    throw new CommandRefusedError(
      `There is already an organisation named "${holder.name}" (${holder.id}); choose another name.`,
      "organisation-name-taken",
    );
  }
}
