/**
 * `GET /join/:token`: the end customer's page. No sign-in and no session cookie; answers
 * `no-store` (the URL is a credential), 404 for an unknown address, 410 for an ended session,
 * and 429 instead of 404 once a caller or a token prefix has too many unknown addresses
 * (guess-limiter.ts); an address that exists always opens.
 *
 * `GET /join/:token/status`: what the page's script asks every few seconds (issue 24, "the
 * customer's side"): `{ status: "ready" | "waiting" | "ended", message }`, the message in the
 * customer's language. It carries nothing the page does not show, nothing of the supporter, and
 * counts unknown addresses against the same limiter as the page.
 *
 * Both speak the customer's language in this order (issue 25, "Language"): the one picked with
 * `?lang=` on the page, the one the invitation e-mail was sent in, the browser's, and the
 * organisation's default.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import { createTranslator, isSupportedLocale, negotiateLocale, type Translator } from "../i18n/index.js";
import { clientAddressOf } from "../identity/client-address.js";
import { createGuessLimiter } from "./guess-limiter.js";
import { joinPathPrefix } from "./join-links.js";
import { JoinDocument } from "./join-page.js";
import { type JoinPageView, joinStatusOf, openJoinPage } from "./open-join-page.js";

const statusOf = { open: 200, unknown: 404, expired: 410, closed: 410, withdrawn: 410 } as const;

export function createJoinRoutes(deps: Pick<AppDeps, "database" | "clock">): Hono<AppEnv> {
  const limiter = createGuessLimiter(deps.clock);
  const routes = new Hono<AppEnv>();
  /** Looks the token up; undefined after answering 429 for a caller who guessed too often. */
  async function openCounted(c: Context<AppEnv>, token: string): Promise<JoinPageView | undefined> {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex");
    const view = await openJoinPage({ db: deps.database.db, now: deps.clock.now() }, token);
    if (view.kind !== "unknown") return view;
    // In-process test requests have no socket; they share one bucket.
    const guess = { ip: clientAddressOf(c) ?? "unknown", token };
    const retryAfter = limiter.retryAfterSeconds(guess);
    if (retryAfter > 0) {
      c.header("Retry-After", String(retryAfter));
      return undefined;
    }
    limiter.recordMiss(guess);
    return view;
  }

  routes.get(`${joinPathPrefix}:token/status`, async (c) => {
    const view = await openCounted(c, c.req.param("token"));
    const { t } = customerTranslator(c, view);
    if (view === undefined) return c.json({ status: "throttled", message: t("join.throttled") }, 429);
    if (view.kind === "unknown") return c.json({ status: "unknown", message: t("join.unknown.title") }, 404);
    const status = joinStatusOf(view);
    return c.json({ status, message: t(`join.status.${status}`) });
  });

  routes.get(`${joinPathPrefix}:token`, async (c) => {
    const token = c.req.param("token");
    const view = await openCounted(c, token);
    const t = customerTranslator(c, view);
    if (view === undefined) return c.text(t.t("join.throttled"), 429);
    const selfPath = `${joinPathPrefix}${encodeURIComponent(token)}`;
    return c.html(
      html`<!doctype html>${<JoinDocument t={t} view={view} selfPath={selfPath} />}`,
      statusOf[view.kind],
    );
  });
  return routes;
}

function customerTranslator(c: Context<AppEnv>, view: JoinPageView | undefined): Translator {
  if (view === undefined || view.kind === "unknown") return c.get("t");
  const requested = c.req.query("lang");
  return createTranslator(
    negotiateLocale({
      explicit: [isSupportedLocale(requested) ? requested : undefined, view.invitationLocale],
      acceptLanguage: c.req.header("accept-language"),
      fallback: view.brand.defaultLocale,
    }),
    view.brand.timeZone,
  );
}
