/**
 * What a request knows about who is signed in. `requireUser` and `requireRole` turn the optional
 * `user` of every request into a guaranteed one for the handlers behind them.
 */
import type { UserRole } from "../db/schema.js";
import type { AppEnv } from "../http/app-deps.js";

/** The signed-in user as pages and use-cases see them: no password hash. */
export interface SessionUser {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** Saved language override; null means "follow the browser". */
  locale: string | null;
}

export interface SignedInSession {
  id: string;
  /** Per-session secret the CSRF tokens are derived from. */
  csrfSecret: string;
}

/** The environment of handlers behind `requireUser`: `c.get("user")` is never undefined. */
export interface SignedInEnv {
  Variables: Omit<AppEnv["Variables"], "user" | "session"> & {
    user: SessionUser;
    session: SignedInSession;
  };
}
