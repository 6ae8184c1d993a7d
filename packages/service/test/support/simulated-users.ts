/**
 * An organisation and its users for in-process tests against the simulator: the organisation's
 * TeamViewer app is the simulator's demo app, and a user can hold a TeamViewer connection with
 * tokens the simulator issued directly (no browser consent).
 */
import type { Simulator } from "@attendant/simulator";
import type { Clock } from "../../src/clock.js";
import type { Db } from "../../src/db/open-database.js";
import { createOrganisation, type Organisation } from "../../src/db/repositories/organisations.js";
import { saveTeamViewerApp } from "../../src/db/repositories/teamviewer-apps.js";
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

/** Creates an organisation whose TeamViewer app is the simulator's demo app. */
export async function createSimulatedOrganisation(
  context: Omit<SimulatedUserContext, "organisationId">,
  publicUrl: string,
): Promise<Organisation> {
  const { db, vault, clock, simulator } = context;
  const demo = simulator.demo();
  const organisation = await createOrganisation(db, { name: "Contoso Helpdesk" });
  await saveTeamViewerApp(
    db,
    vault,
    {
      organisationId: organisation.id,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
      redirectUri: `${publicUrl}/teamviewer/callback`,
      authorizeUrl: demo.authorizeUrl,
      apiBaseUrl: demo.apiBaseUrl,
    },
    clock.now(),
  );
  return organisation;
}

export async function addSimulatedUser(
  context: SimulatedUserContext,
  options: { role: UserRole; email: string; teamViewerUserid?: string | undefined },
): Promise<User> {
  const user = await createUser(context.db, {
    organisationId: context.organisationId,
    email: options.email,
    role: options.role,
  });
  if (options.teamViewerUserid !== undefined) {
    await connectToSimulatedAccount(context, user, options.teamViewerUserid);
  }
  return user;
}

/**
 * Gives `user` a TeamViewer connection to the simulator account `teamViewerUserid`, with tokens
 * the simulator issued for the demo app: a first connection, or a reconnection (to the same or
 * another account) that replaces the one they had.
 */
export async function connectToSimulatedAccount(
  context: Omit<SimulatedUserContext, "organisationId">,
  user: Pick<User, "id" | "email">,
  teamViewerUserid: string,
): Promise<void> {
  const { db, vault, clock, simulator } = context;
  const tokens = simulator.admin.issueUserToken({
    clientId: simulator.demo().clientId,
    userid: teamViewerUserid,
  });
  await saveTeamViewerConnection(
    db,
    vault,
    {
      userId: user.id,
      teamViewerUserId: teamViewerUserid,
      teamViewerName: user.email,
      teamViewerEmail: user.email,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: new Date(clock.now().getTime() + tokens.expiresIn * 1000),
    },
    clock.now(),
  );
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

/**
 * A simulated TeamViewer account whose licence allows one open session at a time, with a group
 * of its own: the second session it creates meets the licence limit.
 */
export function addSingleSessionLicenceAccount(simulator: Simulator): { userid: string; groupId: string } {
  simulator.admin.createAccount({
    userid: "u9001",
    name: "Solo",
    email: "solo@tiny.example",
    company: "Tiny",
    license: { maxConcurrentSessions: 1 },
  });
  simulator.admin.createGroup({ id: "g9001", name: "Solo desk", ownerUserid: "u9001" });
  return { userid: "u9001", groupId: "g9001" };
}
