import type { SeededRandom } from "../random.js";
import { type Permission, toPermissionSet } from "./permissions.js";

/**
 * Registered OAuth apps, authorization codes, grants (access + refresh tokens) and script
 * tokens (docs/teamviewer-api.md §1).
 */

/** Access tokens live 24 h (docs/teamviewer-api.md §1: `expires_in: 86400`). */
export const ACCESS_TOKEN_TTL_SECONDS = 86_400;
/** Codes are single-use and short-lived: assume 10 min (docs/teamviewer-api.md §1 [guess]). */
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60 * 1000;

export interface OAuthApp {
  name: string;
  clientId: string;
  clientSecret: string;
  /** Exactly one redirect URI per app (docs/teamviewer-api.md §1). */
  redirectUri: string;
  permissions: Set<Permission>;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  userid: string;
  /** The redirect URI the authorize request carried; the token call must repeat it. */
  redirectUri: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  issuedAt: number;
  redeemedGrantIds: string[];
}

export interface Grant {
  id: string;
  clientId: string;
  userid: string;
  /** Access token → expiry (epoch ms). Older access tokens stay valid until they expire. */
  accessTokens: Map<string, number>;
  refreshToken: string;
  /** Refresh tokens replaced by rotation; presenting one again is a reuse (theft in strict mode). */
  retiredRefreshTokens: Set<string>;
  isRevoked: boolean;
}

export interface ScriptToken {
  token: string;
  name: string;
  ownerUserid: string;
  /** A company-level token sees the whole company; a user-level one only its owner (docs/teamviewer-api.md §1). */
  scope: "company" | "user";
  permissions: Set<Permission>;
}

export interface AppInput {
  name?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUri: string;
  permissions?: readonly string[];
}

export interface ScriptTokenInput {
  token?: string;
  name?: string;
  ownerUserid: string;
  scope?: "company" | "user";
  permissions?: readonly string[];
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The registry as plain JSON (state/state-snapshot.ts): sets and maps as arrays. */
export interface OAuthRegistrySnapshot {
  apps: (Omit<OAuthApp, "permissions"> & { permissions: Permission[] })[];
  codes: AuthorizationCode[];
  grants: (Omit<Grant, "accessTokens" | "retiredRefreshTokens"> & {
    accessTokens: [string, number][];
    retiredRefreshTokens: string[];
  })[];
  scriptTokens: (Omit<ScriptToken, "permissions"> & { permissions: Permission[] })[];
  nextGrantNumber: number;
}

export type RefreshLookup =
  | { kind: "current"; grant: Grant }
  | { kind: "retired"; grant: Grant }
  | { kind: "unknown" };

export class OAuthRegistry {
  readonly apps = new Map<string, OAuthApp>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly grants = new Map<string, Grant>();
  readonly scriptTokens = new Map<string, ScriptToken>();
  readonly #grantByAccessToken = new Map<string, Grant>();
  readonly #grantByRefreshToken = new Map<string, Grant>();
  readonly #random: SeededRandom;
  #nextGrantNumber = 1;

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  createApp(input: AppInput): OAuthApp {
    if (!URL.canParse(input.redirectUri))
      throw new Error(`Not an absolute redirect URI: ${input.redirectUri}`);
    const app: OAuthApp = {
      name: input.name ?? "Simulated app",
      clientId: input.clientId ?? this.#random.clientId(),
      clientSecret: input.clientSecret ?? this.#random.alphanumeric(32),
      redirectUri: input.redirectUri,
      permissions: toPermissionSet(input.permissions),
    };
    if (this.apps.has(app.clientId)) throw new Error(`App ${app.clientId} exists.`);
    this.apps.set(app.clientId, app);
    return app;
  }

  createScriptToken(input: ScriptTokenInput): ScriptToken {
    const scriptToken: ScriptToken = {
      token: input.token ?? this.#random.token(),
      name: input.name ?? "Simulated script token",
      ownerUserid: input.ownerUserid,
      scope: input.scope ?? "company",
      permissions: toPermissionSet(input.permissions),
    };
    this.scriptTokens.set(scriptToken.token, scriptToken);
    return scriptToken;
  }

