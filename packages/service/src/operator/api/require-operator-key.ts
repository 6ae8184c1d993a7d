/**
 * `Authorization: Bearer atdop_<prefix>_<secret>` for `/api/operator/v1`
 * (docs/adr/0046-operator-api-and-keys.md). A missing, unknown or revoked operator key is 401 with
 * `WWW-Authenticate` (RFC 6750 §3); an organisation's API key is 403 whatever its scopes: it
 * belongs to one tenant and may not act above them. Its secret is not even looked up.
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { parseApiKey } from "../../api-keys/api-key-secret.js";
import { problemResponse } from "../../http/problem.js";
import { authenticateOperatorKey, type OperatorKeyDeps } from "../operator-keys.js";
import type { OperatorApiEnv } from "./operator-api-env.js";

const bearerPattern = /^Bearer\s+(\S+)$/i;

export function requireOperatorKey(deps: OperatorKeyDeps): MiddlewareHandler<OperatorApiEnv> {
  return createMiddleware<OperatorApiEnv>(async (c, next) => {
    const token = bearerPattern.exec(c.req.header("authorization") ?? "")?.[1];
    if (token !== undefined && parseApiKey(token) !== undefined) {
      return problemResponse(c, 403, {
        detail:
          "This is an organisation's API key; the operator API needs an operator key (`attendant operator-keys create`).",
        extensions: { code: "organisation-key" },
      });
    }
    const operator = token === undefined ? undefined : await authenticateOperatorKey(deps, token);
    if (operator === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="attendant-operator-api"');
      return problemResponse(c, 401, {
        detail:
          token === undefined
            ? "Send an operator key as `Authorization: Bearer atdop_…`; `attendant operator-keys create` makes one."
            : "This operator key is not valid or has been revoked.",
        extensions: { code: "invalid-operator-key" },
      });
    }
    c.set("operator", operator);
    await next();
  });
}
