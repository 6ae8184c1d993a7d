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

/** C0 controls and DEL: browsers drop tab, CR and LF from a URL, and none is valid in a header. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The return path after sign-in, or "/" when it would leave `publicOrigin`. The path is resolved
 * the way a browser resolves a `Location` (WHATWG URL parsing: backslashes read as slashes), so
 * `//evil.example`, `/\evil.example` and `javascript:` all land elsewhere and are refused; control
 * characters are refused before parsing because browsers strip them first (`/<tab>/evil.example`
 * becomes `//evil.example`) and a header cannot carry them.
 */
export function safeReturnPath(next: string | undefined, publicOrigin: string): string {
  if (next === undefined || !next.startsWith("/") || hasControlCharacter(next)) return "/";
  // URL.parse would read better, but it is Node 22; the service runs on Node 20.
  if (!URL.canParse(next, publicOrigin)) return "/";
  const url = new URL(next, publicOrigin);
  if (url.origin !== publicOrigin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
