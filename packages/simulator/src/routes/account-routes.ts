import type { Hono } from "hono";
import { authorize, readBearerToken, resolvePrincipal } from "../http/principal.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { ApiFailure, jsonResponse } from "../wire/errors.js";

/** Ping and account (docs/teamviewer-api.md §2). */
export function registerAccountRoutes(app: Hono, state: SimulatorState): void {
  // Ping answers 200 even for a missing, wrong or expired token (docs/teamviewer-api.md §2).
  app.get("/api/v1/ping", (c) => {
    const principal = resolvePrincipal(state, readBearerToken(c.req.raw));
    return jsonResponse({ token_valid: !(principal instanceof ApiFailure) });
  });

  app.get("/api/v1/account", (c) => {
    const principal = authorize(state, c.req.raw, "account_management");
    const account = state.world.requireAccount(principal.userid);
    return jsonResponse({
      userid: account.userid,
      name: account.name,
      email: account.email,
      company_name: state.world.companyName(account.companyId),
      email_validated: account.emailValidated,
      email_language: account.emailLanguage,
      license: {
        type: account.license.type,
        isactive: account.license.isActive,
        max_concurrent_sessions: account.license.maxConcurrentSessions,
      },
    });
  });
}
