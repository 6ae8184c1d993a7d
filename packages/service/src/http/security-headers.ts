/**
 * Security headers on every response, errors included.
 *
 * The CSP allows only our own scripts (and an inline one carrying the response's nonce), styles and images, no framing (clickjacking), no <base>
 * tricks, and forms that post only to us. Note for OAuth: browsers apply `form-action` to
 * redirects after a form post, so start the TeamViewer redirect from a link or add the
 * authorize origin to formAction here.
 * HSTS is sent only when the public URL is https: over plain http it would be ignored, and on
 * localhost it would break other local development servers.
 *
 * The one exception is `/embed/*`, the ticket widget that helpdesks frame (issue 23,
 * docs/adr/0038-embedding-trust.md): there `frame-ancestors` lists exactly the origins of the
 * integration the response belongs to (`'none'` while it is unknown, `*` for the refusal page of an
 * unknown integration: docs/adr/0045-framing-refusals-of-unknown-integrations.md), `X-Frame-Options` is left
 * out (its only framing value besides DENY, SAMEORIGIN, cannot name another origin), and the
 * opener policy is left to the browser's default so a popup the widget opens can hand back. The
 * one `/embed/*` response that needs a platform's script (Zendesk's bridge page) names it in
 * `embedScriptSource`, and only that script is added to its `script-src`
 * (docs/adr/0044-zendesk-and-forge-entry-routes.md).
 *
 * The pages named in `framingOwnPages` (in demo mode the demo helpdesk ticket,
 * src/embedding/demo-helpdesk.ts) may frame pages of our own origin (`frame-src 'self'`); no
 * page may frame anything else.
 */
import type { Context, MiddlewareHandler } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-deps.js";

export const embedPathPrefix = "/embed/";

export function isEmbedPath(path: string): boolean {
  return path.startsWith(embedPathPrefix);
}

export function securityHeaders(options: {
  isHttps: boolean;
  framingOwnPages?: readonly string[];
}): MiddlewareHandler<AppEnv> {
  const everyRoute = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      // Plus the one inline script of the pages, by a fresh nonce per response (web/copy-script.tsx).
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    strictTransportSecurity: options.isHttps ? "max-age=31536000; includeSubDomains" : false,
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    // Our URLs can carry one-time values (OAuth callbacks, join links); never leak them onward.
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
  });
  return async (c, next) => {
    await everyRoute(c, next);
    if (isEmbedPath(c.req.path)) {
      allowFramingBy(c, c.get("embedFrameOrigins") ?? []);
      allowPlatformScript(c, c.get("embedScriptSource"));
    } else if (options.framingOwnPages?.includes(c.req.path)) allowFramingOwnPages(c);
  };
}

function allowFramingOwnPages(c: Context<AppEnv>): void {
  const policy = c.res.headers.get("Content-Security-Policy");
  if (policy !== null) c.res.headers.set("Content-Security-Policy", `${policy}; frame-src 'self'`);
}

function allowPlatformScript(c: Context<AppEnv>, source: string | undefined): void {
  const policy = c.res.headers.get("Content-Security-Policy");
  if (policy === null || source === undefined) return;
  c.res.headers.set(
    "Content-Security-Policy",
    policy.replace("script-src 'self'", `script-src 'self' ${source}`),
  );
}

/** Rewrites the headers of an `/embed/*` response so that exactly `origins` may frame it. */
function allowFramingBy(c: Context<AppEnv>, origins: readonly string[]): void {
  const policy = c.res.headers.get("Content-Security-Policy");
  if (policy !== null) {
    const ancestors = origins.length === 0 ? "'none'" : origins.join(" ");
    c.res.headers.set(
      "Content-Security-Policy",
      policy.replace("frame-ancestors 'none'", `frame-ancestors ${ancestors}`),
    );
  }
  c.res.headers.delete("X-Frame-Options");
  c.res.headers.delete("Cross-Origin-Opener-Policy");
}
