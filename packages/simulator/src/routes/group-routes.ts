import type { Hono } from "hono";
import { authorize, type Principal } from "../http/principal.js";
import type { SimulatorState } from "../state/simulator-state.js";
import { listVisibleGroups } from "../state/visibility.js";
import type { Group, World } from "../state/world.js";
import { badRequest, jsonResponse } from "../wire/errors.js";
import { optionalString, parseBooleanParam, readJsonObject } from "../wire/params.js";

const GROUP_NAME_MAX = 100;

/** Groups (docs/teamviewer-api.md §5). */
export function registerGroupRoutes(app: Hono, state: SimulatorState): void {
  app.get("/api/v1/groups", (c) => {
    const principal = authorize(state, c.req.raw, "group_management");
    const namePart = c.req.query("name")?.toLowerCase();
    const sharedParam = c.req.query("shared");
    const isShared = sharedParam === undefined ? undefined : parseBooleanParam("shared", sharedParam);
    const groups = listVisibleGroups(state.world, principal).filter(
      (group) =>
        (namePart === undefined || group.name.toLowerCase().includes(namePart)) &&
        (isShared === undefined || isSharedWithOthers(group, principal) === isShared),
    );
    return jsonResponse({ groups: groups.map((group) => presentGroup(state.world, group, principal)) });
  });

  app.post("/api/v1/groups", async (c) => {
    const principal = authorize(state, c.req.raw, "group_management");
    const body = await readJsonObject(c.req.raw);
    const name = optionalString(body, "name", GROUP_NAME_MAX)?.trim();
    if (!name) throw badRequest("Parameter name is required.");
    const group = createGroupFor(state.world, principal, name);
    return jsonResponse(presentGroup(state.world, group, principal));
  });
}

/** Creates a group owned by the token's account; names are unique among the groups it sees. */
export function createGroupFor(world: World, principal: Principal, name: string): Group {
  const existing = findVisibleGroupByName(world, principal, name);
  if (existing) throw badRequest(`A group named ${name} already exists.`);
  return world.createGroup({ name, ownerUserid: principal.userid });
}

export function findVisibleGroupByName(world: World, principal: Principal, name: string): Group | undefined {
  const wanted = name.toLowerCase();
  return listVisibleGroups(world, principal).find((group) => group.name.toLowerCase() === wanted);
}

function isSharedWithOthers(group: Group, principal: Principal): boolean {
  return principal.seesWholeCompany ? group.sharedWith.length > 0 : group.ownerUserid !== principal.userid;
}

function presentGroup(world: World, group: Group, principal: Principal) {
  const share = group.sharedWith.find((entry) => entry.userid === principal.userid);
  const isOwner = principal.seesWholeCompany || group.ownerUserid === principal.userid;
  return {
    id: group.id,
    name: group.name,
    permissions: isOwner ? "owned" : (share?.permissions ?? "read"),
    policy_id: null,
    shared_with: group.sharedWith.map((entry) => ({
      userid: entry.userid,
      name: world.accounts.get(entry.userid)?.name ?? "",
      permissions: entry.permissions,
      pending: false,
    })),
    owner: { userid: group.ownerUserid, name: world.accounts.get(group.ownerUserid)?.name ?? "" },
  };
}
