/** The signed-in user as the session use cases' actor. */
import type { Context } from "hono";
import { clientAddressOf } from "../../identity/client-address.js";
import type { SignedInEnv } from "../../identity/current-session.js";
import type { SessionActor } from "../session-actor.js";

/** Also for environments that add to the signed-in one, such as the ticket widget's (src/embedding/embed-env.ts). */
export function webActorOf<E extends SignedInEnv>(c: Context<E>): SessionActor {
  const user = c.get("user");
  return {
    organisationId: user.organisationId,
    userId: user.id,
    role: user.role,
    label: user.email,
    ip: clientAddressOf(c),
    userAgent: c.req.header("user-agent") ?? null,
    webSessionId: c.get("session").id,
  };
}
