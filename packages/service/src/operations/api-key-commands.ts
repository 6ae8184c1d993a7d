/**
 * `attendant api-keys create|list|revoke`: the API keys page's use cases (src/api-keys/) from
 * the command line, on the configured database. They act as an admin of the organisation, as
 * the page does, so the audit log says who: `--as <e-mail>`, or the only active admin. An
 * operator picks the organisation with `--org <id|name>` (the installation's first by default).
 */
import { type ApiKeySummary, createApiKey, listApiKeys, revokeApiKey } from "../api-keys/api-keys.js";
import type { Config } from "../config/config-schema.js";
import type { Db } from "../db/open-database.js";
import { findUserByEmail, listUsers } from "../db/repositories/users.js";
import { type ApiKeyScope, apiKeyScopes } from "../db/schema.js";
import type { Logger } from "../logging/logger.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { SupportSessionError } from "../sessions/support-session-error.js";
import {
  type CommandContext,
  CommandInputError,
  CommandRefusedError,
  findOrganisationByIdOrName,
  withCommandDatabase,
} from "./command-database.js";

export interface ApiKeyListing extends ApiKeySummary {
  /** The e-mail address of the user the key acts for; null for an organisation-wide key. */
  actingUserEmail: string | null;
}

interface CommonOptions {
  /** The admin the command acts as; defaults to the only active admin. */
  adminEmail?: string | undefined;
  /** The organisation's id or name (an operator's choice); the installation's first when absent. */
  organisation?: string | undefined;
  logger?: Logger;
}

export function parseApiKeyScopes(values: readonly string[]): ApiKeyScope[] {
  const scopes = values
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !(apiKeyScopes as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    throw new CommandInputError(
      `unknown scope ${unknown.map((scope) => `"${scope}"`).join(", ")}; choose from ${apiKeyScopes.join(", ")}.`,
    );
  }
  if (scopes.length === 0)
    throw new CommandInputError(`name at least one scope: ${apiKeyScopes.join(", ")}.`);
  return scopes as ApiKeyScope[];
}

export async function createApiKeyByCommand(
  config: Config,
  options: CommonOptions & { name: string; scopes: readonly string[]; actingUserEmail?: string | undefined },
): Promise<{ apiKey: ApiKeyListing; token: string }> {
  const name = options.name.trim();
  if (name.length < 1 || name.length > 100)
    throw new CommandInputError("--name must be 1 to 100 characters.");
  const scopes = parseApiKeyScopes(options.scopes);
  return run(config, options, async (context, actor) => {
    let actingUserId: string | null = null;
    if (options.actingUserEmail !== undefined) {
      const user = await findUserByEmail(
        context.database.db,
        context.organisation.id,
        options.actingUserEmail,
      );
      if (user === undefined || user.isDisabled || user.role === "auditor") {
        throw new CommandRefusedError(
          `--for must name an active admin or supporter; ${options.actingUserEmail} is not one.`,
        );
      }
      actingUserId = user.id;
    }
    try {
      const created = await createApiKey({ ...context }, { actor, name, scopes, actingUserId });
      return {
        apiKey: { ...created.apiKey, actingUserEmail: options.actingUserEmail ?? null },
        token: created.token,
      };
    } catch (error) {
      if (error instanceof SupportSessionError && error.reason === "assignee-unavailable") {
        throw new CommandRefusedError(`--for must name an active admin or supporter.`);
      }
      throw error;
    }
  });
}

export async function listApiKeysByCommand(
  config: Config,
  options: CommonOptions = {},
): Promise<ApiKeyListing[]> {
  return run(config, options, async (context, actor) => {
    const keys = await listApiKeys(context, { actor });
    const emails = new Map(
      (await listUsers(context.database.db, context.organisation.id)).map((user) => [user.id, user.email]),
    );
    return keys.map((key) => ({
      ...key,
      actingUserEmail: key.actingUserId === null ? null : (emails.get(key.actingUserId) ?? null),
    }));
  });
}

/** `idOrPrefix`: the key's id, its prefix, or the whole `atd_<prefix>_…` key. */
export async function revokeApiKeyByCommand(
  config: Config,
  options: CommonOptions & { idOrPrefix: string },
): Promise<ApiKeySummary> {
  const wanted = options.idOrPrefix.trim();
  const prefix = /^atd_([^_]+)_?/.exec(wanted)?.[1] ?? wanted;
  return run(config, options, async (context, actor) => {
    const keys = await listApiKeys(context, { actor });
    const key = keys.find(
      (candidate) => candidate.id === wanted.toLowerCase() || candidate.prefix === prefix,
    );
    if (key === undefined) throw new CommandRefusedError(`There is no API key "${wanted}".`);
    if (key.revokedAt !== null)
      throw new CommandRefusedError(`The API key "${key.name}" is already revoked.`);
    await revokeApiKey(context, { actor, apiKeyId: key.id });
    return { ...key, revokedAt: context.clock.now() };
  });
}

function run<T>(
  config: Config,
  options: CommonOptions,
  body: (context: CommandContext, actor: SessionActor) => Promise<T>,
): Promise<T> {
  return withCommandDatabase(
    config,
    { ...(options.logger ? { logger: options.logger } : {}) },
    async (context) => {
      const organisation =
        options.organisation === undefined
          ? context.organisation
          : await findOrganisationByIdOrName(context.database.db, options.organisation);
      const chosen = { ...context, organisation };
      return body(chosen, await commandActorOf(context.database.db, organisation.id, options.adminEmail));
    },
  );
}

async function commandActorOf(
  db: Db,
  organisationId: string,
  adminEmail: string | undefined,
): Promise<SessionActor> {
  let admin: { id: string; email: string } | undefined;
  if (adminEmail !== undefined) {
    const user = await findUserByEmail(db, organisationId, adminEmail);
    if (user === undefined || user.role !== "admin" || user.isDisabled) {
      throw new CommandRefusedError(`--as must name an active admin; ${adminEmail} is not one.`);
    }
    admin = user;
  } else {
    const admins = (await listUsers(db, organisationId)).filter(
      (user) => user.role === "admin" && !user.isDisabled,
    );
    if (admins.length === 0) {
      throw new CommandRefusedError("There is no admin yet: create one with `attendant admin create` first.");
    }
    if (admins.length > 1) {
      throw new CommandInputError(
        `There are ${admins.length} admins; name the one this is done as with --as <e-mail>.`,
      );
    }
    admin = admins[0];
  }
  if (admin === undefined) throw new CommandRefusedError("No admin to act as.");
  return {
    organisationId,
    userId: admin.id,
    role: "admin",
    label: `${admin.email} (cli)`,
    ip: null,
    userAgent: "attendant-cli",
  };
}
