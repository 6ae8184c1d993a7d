/**
 * Admins set the organisation's session rules (issue 24, "Expiry and clean-up"):
 *
 *   GET  /settings/sessions   the form, filled with the saved rules
 *   POST /settings/sessions   `closesExpiredSessions=on`, or nothing for off
 */

import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/app-deps.js";
import type { SignedInEnv } from "../../identity/current-session.js";
import { requireRole } from "../../identity/require-user.js";
import { readForm } from "../../web/forms.js";
import type { WebExtensions } from "../../web/web-extensions.js";
import { loadSessionPolicy, saveSessionPolicy } from "../session-policy.js";
import { SessionPolicyPage, type SessionPolicyView, sessionPolicyPath } from "./session-policy-page.js";
import { webActorOf } from "./web-actor.js";

type SessionPolicyRouteDeps = Pick<AppDeps, "database" | "clock"> & { web: WebExtensions };

/** An unchecked checkbox sends nothing; a checked one sends "on". */
const policyFormSchema = z.object({ closesExpiredSessions: z.literal("on").optional() });

export function createSessionPolicyRoutes(deps: SessionPolicyRouteDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: sessionPolicyPath, label: "nav.sessionPolicy", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();

  routes.get(sessionPolicyPath, requireRole("admin"), async (c) => {
    const policy = await loadSessionPolicy(deps, webActorOf(c));
    return renderPage(c, { policy, isSaved: c.req.query("notice") === "saved", isInvalid: false });
  });

  routes.post(sessionPolicyPath, requireRole("admin"), async (c) => {
    const form = await readForm(c, policyFormSchema);
    const actor = webActorOf(c);
    if (!form.isValid) {
      c.status(422);
      return renderPage(c, { policy: await loadSessionPolicy(deps, actor), isSaved: false, isInvalid: true });
    }
    await saveSessionPolicy(deps, actor, { closesExpiredSessions: form.data.closesExpiredSessions === "on" });
    return c.redirect(`${sessionPolicyPath}?notice=saved`, 303);
  });

  function renderPage(c: Context<SignedInEnv>, view: SessionPolicyView) {
    const t = c.get("t");
    return c.render(<SessionPolicyPage t={t} view={view} />, { title: t.t("sessionPolicy.title") });
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}
