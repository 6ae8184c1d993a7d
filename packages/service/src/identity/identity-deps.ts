import type { AppDeps } from "../http/app-deps.js";
import type { WebExtensions } from "../web/web-extensions.js";
import type { PasswordHashingDeps } from "./passwords.js";
import type { CookiePolicy } from "./session-cookie.js";

/** What the identity pages need beyond the app's dependencies. */
export interface IdentityDeps extends AppDeps {
  cookiePolicy: CookiePolicy;
  web: WebExtensions;
}

export function dbDeps(
  deps: AppDeps,
): { db: AppDeps["database"]["db"]; clock: AppDeps["clock"] } & PasswordHashingDeps {
  return {
    db: deps.database.db,
    clock: deps.clock,
    ...(deps.passwordHashing === undefined ? {} : { passwordHashing: deps.passwordHashing }),
  };
}
