/**
 * Admins word the helpdesk's notes and the invitation's reply per event and language:
 *
 *   GET  /settings/helpdesk/templates/:event/:locale         the editor with a preview
 *   POST /settings/helpdesk/templates/:event/:locale         action=preview (stores nothing) or action=save
 *   POST /settings/helpdesk/templates/:event/:locale/reset   back to the built-in wording
 *
 * A refused template is shown again as the admin typed it, with what to fix.
 */

import { type Context, Hono } from "hono";
import type { AppDeps } from "../http/app-deps.js";
import { isSupportedLocale, type Locale } from "../i18n/index.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import { renderNotFound } from "../web/error-pages.js";
import { SuccessNotice } from "../web/forms.js";
import type { HelpdeskDeps } from "./helpdesk-connection-settings.js";
import { type HelpdeskEventType, helpdeskEventTypes } from "./helpdesk-write-history.js";
import {
  HelpdeskTemplateEditor,
  helpdeskTemplatePath,
  helpdeskTemplatesPath,
  helpdeskTemplateTitle,
} from "./pages/helpdesk-template-page.js";
import { findHelpdeskTemplateProblems, type HelpdeskTemplate } from "./templates/helpdesk-template.js";
import {
  resetOrganisationHelpdeskTemplate,
  resolveHelpdeskTemplate,
  saveOrganisationHelpdeskTemplate,
} from "./templates/helpdesk-templates.js";
import { previewHelpdeskTemplate } from "./templates/preview-helpdesk-template.js";

type PageContext = Context<SignedInEnv>;

export function createHelpdeskTemplateRoutes(
  deps: HelpdeskDeps & Pick<AppDeps, "config">,
): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  const admin = requireRole("admin");
  const path = `${helpdeskTemplatesPath}/:event/:locale`;

  /** The event and language of the path, or undefined for ones we do not write. */
  function keyOf(c: PageContext): { event: HelpdeskEventType; locale: Locale } | undefined {
    const event = c.req.param("event") ?? "";
    const locale = c.req.param("locale") ?? "";
    if (!(helpdeskEventTypes as readonly string[]).includes(event) || !isSupportedLocale(locale))
      return undefined;
    return { event: event as HelpdeskEventType, locale };
  }

  routes.get(path, admin, async (c) => {
    const key = keyOf(c);
    if (key === undefined) return renderNotFound(c);
    const resolved = await resolveHelpdeskTemplate(deps, c.get("user").organisationId, key.event, key.locale);
    return renderEditor(c, key, resolved, { isCustom: resolved.isCustom, withPreview: true });
  });

  routes.post(path, admin, async (c) => {
    const key = keyOf(c);
    if (key === undefined) return renderNotFound(c);
    const body = await c.req.parseBody();
    const template = {
      subject: typeof body.subject === "string" ? body.subject.trim() : "",
      body: typeof body.body === "string" ? body.body.replace(/\r\n?/g, "\n").trim() : "",
    };
    const { isCustom } = await resolveHelpdeskTemplate(
      deps,
      c.get("user").organisationId,
      key.event,
      key.locale,
    );
    if (body.action !== "save") {
      if (Object.keys(findHelpdeskTemplateProblems(key.event, template)).length > 0) c.status(422);
      return renderEditor(c, key, template, { isCustom, withPreview: true });
    }
    const result = await saveOrganisationHelpdeskTemplate(deps, { actor: webActorOf(c), ...key, template });
    if (result.kind === "invalid") {
      c.status(422);
      return renderEditor(c, key, template, { isCustom, withPreview: false });
    }
    return c.redirect(`${helpdeskTemplatePath(key.event, key.locale)}?notice=saved`, 303);
  });

  routes.post(`${path}/reset`, admin, async (c) => {
    const key = keyOf(c);
    if (key === undefined) return renderNotFound(c);
    await resetOrganisationHelpdeskTemplate(deps, { actor: webActorOf(c), ...key });
    return c.redirect(`${helpdeskTemplatePath(key.event, key.locale)}?notice=reset`, 303);
  });

  /** The editor; the preview is shown only for a template without problems. */
  function renderEditor(
    c: PageContext,
    key: { event: HelpdeskEventType; locale: Locale },
    template: HelpdeskTemplate,
    options: { isCustom: boolean; withPreview: boolean },
  ) {
    const t = c.get("t");
    const problems = findHelpdeskTemplateProblems(key.event, template);
    const canPreview = options.withPreview && Object.keys(problems).length === 0;
    const notice = c.req.query("notice");
    return c.render(
      <>
        <SuccessNotice
          message={
            notice === "saved"
              ? t.t("helpdesk.templates.saved")
              : notice === "reset"
                ? t.t("helpdesk.templates.resetDone")
                : undefined
          }
        />
        <HelpdeskTemplateEditor
          t={t}
          view={{
            ...key,
            template,
            isCustom: options.isCustom,
            problems,
            preview: canPreview
              ? previewHelpdeskTemplate({
                  ...key,
                  template,
                  supporterName: c.get("user").displayName || c.get("user").email,
                  publicUrl: deps.config.publicUrl,
                  now: deps.clock.now(),
                })
              : undefined,
          }}
        />
      </>,
      { title: helpdeskTemplateTitle(t.t, key.event, key.locale) },
    );
  }

  return routes;
}
