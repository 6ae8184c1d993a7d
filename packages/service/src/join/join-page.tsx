/**
 * The end customer's page: a document of its own, not the supporters' shell, so nothing about
 * the person viewing it (or their colleagues) can appear — no navigation, no signed-in name.
 * One big Join link to TeamViewer's end-customer link, and a status line that a small script
 * (src/web/page-scripts.ts) keeps current; without scripts the status shows as of the last load.
 */
import type { Child } from "hono/jsx";
import { BrandContact } from "../brand/brand-contact.js";
import { BrandMark } from "../brand/brand-mark.js";
import { type Locale, localeNames, supportedLocales, type Translator } from "../i18n/index.js";
import { faviconPath } from "../web/favicon.js";
import { joinStatusScriptPath, localTimeScriptPath } from "../web/page-scripts.js";
import { stylesheetPath } from "../web/stylesheet.js";
import type { JoinPageView } from "./open-join-page.js";
import { formatValidUntil, validUntilLocale } from "./valid-until.js";

export function JoinDocument(props: { t: Translator; view: JoinPageView; selfPath: string }) {
  const { t, locale } = props.t;
  const content = contentFor(props.t, props.view, props.selfPath);
  const brand = props.view.kind === "unknown" ? undefined : props.view.brand;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{content.title}</title>
        <link rel="stylesheet" href={stylesheetPath} />
        {brand?.accentStylesheetPath !== undefined && (
          <link rel="stylesheet" href={brand.accentStylesheetPath} />
        )}
        <link rel="icon" type="image/svg+xml" href={faviconPath} />
        {props.view.kind === "open" && <script src={joinStatusScriptPath} defer />}
        {props.view.kind === "open" && <script src={localTimeScriptPath} defer />}
      </head>
      <body class="join">
        <header class="join-header">
          <BrandMark brand={brand} fallback={t("join.brand")} />
          <JoinLanguageSwitcher t={props.t} selfPath={props.selfPath} current={locale} />
        </header>
        <main id="main" class="join-main">
          <h1>{content.title}</h1>
          {content.body}
        </main>
        {brand !== undefined && <BrandContact t={props.t} brand={brand} />}
      </body>
    </html>
  );
}

function JoinLanguageSwitcher(props: { t: Translator; selfPath: string; current: Locale }) {
  return (
    <nav class="language-switcher" aria-label={props.t.t("common.language")}>
      <ul>
        {supportedLocales.map((candidate) => (
          <li>
            <a
              href={`${props.selfPath}?lang=${candidate}`}
              hreflang={candidate}
              lang={candidate}
              aria-current={candidate === props.current ? "true" : undefined}
            >
              {localeNames[candidate]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function contentFor(
  translator: Translator,
  view: JoinPageView,
  selfPath: string,
): { title: string; body: Child } {
  const { t } = translator;
  switch (view.kind) {
    case "unknown":
      return { title: t("join.unknown.title"), body: <p>{t("join.unknown.text")}</p> };
    case "expired":
      return {
        title: t("join.expired.title"),
        body: <p>{t("join.expired.text", { organisationName: view.organisationName })}</p>,
      };
    case "withdrawn":
      return { title: t("join.withdrawn.title"), body: <p>{t("join.withdrawn.text")}</p> };
    case "closed":
      return {
        title: t("join.closed.title"),
        body: <p>{t("join.closed.text", { organisationName: view.organisationName })}</p>,
      };
    case "open":
      return {
        title: t("join.open.title"),
        body: <OpenInvitation t={translator} view={view} statusPath={`${selfPath}/status`} />,
      };
  }
}

function OpenInvitation(props: {
  t: Translator;
  view: Extract<JoinPageView, { kind: "open" }>;
  statusPath: string;
}) {
  const { t } = props.t;
  const { view } = props;
  const names = { supporterName: view.supporterName, organisationName: view.organisationName };
  return (
    <>
      <p class="join-lead" id="who">
        {view.supporterName === "" ? t("join.open.whoTeam", names) : t("join.open.who", names)}
      </p>
      <p
        class="join-status"
        id="join-status"
        role="status"
        data-join-status={props.statusPath}
        data-status={view.status}
      >
        {t(`join.status.${view.status}`)}
      </p>
      <p class="join-action">
        {/* rel=noreferrer: the join address is a credential; TeamViewer need not see it. */}
        <a class="button join-button" href={view.endCustomerLink} rel="noreferrer">
          {t("join.open.join")}
        </a>
      </p>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t("join.open.stepsTitle")}</h2>
        <ol class="join-steps">
          <li>{t("join.open.step1")}</li>
          <li>{t("join.open.step2")}</li>
          <li>{t("join.open.step3")}</li>
        </ol>
      </section>
      <section aria-labelledby="quicksupport-title">
        <h2 id="quicksupport-title">{t("join.open.quickSupportTitle")}</h2>
        <p>{t("join.open.quickSupportText")}</p>
      </section>
      <p class="join-valid" id="valid-until">
        <ValidUntil t={props.t} validUntil={view.validUntil} timeZone={view.brand.timeZone} />
      </p>
    </>
  );
}

/**
 * "Valid until" in the organisation's zone, named, in the invitation's language; the page's
 * local-time script rewrites the `<time>` in the customer's own zone when scripts run.
 */
function ValidUntil(props: { t: Translator; validUntil: Date; timeZone: string }) {
  const { t, locale } = props.t;
  const marker = "\u0000";
  const [before = "", after = ""] = t("join.open.validUntil", { validUntil: marker }).split(marker);
  return (
    <>
      {before}
      <time datetime={props.validUntil.toISOString()} data-local-time data-locale={validUntilLocale(locale)}>
        {formatValidUntil(props.validUntil, locale, props.timeZone)}
      </time>
      {after}
    </>
  );
}
