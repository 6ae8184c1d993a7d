/**
 * Cross-site request forgery defence for form routes, two independent layers
 * (OWASP CSRF Prevention Cheat Sheet):
 *
 * 1. Fetch metadata / Origin: a browser tells us where an unsafe request came from. Anything but
 *    the public URL's origin is refused (src/http/public-host.ts). Requests without either header (old browsers, curl) fall through
 *    to the token check alone.
 * 2. Synchronizer token: every form carries `_csrf`, an HMAC of a per-session secret. Visitors
 *    without a session (login, setup) get a random secret in their own cookie instead
 *    (double-submit), so login CSRF is covered too.
 *
 * Paths under /api/ are exempt: they will authenticate with bearer tokens, which a foreign page
 * cannot make the browser attach. So are two kinds of /embed/ requests, the widget a helpdesk frames:
 * its entries, opened by a signed one-time assertion the helpdesk posts from its own origin, or
 * Zendesk's or Forge's signed token (src/embedding/web/embed-entry-routes.tsx), and its actions that carry the X-Attendant-Embed header:
 * they authenticate with that header, never a cookie, and a foreign page cannot send a custom
 * header to us without a CORS preflight, which we never allow. Without the header an action is a
 * cookie form post like any other (docs/adr/0039-embedded-widget-transport.md).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { embedTokenHeader } from "../embedding/embed-env.js";
import { isApiPath } from "../http/api-path.js";
import type { AppEnv } from "../http/app-deps.js";
import { isTrustedOrigin, type PublicHost } from "../http/public-host.js";
import { isEmbedPath } from "../http/security-headers.js";
import { type CookiePolicy, readCookie, writeCookie } from "./session-cookie.js";

export const csrfFieldName = "_csrf";
const visitorCookie = "attendant_csrf";
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function deriveCsrfToken(secret: string): string {
  return createHmac("sha256", secret).update("attendant-csrf-v1").digest("base64url");
}

/**
 * A lazy getter for the request's CSRF token, stored as `c.get("csrfToken")`. For a visitor it
 * creates the visitor cookie on first use, so only pages that render a form set it.
 */
export function createCsrfTokenGetter(c: Context<AppEnv>, policy: CookiePolicy): () => string {
  let token: string | undefined;
  return () => {
    if (token !== undefined) return token;
    const session = c.get("session");
    let secret = session?.csrfSecret ?? readCookie(c, policy, visitorCookie);
    if (secret === undefined) {
      secret = randomBytes(32).toString("base64url");
      writeCookie(c, policy, visitorCookie, secret);
    }
    token = deriveCsrfToken(secret);
    return token;
  };
}

export interface CsrfOptions {
  policy: CookiePolicy;
  /** Which `Origin` a form may come from (src/http/public-host.ts), never merely the request's own. */
  publicHost: PublicHost;
  /** Renders the "reload and try again" page. */
  refuse: (c: Context<AppEnv>) => Response | Promise<Response>;
}

export function csrfProtection(options: CsrfOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method) || isApiPath(c.req.path) || isExemptEmbedRequest(c)) return next();
    if (!isSameOriginRequest(c, options.publicHost) || !(await hasValidToken(c, options.policy))) {
      c.get("logger").warn("refused a request without a valid CSRF token or origin");
      return options.refuse(c);
    }
    return next();
  };
}

function isExemptEmbedRequest(c: Context): boolean {
  if (!isEmbedPath(c.req.path)) return false;
  return !c.req.path.startsWith("/embed/actions/") || c.req.header(embedTokenHeader) !== undefined;
}

function isSameOriginRequest(c: Context, publicHost: PublicHost): boolean {
  // Fetch metadata is set by the browser and cannot be forged by a page, so when present it
  // decides alone: our own forms arrive with `Origin: null`, because the Referrer-Policy
  // no-referrer we send makes browsers serialise the origin that way (Fetch, "serializing a
  // request origin").
  const fetchSite = c.req.header("sec-fetch-site");
  if (fetchSite !== undefined) return fetchSite === "same-origin";
  const origin = c.req.header("origin");
  // Not the request's own origin: under DNS rebinding that is the attacker's (ADR 0018).
  return origin === undefined || isTrustedOrigin(publicHost, origin, new URL(c.req.url));
}

async function hasValidToken(c: Context<AppEnv>, policy: CookiePolicy): Promise<boolean> {
  const contentType = c.req.header("content-type") ?? "";
  if (
    !contentType.startsWith("application/x-www-form-urlencoded") &&
    !contentType.startsWith("multipart/form-data")
  ) {
    return false;
  }
  // Hono caches the parsed body, so the route handler can read it again.
  const submitted = (await c.req.parseBody())[csrfFieldName];
  const secret = c.get("session")?.csrfSecret ?? readCookie(c, policy, visitorCookie);
  if (typeof submitted !== "string" || secret === undefined) return false;
  const expected = Buffer.from(deriveCsrfToken(secret));
  const actual = Buffer.from(submitted);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
