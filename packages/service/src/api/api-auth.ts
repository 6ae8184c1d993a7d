/**
 * `Authorization: Bearer atd_<prefix>_<secret>` for `/api/v1` (issue 7, "API keys"). A missing,
 * unknown or revoked key is 401 with `WWW-Authenticate` (RFC 6750 §3); a key without the scope
 * a route needs, or of a disabled organisation, is 403.
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { ApiKeyDeps } from "../api-keys/api-keys.js";
import { authenticateApiKey, organisationDisabled } from "../api-keys/authenticate-api-key.js";
import type { ApiKeyScope } from "../db/schema.js";
import { problemResponse } from "../http/problem.js";
import { clientAddressOf } from "../identity/client-address.js";
import type { ApiEnv } from "./api-env.js";

const bearerPattern = /^Bearer\s+(\S+)$/i;

export function requireApiKey(deps: ApiKeyDeps): MiddlewareHandler<ApiEnv> {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const token = bearerPattern.exec(c.req.header("authorization") ?? "")?.[1];
    const principal =
      token === undefined
        ? undefined
        : await authenticateApiKey(deps, token, {
            ip: clientAddressOf(c),
            userAgent: c.req.header("user-agent") ?? null,
          });
    if (principal === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="attendant-api"');
      return problemResponse(c, 401, {
        detail:
          token === undefined
            ? "Send an API key as `Authorization: Bearer atd_…`."
            : "This API key is not valid or has been revoked.",
        extensions: { code: "invalid-api-key" },
      });
    }
    if (principal === organisationDisabled) {
      return problemResponse(c, 403, {
        detail:
          "This API key's organisation has been disabled by the operator of this installation; ask them to enable it again.",
        extensions: { code: organisationDisabled },
      });
    }
    c.set("apiPrincipal", principal);
    await next();
  });
}

/** The scope a `requireScope` middleware demands; the OpenAPI document names it per operation. */
export function requiredScopeOf(handler: unknown): ApiKeyScope | undefined {
  return typeof handler === "function"
    ? (handler as { requiredScope?: ApiKeyScope }).requiredScope
    : undefined;
}

export function requireScope(scope: ApiKeyScope): MiddlewareHandler<ApiEnv> {
  const middleware = createMiddleware<ApiEnv>(async (c, next) => {
    if (!c.get("apiPrincipal").scopes.includes(scope)) {
      return problemResponse(c, 403, {
        detail: `This API key lacks the scope ${scope}.`,
        extensions: { code: "missing-scope", scope },
      });
    }
    await next();
  });
  return Object.assign(middleware, { requiredScope: scope });
}
