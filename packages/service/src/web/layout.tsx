/**
 * The page shell every server-rendered page shares: `<html lang>`, header with navigation, the
 * language switcher, the user's name and sign-out button, banners from any feature, and the
 * page content. Installed once by `createApp` as Hono's JSX renderer, so a route only writes
 *
 *   return c.render(<section>…</section>, { title: t("users.title") });
 *
 * (set a status first with `c.status(422)`). Components inside can reach the request with
 * `useRequestContext<AppEnv>()`, which is how `<CsrfField />` finds its token.
 * Scripts: a page with copy buttons adds their script (copy-script.tsx), which the response's CSP
 * nonce allows; a page that updates itself passes `live` and gets src/web/page-scripts.ts's
 * live-desk script from our own origin, with its addresses in `<meta>` elements. Every page works
 * without scripts.
 */
import type { Context } from "hono";
import type { Child, PropsWithChildren } from "hono/jsx";
import { jsxRenderer, useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../http/app-deps.js";
import { localeNames, supportedLocales } from "../i18n/index.js";
import { csrfFieldName } from "../identity/csrf.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { faviconPath } from "./favicon.js";
import { liveDeskScriptPath } from "./page-scripts.js";
import { stylesheetPath } from "./stylesheet.js";
import type { NavBadgeProvider, WebExtensions } from "./web-extensions.js";

export interface PageProps {
  /** The page's own title; the app name is appended. */
  title: string;
  /**
   * For pages that update themselves: the event stream to listen to, and the address to fetch
   * the page's `data-live-region` elements from again (src/live/live-routes.tsx).
   */
  live?: { stream: string; page: string };
}

declare module "hono" {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation needs the interface form
    (content: Child, props: PageProps): Response | Promise<Response>;
  }
}

export function pageRenderer(extensions: WebExtensions) {
  return jsxRenderer(({ children, title, live }) => (
    <Shell title={title} extensions={extensions} {...(live === undefined ? {} : { live })}>
      {children}
    </Shell>
  ));
}

function Shell(props: PropsWithChildren<PageProps & { extensions: WebExtensions }>) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.get("t");
  const user = c.get("user");
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href={stylesheetPath} />
        <link rel="icon" type="image/svg+xml" href={faviconPath} />
        {props.live && (
          <>
            <meta
              name="attendant-live-stream"
              content={props.live.stream}
              data-alert-title={t("liveDesk.alerts.title")}
            />
            <meta name="attendant-live-page" content={props.live.page} />
            <script src={liveDeskScriptPath} defer />
          </>
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t("app.name")}
          </a>
          {user && (
            <nav aria-label={t("layout.mainNavigation")}>
              <ul>
                {props.extensions.navEntriesFor(user.role).map((entry) => (
                  <li>
                    <a
                      href={entry.href}
                      aria-current={isCurrentSection(c.req.path, entry.href) ? "page" : undefined}
                    >
                      {t(entry.label)}
                      {entry.badge && <NavBadge c={c} badge={entry.badge} />}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="header-tools">
            <LanguageSwitcher c={c} />
            {user && (
              <form method="post" action="/logout" class="sign-out">
                <CsrfField />
                <a href="/profile">{user.displayName || user.email}</a>
                <button type="submit" class="link-button">
                  {t("common.signOut")}
                </button>
              </form>
            )}
          </div>
        </header>
        <Banners c={c} extensions={props.extensions} />
        <main id="main">
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A count after a navigation entry (the waiting customers); nothing when it is zero. */
async function NavBadge(props: { c: Context<AppEnv>; badge: NavBadgeProvider }) {
  const badge = await props.badge(props.c as Context<SignedInEnv>);
  return (
    <span data-live-region={badge.id}>
      {badge.count > 0 && (
        <span class="nav-badge" id={badge.id} title={badge.label}>
          {badge.count}
        </span>
      )}
    </span>
  );
}

function isCurrentSection(path: string, href: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

function LanguageSwitcher({ c }: { c: Context<AppEnv> }) {
  const { t, locale } = c.get("t");
  const url = new URL(c.req.url);
  return (
    <nav class="language-switcher" aria-label={t("common.language")}>
      <ul>
        {supportedLocales.map((candidate) => {
          url.searchParams.set("lang", candidate);
          return (
            <li>
              <a
                href={`${url.pathname}${url.search}`}
                hreflang={candidate}
                lang={candidate}
                aria-current={candidate === locale ? "true" : undefined}
              >
                {localeNames[candidate]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

async function Banners({ c, extensions }: { c: Context<AppEnv>; extensions: WebExtensions }) {
  const banners = await Promise.all(extensions.banners.map((provide) => provide(c)));
  const shown = banners.filter((banner) => banner !== null && banner !== undefined && banner !== false);
  if (shown.length === 0) return null;
  return (
    <section class="banners" aria-label={c.get("t").t("layout.notices")}>
      {shown}
    </section>
  );
}

/** The hidden CSRF field every form that posts must contain. */
export function CsrfField() {
  const c = useRequestContext<AppEnv>();
  return <input type="hidden" name={csrfFieldName} value={c.get("csrfToken")()} />;
}
