/**
 * Ties the session use-cases to the cookie: sign a browser in (rotating whatever session it had)
 * or out. The cookie has no Max-Age, so it ends with the browser; the server enforces the idle
 * and absolute timeouts whatever the browser keeps.
 */
import type { Context } from "hono";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import { type CookiePolicy, readCookie, removeCookie, writeCookie } from "./session-cookie.js";
import { sessionCookie } from "./web-context.js";
import { endWebSession, startWebSession } from "./web-sessions.js";

export interface BrowserSessionDeps {
  db: Db;
  clock: Clock;
  cookiePolicy: CookiePolicy;
}

export async function signInBrowser(c: Context, deps: BrowserSessionDeps, userId: string): Promise<void> {
  const { token } = await startWebSession(deps, {
    userId,
    replacingToken: readCookie(c, deps.cookiePolicy, sessionCookie),
  });
  writeCookie(c, deps.cookiePolicy, sessionCookie, token);
}

export async function signOutBrowser(c: Context, deps: BrowserSessionDeps): Promise<void> {
  const token = readCookie(c, deps.cookiePolicy, sessionCookie);
  if (token !== undefined) await endWebSession(deps, token);
  removeCookie(c, deps.cookiePolicy, sessionCookie);
}

/** Only same-site paths: `next=https://evil.example` or `//evil.example` must not redirect away. */
export function safeReturnPath(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
