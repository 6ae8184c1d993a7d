/**
 * Every page of identity and access, and their navigation entries. The order of the
 * `addNavEntry` calls is the order in the header; other features add theirs after these.
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/app-deps.js";
import { createAuditLogRoutes } from "../web/audit-log-routes.js";
import { createHomeRoutes } from "../web/home-routes.js";
import type { IdentityDeps } from "./identity-deps.js";
import { createLoginRoutes } from "./login-routes.js";
import { createProfileRoutes } from "./profile-routes.js";
import { createSetupRoutes } from "./setup-routes.js";
import { createUsersRoutes } from "./users-routes.js";

export function createIdentityRoutes(deps: IdentityDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: "/", label: "nav.home" });
  deps.web.addNavEntry({ href: "/users", label: "nav.users", roles: ["admin"] });
  deps.web.addNavEntry({ href: "/audit", label: "nav.audit", roles: ["admin", "auditor"] });

  const routes = new Hono<AppEnv>();
  routes.route("/", createLoginRoutes(deps));
  routes.route("/", createSetupRoutes(deps));
  routes.route("/", createHomeRoutes(deps));
  routes.route("/", createProfileRoutes(deps));
  routes.route("/", createUsersRoutes(deps));
  routes.route("/", createAuditLogRoutes(deps));
  return routes;
}