  issueCode(fields: Omit<AuthorizationCode, "code" | "redeemedGrantIds">): AuthorizationCode {
    const code: AuthorizationCode = { ...fields, code: this.#random.alphanumeric(40), redeemedGrantIds: [] };
    this.codes.set(code.code, code);
    return code;
  }

  /** Starts a grant for (app, user) and returns its first token pair. */
  createGrant(clientId: string, userid: string, now: number): { grant: Grant; tokens: IssuedTokens } {
    const grant: Grant = {
      id: `grant-${this.#nextGrantNumber++}`,
      clientId,
      userid,
      accessTokens: new Map(),
      refreshToken: "",
      retiredRefreshTokens: new Set(),
      isRevoked: false,
    };
    this.grants.set(grant.id, grant);
    return { grant, tokens: this.#issueTokenPair(grant, now) };
  }

  /** Refresh-token rotation (docs/teamviewer-api.md §1): each refresh returns a new refresh token. */
  rotate(grant: Grant, now: number): IssuedTokens {
    grant.retiredRefreshTokens.add(grant.refreshToken);
    return this.#issueTokenPair(grant, now);
  }

  lookupRefreshToken(refreshToken: string): RefreshLookup {
    const grant = this.#grantByRefreshToken.get(refreshToken);
    if (!grant || grant.isRevoked) return { kind: "unknown" };
    return grant.refreshToken === refreshToken ? { kind: "current", grant } : { kind: "retired", grant };
  }

  grantOfAccessToken(accessToken: string): Grant | undefined {
    return this.#grantByAccessToken.get(accessToken);
  }

  /** Revocation kills every access token and the refresh token of the grant (docs/teamviewer-api.md §1 [guess]). */
  revokeGrant(grant: Grant): void {
    grant.isRevoked = true;
  }

  /** Revokes only the presented access token: the `revokeKeepsRefreshToken` switch. */
  revokeAccessToken(grant: Grant, accessToken: string): void {
    grant.accessTokens.delete(accessToken);
    this.#grantByAccessToken.delete(accessToken);
  }

  toSnapshot(): OAuthRegistrySnapshot {
    return {
      apps: [...this.apps.values()].map((app) => ({ ...app, permissions: [...app.permissions] })),
      codes: [...this.codes.values()],
      grants: [...this.grants.values()].map((grant) => ({
        ...grant,
        accessTokens: [...grant.accessTokens],
        retiredRefreshTokens: [...grant.retiredRefreshTokens],
      })),
      scriptTokens: [...this.scriptTokens.values()].map((token) => ({
        ...token,
        permissions: [...token.permissions],
      })),
      nextGrantNumber: this.#nextGrantNumber,
    };
  }

  /** Fills an empty registry from a snapshot, with the token indexes the lookups use. */
  restore(snapshot: OAuthRegistrySnapshot): void {
    for (const app of snapshot.apps)
      this.apps.set(app.clientId, { ...app, permissions: toPermissionSet(app.permissions) });
    for (const code of snapshot.codes) this.codes.set(code.code, code);
    for (const saved of snapshot.grants) {
      const grant: Grant = {
        ...saved,
        accessTokens: new Map(saved.accessTokens),
        retiredRefreshTokens: new Set(saved.retiredRefreshTokens),
      };
      this.grants.set(grant.id, grant);
      for (const accessToken of grant.accessTokens.keys()) this.#grantByAccessToken.set(accessToken, grant);
      for (const refreshToken of [grant.refreshToken, ...grant.retiredRefreshTokens])
        this.#grantByRefreshToken.set(refreshToken, grant);
    }
    for (const token of snapshot.scriptTokens)
      this.scriptTokens.set(token.token, { ...token, permissions: toPermissionSet(token.permissions) });
    this.#nextGrantNumber = snapshot.nextGrantNumber;
  }

  #issueTokenPair(grant: Grant, now: number): IssuedTokens {
    const accessToken = this.#random.token();
    const refreshToken = this.#random.token();
    grant.accessTokens.set(accessToken, now + ACCESS_TOKEN_TTL_SECONDS * 1000);
    grant.refreshToken = refreshToken;
    this.#grantByAccessToken.set(accessToken, grant);
    this.#grantByRefreshToken.set(refreshToken, grant);
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
