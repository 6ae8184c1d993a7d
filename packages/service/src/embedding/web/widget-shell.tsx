/**
 * The widget's shell page, `/embed/widget/<integrationId>` (issue 23): what the host's iframe
 * shows after the entry route's redirect. It needs no sign-in and holds nothing of the user: its
 * script (src/web/page-scripts.ts) reads the embed token from the address's fragment and fetches
 * the panel with it. Its own lines (loading, scripts off, token run out) are in the browser's
 * language; the panel then speaks the host's or the agent's.
 */
import type { Translator } from "../../i18n/index.js";
import { faviconPath } from "../../web/favicon.js";
import { embedWidgetScriptPath } from "../../web/page-scripts.js";
import { stylesheetPath } from "../../web/stylesheet.js";
import { embedPanelPath, embedStreamPath } from "./embed-paths.js";

export function WidgetShell(props: { t: Translator }) {
  const { t, locale } = props.t;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t("embed.shell.title")} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href={stylesheetPath} />
        <link rel="icon" type="image/svg+xml" href={faviconPath} />
        <script src={embedWidgetScriptPath} defer />
      </head>
      <body>
        <main id="main" class="embed-main">
          <p
            id="embed-status"
            role="status"
            aria-live="polite"
            data-no-token={t("embed.shell.noToken")}
            data-expired={t("embed.shell.expired")}
            data-failed={t("embed.shell.failed")}
          >
            {t("embed.shell.loading")}
          </p>
          <noscript>
            <p>{t("embed.shell.noscript")}</p>
          </noscript>
          <div id="embed-panel" data-panel={embedPanelPath} data-stream={embedStreamPath} />
        </main>
      </body>
    </html>
  );
}
