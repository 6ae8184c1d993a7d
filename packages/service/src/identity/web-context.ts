/**
 * Runs before every route: finds the signed-in session (if any), picks the page language and
 * prepares the CSRF token getter, so every page and middleware can use `c.get("user")`,
 * `c.get("t")` and `c.get("csrfToken")`.
 *
 * Language order: `?lang=` (the switcher's links; remembered in a cookie) → that cookie → the
 * user's saved choice → the browser's Accept-Language → English.
 */
import type { MiddlewareHandler } from "hono";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import type { AppEnv } from "../http/app-deps.js";
import { createTranslator, isSupportedLocale, negotiateLocale } from "../i18n/index.js";
import { createCsrfTokenGetter } from "./csrf.js";
import { type CookiePolicy, readCookie, writeCookie } from "./session-cookie.js";
import { resolveWebSession } from "./web-sessions.js";

export const sessionCookie = "attendant_session";
export const languageCookie = "attendant_lang";
const languageCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

export function webContext(deps: { db: Db; clock: Clock; policy: CookiePolicy }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readCookie(c, deps.policy, sessionCookie);
    const resolved = token === undefined ? undefined : await resolveWebSession(deps, token);
    c.set("session", resolved?.session);
    c.set("user", resolved?.user);

    const requested = c.req.query("lang");
    if (isSupportedLocale(requested)) {
      writeCookie(c, deps.policy, languageCookie, requested, { maxAgeSeconds: languageCookieMaxAgeSeconds });
    }
    const locale = negotiateLocale({
      explicit: [requested, readCookie(c, deps.policy, languageCookie), resolved?.user.locale],
      acceptLanguage: c.req.header("accept-language"),
    });
    c.set("t", createTranslator(locale, resolved?.user.timeZone));
    c.set("csrfToken", createCsrfTokenGetter(c, deps.policy));
    await next();
  };
}
