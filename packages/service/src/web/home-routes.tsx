/**
 * The home page: who is signed in, with which role, and one card per feature that registered
 * one (`web.addHomeCard`), e.g. the TeamViewer connection status.
 */
import { Hono } from "hono";
import type { SignedInEnv } from "../identity/current-session.js";
import type { IdentityDeps } from "../identity/identity-deps.js";
import { requireUser } from "../identity/require-user.js";
import { liveDeskStreamFor } from "../live/live-routes.js";
import { roleLabelKeys } from "./role-labels.js";

export function createHomeRoutes(deps: IdentityDeps): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  routes.get("/", requireUser, async (c) => {
    const { t } = c.get("t");
    const user = c.get("user");
    const cards = await Promise.all(
      deps.web.homeCardsFor(user.role).map(async (card) => ({ id: card.id, content: await card.render(c) })),
    );
    return c.render(
      <div class="cards">
        <section class="card" id="you">
          <h2>{t("home.youTitle")}</h2>
          <dl class="facts">
            <dt>{t("fields.displayName")}</dt>
            <dd>{user.displayName || "—"}</dd>
            <dt>{t("fields.email")}</dt>
            <dd>{user.email}</dd>
            <dt>{t("fields.role")}</dt>
            <dd>{t(roleLabelKeys[user.role])}</dd>
          </dl>
          <p>
            <a href="/profile">{t("home.editProfile")}</a>
          </p>
        </section>
        {cards.map((card) => (
          <div id={card.id}>{card.content}</div>
        ))}
      </div>,
      { title: t("home.title"), live: { stream: liveDeskStreamFor(), page: "/" } },
    );
  });
  return routes;
}
