/**
 * Security headers on every response, errors included.
 *
 * The CSP allows only our own scripts (and an inline one carrying the response's nonce), styles and images, no framing (clickjacking), no <base>
 * tricks, and forms that post only to us. Note for OAuth: browsers apply `form-action` to
 * redirects after a form post, so start the TeamViewer redirect from a link or add the
 * authorize origin to formAction here.
 * HSTS is sent only when the public URL is https: over plain http it would be ignored, and on
 * localhost it would break other local development servers.
 */
import { NONCE, secureHeaders } from "hono/secure-headers";

export function securityHeaders(options: { isHttps: boolean }) {
  return secureHeaders({
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
}
