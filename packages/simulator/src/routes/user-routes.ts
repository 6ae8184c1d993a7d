import type { Hono } from "hono";
import { authorize } from "../http/principal.js";
import type { SimulatorState } from "../state/simulator-state.js";
import type { Account } from "../state/world.js";
import { formatWireDate } from "../wire/dates.js";
import { jsonResponse } from "../wire/errors.js";
import { parseBooleanParam } from "../wire/params.js";

/** Users of the token's company (docs/teamviewer-api.md §5, "user management: view"). */
export function registerUserRoutes(app: Hono, state: SimulatorState): void {
  app.get("/api/v1/users", (c) => {
    const principal = authorize(state, c.req.raw, "user_management");
    const email = c.req.query("email")?.toLowerCase();
    const namePart = c.req.query("name")?.toLowerCase();
    const fullListParam = c.req.query("full_list");
    const isFullList = fullListParam === undefined ? false : parseBooleanParam("full_list", fullListParam);
    const users = state.world
      .companyAccounts(principal.companyId)
      .filter(
        (account) =>
          (email === undefined || account.email.toLowerCase() === email) &&
          (namePart === undefined || account.name.toLowerCase().includes(namePart)),
      );
    return jsonResponse({ users: users.map((account) => presentUser(account, isFullList)) });
  });
}

function presentUser(account: Account, isFullList: boolean) {
  const brief = { id: account.userid, name: account.name, email: account.email };
  if (!isFullList) return brief;
  return {
    ...brief,
    permissions: account.userPermissions,
    active: account.active,
    ...(account.lastAccessAt !== undefined && { last_access_date: formatWireDate(account.lastAccessAt) }),
  };
}
