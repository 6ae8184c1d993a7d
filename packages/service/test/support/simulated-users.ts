/**
 * Users for in-process tests against the simulator: a row in our database and, when asked, a
 * TeamViewer connection holding tokens the simulator issued directly (no browser consent).
 */
import type { Simulator } from "@attendant/simulator";
import type { Clock } from "../../src/clock.js";
import type { Db } from "../../src/db/open-database.js";
import { saveTeamViewerConnection } from "../../src/db/repositories/teamviewer-connections.js";
import { createUser, type User } from "../../src/db/repositories/users.js";
import type { UserRole } from "../../src/db/schema.js";
import type { SessionActor } from "../../src/sessions/session-actor.js";
import type { SecretBox } from "../../src/vault/secret-box.js";

export interface SimulatedUserContext {
  db: Db;
  vault: SecretBox;
  clock: Clock;
  simulator: Simulator;
  organisationId: string;
}

export async function addSimulatedUser(
  context: SimulatedUserContext,
  options: { role: UserRole; email: string; teamViewerUserid?: string | undefined },
): Promise<User> {
  const { db, vault, clock, simulator } = context;
  const user = await createUser(db, {
    organisationId: context.organisationId,
    email: options.email,
    role: options.role,
  });
  if (options.teamViewerUserid !== undefined) {
    const tokens = simulator.admin.issueUserToken({
      clientId: simulator.demo().clientId,
      userid: options.teamViewerUserid,
    });
    await saveTeamViewerConnection(
      db,
      vault,
      {
        userId: user.id,
        teamViewerUserId: options.teamViewerUserid,
        teamViewerName: user.email,
        teamViewerEmail: user.email,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: new Date(clock.now().getTime() + tokens.expiresIn * 1000),
      },
      clock.now(),
    );
  }
  return user;
}

/** The actor a use case sees when this user acts through the web UI. */
export function actorOf(user: User): SessionActor {
  return {
    organisationId: user.organisationId,
    userId: user.id,
    role: user.role,
    label: user.email,
    ip: null,
    userAgent: null,
  };
}
