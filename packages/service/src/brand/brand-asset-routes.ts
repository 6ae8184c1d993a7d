/**
 * The brand's assets:
 *
 *   GET /brand/:organisationId/logo-:hash   the logo, as the image type its bytes proved to be
 *   GET /brand/accent-:rrggbb.css           `--accent` for pages that carry the brand
 *
 * The logo is something an admin uploaded, so it is served as an image only: its checked
 * content type, `nosniff`, a CSP of `default-src 'none'` (nothing in it could run, even if
 * opened on its own) and `inline`, never HTML. It is mounted before the app's security headers
 * (src/http/create-app.ts), which would put back the pages' CSP and a same-origin resource
 * policy: e-mail clients load the logo from other origins.
 */
import { Hono } from "hono";
import type { Db } from "../db/open-database.js";
import type { AppEnv } from "../http/app-deps.js";
import { brandPathPrefix } from "./brand-asset-paths.js";
import { loadCurrentLogo } from "./organisation-brand.js";

const immutable = "public, max-age=31536000, immutable";
const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export function createLogoRoutes(deps: { db: Db }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(`${brandPathPrefix}:organisationId{${uuidPattern}}/:file{logo-[0-9a-f]{16}}`, async (c) => {
    const hash = c.req.param("file").slice("logo-".length);
    const logo = await loadCurrentLogo(deps.db, c.req.param("organisationId"), hash);
    const headers = {
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Resource-Policy": "cross-origin",
    };
    if (logo === undefined) return c.body(null, 404, { ...headers, "Cache-Control": "no-store" });
    return c.body(logo.bytes, 200, {
      ...headers,
      "Content-Type": logo.contentType,
      "Content-Disposition": "inline",
      "Cache-Control": immutable,
    });
  });
  return routes;
}

export function createAccentStylesheetRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(`${brandPathPrefix}:file{accent-[0-9a-f]{6}\\.css}`, (c) => {
    const colour = `#${c.req.param("file").slice("accent-".length, "accent-".length + 6)}`;
    // White text on the accent: the brand form checked that contrast. In the dark scheme links
    // keep the light default accent (a dark brand colour would not read on a dark page), and
    // only the buttons carry the brand.
    const css = [
      `@media (prefers-color-scheme: light) { :root { --accent: ${colour}; --accent-fg: #fff; } }`,
      `@media (prefers-color-scheme: dark) { .button, button { background: ${colour}; border-color: ${colour}; color: #fff; } }`,
      // The ticket widget in a scheme its host chose sets its own colours (src/web/stylesheet.ts);
      // the same two rules for it, whatever the browser prefers.
      `.embed-panel.theme-light { --accent: ${colour}; --accent-fg: #fff; }`,
      `.embed-panel.theme-dark .button, .embed-panel.theme-dark button { background: ${colour}; border-color: ${colour}; color: #fff; }`,
      "",
    ].join("\n");
    return c.body(css, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": immutable });
  });
  return routes;
}
