import type { Permission } from "../state/permissions.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { ApiFailure } from "../wire/errors.js";

/** Who a Bearer token speaks for (docs/teamviewer-api.md §1: user tokens see a user, company script tokens the company). */
export interface Principal {
  kind: "user" | "script";
  /** The account the token belongs to: the authorising user, or the script token's creator. */
  userid: string;
  companyId: string;
  permissions: ReadonlySet<Permission>;
  seesWholeCompany: boolean;
}

export function readBearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Resolves a token, or explains why it is not valid (401 `invalid_token` / `token_expired`, docs/teamviewer-api.md §6). */
export function resolvePrincipal(state: SimulatorState, token: string | undefined): Principal | ApiFailure {
  if (token === undefined) return new ApiFailure(401, "invalid_token", "The access token is missing.");
  const scriptToken = state.oauth.scriptTokens.get(token);
  if (scriptToken) {
    const owner = state.world.accounts.get(scriptToken.ownerUserid);
    if (!owner) return new ApiFailure(401, "invalid_token", "The access token is invalid.");
    return {
      kind: "script",
      userid: owner.userid,
      companyId: owner.companyId,
      permissions: scriptToken.permissions,
      seesWholeCompany: scriptToken.scope === "company",
    };
  }
  const grant = state.oauth.grantOfAccessToken(token);
  const expiresAt = grant?.accessTokens.get(token);
  const app = grant ? state.oauth.apps.get(grant.clientId) : undefined;
  const account = grant ? state.world.accounts.get(grant.userid) : undefined;
  if (!grant || grant.isRevoked || expiresAt === undefined || !app || !account) {
    return new ApiFailure(401, "invalid_token", "The access token is invalid.");
  }
  if (state.clock.now() >= expiresAt)
    return new ApiFailure(401, "token_expired", "The access token has expired.");
  return {
    kind: "user",
    userid: account.userid,
    companyId: account.companyId,
    permissions: app.permissions,
    seesWholeCompany: false,
  };
}

/** The caller of an API route, who must hold `permission` (else 403 `invalid_permission`). */
export function authorize(state: SimulatorState, request: Request, permission: Permission): Principal {
  const principal = resolvePrincipal(state, readBearerToken(request));
  if (principal instanceof ApiFailure) throw principal;
  if (!principal.permissions.has(permission)) {
    throw new ApiFailure(403, "invalid_permission", `The token lacks the ${permission} permission.`);
  }
  const account = state.world.accounts.get(principal.userid);
  if (account) account.lastAccessAt = state.clock.now();
  return principal;
}
