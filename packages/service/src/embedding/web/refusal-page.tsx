/**
 * The page a helpdesk's sidebar shows when the widget could not be opened: a document of its
 * own sized for a narrow iframe, saying what went wrong and who can fix it. It names nothing the
 * assertion claimed (no agent, no ticket): an unverified claim is never echoed.
 */
import type { Translator } from "../../i18n/index.js";
import { stylesheetPath } from "../../web/stylesheet.js";
import type { EmbedRefusalReason } from "../embed-refusal.js";

export function RefusalDocument(props: { t: Translator; reason: EmbedRefusalReason }) {
  const { t, locale } = props.t;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t(`embed.refused.${props.reason}.title`)}</title>
        <link rel="stylesheet" href={stylesheetPath} />
      </head>
      <body class="embed">
        <main id="main" class="embed-refusal" data-refusal={props.reason}>
          <h1>{t(`embed.refused.${props.reason}.title`)}</h1>
          <p>{t(`embed.refused.${props.reason}.text`)}</p>
          <p class="muted">{t("embed.brand")}</p>
        </main>
      </body>
    </html>
  );
}
