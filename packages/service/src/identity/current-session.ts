/**
 * What a request knows about who is signed in. `requireUser` and `requireRole` turn the optional
 * `user` of every request into a guaranteed one for the handlers behind them.
 */
import type { AppEnv } from "../http/app-deps.js";
import type { SessionUser, SignedInSession } from "./session-user.js";

/** The environment of handlers behind `requireUser`: `c.get("user")` is never undefined. */
export interface SignedInEnv {
  Variables: Omit<AppEnv["Variables"], "user" | "session"> & {
    user: SessionUser;
    session: SignedInSession;
  };
}
