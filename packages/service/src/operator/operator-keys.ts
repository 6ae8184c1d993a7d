/**
 * The operator's keys for `/api/operator/v1` (docs/adr/0046-operator-api-and-keys.md): created on
 * the command line (`attendant operator-keys create`, shown once), listed without their secrets,
 * revoked. They belong to no organisation: an operator key opens the operator's routes and
 * nothing else, and an organisation's API key never opens those.
 */
import { generateApiKey, isMatchingSecret, parseApiKey } from "../api-keys/api-key-secret.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import {
  findOperatorKeyByPrefix,
  insertOperatorKey,
  listOperatorKeyRecords,
  markOperatorKeyRevoked,
  type OperatorKeyRecord,
  touchOperatorKey,
} from "../db/repositories/operator-keys.js";
import { CommandInputError, CommandRefusedError } from "../operations/command-database.js";

export interface OperatorKeyDeps {
  db: Db;
  clock: Clock;
}

export type OperatorKeySummary = Omit<OperatorKeyRecord, "secretHash">;

/** Who calls an operator route: the key, named in the organisations' audit logs. */
export interface OperatorPrincipal {
  operatorKeyId: string;
  /** `operator-key:<prefix> (<name>)`, the audit log's actor. */
  label: string;
}

const maxNameLength = 100;
const lastUsedPrecisionMs = 60_000;

function toSummary(record: OperatorKeyRecord): OperatorKeySummary {
  const { secretHash: _hash, ...summary } = record;
  return summary;
}

/** @returns the key's summary and the whole key, which cannot be shown again. */
export async function createOperatorKey(
  deps: OperatorKeyDeps,
  input: { name: string },
): Promise<{ operatorKey: OperatorKeySummary; token: string }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > maxNameLength) {
    throw new CommandInputError(`--name must be 1 to ${maxNameLength} characters.`);
  }
  const generated = generateApiKey("atdop");
  const record = await insertOperatorKey(deps.db, {
    name,
    prefix: generated.prefix,
    secretHash: generated.secretHash,
    now: deps.clock.now(),
  });
  return { operatorKey: toSummary(record), token: generated.token };
}

export async function listOperatorKeys(deps: OperatorKeyDeps): Promise<OperatorKeySummary[]> {
  return (await listOperatorKeyRecords(deps.db)).map(toSummary);
}

/** `idOrPrefix`: the key's id, its prefix, or the whole `atdop_<prefix>_…` key. */
export async function revokeOperatorKey(
  deps: OperatorKeyDeps,
  idOrPrefix: string,
): Promise<OperatorKeySummary> {
  const wanted = idOrPrefix.trim();
  const prefix = /^atdop_([^_]+)_?/.exec(wanted)?.[1] ?? wanted;
  const key = (await listOperatorKeyRecords(deps.db)).find(
    (candidate) => candidate.id === wanted.toLowerCase() || candidate.prefix === prefix,
  );
  if (key === undefined) {
    throw new CommandRefusedError(
      `There is no operator key "${wanted}"; \`attendant operator-keys list\` shows them.`,
    );
  }
  if (key.revokedAt !== null) {
    throw new CommandRefusedError(`The operator key "${key.name}" is already revoked.`);
  }
  const now = deps.clock.now();
  await markOperatorKeyRevoked(deps.db, key.id, now);
  return { ...toSummary(key), revokedAt: now };
}

/** Undefined for anything but a live operator key (an organisation's API key included). */
export async function authenticateOperatorKey(
  deps: OperatorKeyDeps,
  token: string,
): Promise<OperatorPrincipal | undefined> {
  const parsed = parseApiKey(token, "atdop");
  if (parsed === undefined) return undefined;
  const key = await findOperatorKeyByPrefix(deps.db, parsed.prefix);
  if (key === undefined || key.revokedAt !== null || !isMatchingSecret(parsed.secret, key.secretHash)) {
    return undefined;
  }
  const now = deps.clock.now();
  // Minute precision is plenty for deciding which keys to revoke (as for API keys).
  if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() >= lastUsedPrecisionMs) {
    await touchOperatorKey(deps.db, key.id, now);
  }
  return { operatorKeyId: key.id, label: operatorLabelOf(key) };
}

/** How the organisations' audit logs name what an operator key did. */
export function operatorLabelOf(key: Pick<OperatorKeyRecord, "prefix" | "name">): string {
  return `operator-key:${key.prefix} (${key.name})`;
}
