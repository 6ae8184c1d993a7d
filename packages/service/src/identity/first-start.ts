/**
 * What start-up does for identity: make sure the organisation exists and, in demo mode, give
 * the console a one-time sign-in link for a demo admin instead of asking for /setup.
 *
 * The demo admin is created only into an organisation without users, so switching an existing
 * installation into demo mode never adds an admin account behind its admins' backs; later demo
 * starts print a fresh link for the same demo admin while it exists and is enabled.
 */

import { recordAuditEvent } from "../audit/audit-events.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/open-database.js";
import type { Organisation } from "../db/repositories/organisations.js";
import { countUsers, createUser, findUserByEmail } from "../db/repositories/users.js";
import { issueOneTimeLogin } from "./one-time-login.js";
import { ensureDefaultOrganisation } from "./organisation.js";

export const demoAdminEmail = "demo-admin@attendant.invalid";

export interface FirstStartResult {
  organisation: Organisation;
  /** Present in demo mode: print it; it signs in as the demo admin once. */
  demoSignInUrl?: string;
}

export async function prepareFirstStart(
  deps: { db: Db; clock: Clock },
  options: { isDemoMode: boolean; publicUrl: string },
): Promise<FirstStartResult> {
  const organisation = await ensureDefaultOrganisation(deps.db);
  if (!options.isDemoMode) return { organisation };

  let demoAdmin = await findUserByEmail(deps.db, organisation.id, demoAdminEmail);
  if (demoAdmin === undefined && (await countUsers(deps.db, organisation.id)) === 0) {
    // No password: this account signs in only through one-time links.
    demoAdmin = await createUser(deps.db, {
      organisationId: organisation.id,
      email: demoAdminEmail,
      displayName: "Demo admin",
      role: "admin",
      passwordHash: null,
    });
    await recordAuditEvent(deps, {
      organisationId: organisation.id,
      actor: { label: "system" },
      action: "user.created",
      target: { type: "user", id: demoAdmin.id },
      details: { role: "admin", via: "demo" },
    });
  }
  if (demoAdmin === undefined || demoAdmin.isDisabled) return { organisation };
  const demoSignInUrl = await issueOneTimeLogin(deps, { userId: demoAdmin.id, publicUrl: options.publicUrl });
  return { organisation, demoSignInUrl };
}
