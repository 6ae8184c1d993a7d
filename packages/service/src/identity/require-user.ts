/**
 * Route guards. Visitors are sent to the login page (and back afterwards); signed-in users
 * without the role get the 403 page.
 *
 *   routes.get("/settings", requireRole("admin"), (c) => c.render(…, { title }));
 *
 * Caution with `routes.use(requireUser)` on a sub-app mounted at "/": Hono applies a sub-app's
 * `use("*")` to every path of the parent, the login page included. Mount such a sub-app under
 * its own prefix, or pass the guard per route.
 */
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { UserRole } from "../db/schema.js";
import { renderForbidden } from "../web/error-pages.js";
import type { SignedInEnv } from "./current-session.js";

/** Where the login page sends the user after signing in; only local paths are honoured. */
export function loginPathFor(returnTo: string): string {
  return `/login?${new URLSearchParams({ next: returnTo })}`;
}

export const requireUser: MiddlewareHandler<SignedInEnv> = createMiddleware<SignedInEnv>(async (c, next) => {
  // The declared env promises a user to later handlers; this is where that promise is checked.
  if (c.var.user === undefined || c.var.session === undefined) {
    const url = new URL(c.req.url);
    return c.redirect(loginPathFor(`${url.pathname}${url.search}`), 303);
  }
  await next();
});

export function requireRole(...roles: [UserRole, ...UserRole[]]): MiddlewareHandler<SignedInEnv> {
  return createMiddleware<SignedInEnv>(async (c, next) => {
    if (c.var.user === undefined) return requireUser(c, next);
    if (!roles.includes(c.var.user.role)) return renderForbidden(c);
    await next();
  });
}
