/**
 * What Zendesk's first post to `/embed/zendesk/:integrationId` gets (docs/adr/0044): a page that
 * reads the ticket through the ZAF SDK and posts it, with Zendesk's token, back to the same
 * address (the query Zendesk added, which the SDK needs, stays on it). The SDK is Zendesk's own
 * script, from the one address Zendesk documents; only this response lets it run.
 */
import type { Translator } from "../../i18n/index.js";
import { zendeskBridgeScriptPath } from "../../web/page-scripts.js";
import { stylesheetPath } from "../../web/stylesheet.js";

export const zafSdkUrl = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";

export function ZendeskBridgeDocument(props: { t: Translator; token: string }) {
  const { t, locale } = props.t;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t("embed.shell.title")}</title>
        <link rel="stylesheet" href={stylesheetPath} />
        <script src={zafSdkUrl} defer />
        <script src={zendeskBridgeScriptPath} defer />
      </head>
      <body class="embed">
        <main id="main" class="embed-main">
          <p id="embed-status" role="status" aria-live="polite" data-failed={t("embed.shell.failed")}>
            {t("embed.shell.loading")}
          </p>
          <noscript>
            <p>{t("embed.shell.noscript")}</p>
          </noscript>
          <form id="zendesk-bridge" method="post" hidden>
            <input type="hidden" name="token" value={props.token} />
            <input type="hidden" name="ticket_id" value="" />
            <input type="hidden" name="ticket_title" value="" />
            <input type="hidden" name="requester_name" value="" />
            <input type="hidden" name="requester_email" value="" />
          </form>
        </main>
      </body>
    </html>
  );
}
