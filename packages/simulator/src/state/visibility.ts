import type { Principal } from "../http/principal.js";
import type { SupportSession } from "./session-store.js";
import type { Group, World } from "./world.js";

/** Groups a token can use: its owner's and those shared with it, or all of the company's for a company token. */
export function listVisibleGroups(world: World, principal: Principal): Group[] {
  return [...world.groups.values()].filter((group) => isGroupVisible(group, principal));
}

export function isGroupVisible(group: Group, principal: Principal): boolean {
  if (group.companyId !== principal.companyId) return false;
  if (principal.seesWholeCompany || group.ownerUserid === principal.userid) return true;
  return group.sharedWith.some((share) => share.userid === principal.userid);
}

/** A user token sees sessions in its groups and those assigned to or created by its user. */
export function isSessionVisible(world: World, session: SupportSession, principal: Principal): boolean {
  if (session.companyId !== principal.companyId) return false;
  if (principal.seesWholeCompany) return true;
  if (session.assignedUserid === principal.userid || session.creatorUserid === principal.userid) return true;
  const group = world.groups.get(session.groupid);
  return group !== undefined && isGroupVisible(group, principal);
}
