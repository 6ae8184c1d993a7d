/**
 * The operator's browser sessions on `/operator` (docs/adr/0046-operator-api-and-keys.md): signing
 * in with an operator key opens one for eight hours, not extended by use; revoking the key ends
 * it at the next request. The cookie carries a random token; only its SHA-256 is stored.
 */
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import {
  deleteOperatorSession,
  findOperatorSession,
  insertOperatorSession,
} from "../db/repositories/operator-keys.js";
import { generateSecretToken, hashSecretToken } from "../identity/random-tokens.js";
import { authenticateOperatorKey, type OperatorPrincipal, operatorLabelOf } from "./operator-keys.js";

export const operatorSessionLifetimeMs = 8 * 60 * 60 * 1000;

export interface OperatorSessionDeps {
  db: Db;
  clock: Clock;
}

/** @returns the cookie's token, or undefined when the key is not a live operator key. */
export async function startOperatorSession(
  deps: OperatorSessionDeps,
  operatorKey: string,
): Promise<{ token: string; operator: OperatorPrincipal } | undefined> {
  const operator = await authenticateOperatorKey(deps, operatorKey.trim());
  if (operator === undefined) return undefined;
  const token = generateSecretToken();
  const now = deps.clock.now();
  await insertOperatorSession(deps.db, {
    tokenHash: hashSecretToken(token),
    operatorKeyId: operator.operatorKeyId,
    now,
    expiresAt: new Date(now.getTime() + operatorSessionLifetimeMs),
  });
  return { token, operator };
}

export async function resolveOperatorSession(
  deps: OperatorSessionDeps,
  token: string,
): Promise<OperatorPrincipal | undefined> {
  const found = await findOperatorSession(deps.db, hashSecretToken(token), deps.clock.now());
  return found === undefined ? undefined : { operatorKeyId: found.key.id, label: operatorLabelOf(found.key) };
}

export async function endOperatorSession(deps: OperatorSessionDeps, token: string): Promise<void> {
  await deleteOperatorSession(deps.db, hashSecretToken(token));
}
