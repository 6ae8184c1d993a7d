/**
 * The agent behind an embed session as the use cases' actor: the same as on signed-in pages
 * (src/sessions/pages/web-actor.ts), with the embed session as the "browser sign-in" its audit
 * entries are grouped by. Hono's Context is invariant in its environment, so an EmbedEnv context
 * is not a SignedInEnv one to the compiler although it holds every variable that one does.
 */
import type { Context } from "hono";
import type { SignedInEnv } from "../identity/current-session.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import type { SessionActor } from "../sessions/session-actor.js";
import type { EmbedEnv } from "./embed-env.js";

export function embedActorOf(c: Context<EmbedEnv>): SessionActor {
  return webActorOf(c as unknown as Context<SignedInEnv>);
}
