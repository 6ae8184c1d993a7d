/**
 * Admins edit the invitation e-mail per language:
 *
 *   GET  /settings/invitations              which languages use their own wording
 *   GET  /settings/invitations/:locale      the editor with a preview
 *   POST /settings/invitations/:locale      action=preview (stores nothing) or action=save
 *   POST /settings/invitations/:locale/reset   back to the built-in wording
 */
import { type Context, Hono } from "hono";
import { loadBrand, supporterNameForCustomers } from "../brand/organisation-brand.js";
import { findInvitationTemplate } from "../db/repositories/invitation-templates.js";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import {
  createTranslator,
  isSupportedLocale,
  type Locale,
  localeNames,
  supportedLocales,
} from "../i18n/index.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { joinPathPrefix } from "../join/join-links.js";
import { formatValidUntil } from "../join/valid-until.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import { renderNotFound } from "../web/error-pages.js";
import type { WebExtensions } from "../web/web-extensions.js";
import { composeInvitation, greetingFor } from "./compose-invitation.js";
import {
  findTemplateProblems,
  type InvitationTemplate,
  type InvitationValues,
  renderTemplateHtml,
} from "./invitation-template.js";
import {
  resetOrganisationTemplate,
  resolveInvitationTemplate,
  saveOrganisationTemplate,
} from "./invitation-templates.js";
import { TemplateEditor, TemplatesOverview, templatesPath } from "./template-page.js";

type TemplateRouteDeps = Pick<AppDeps, "database" | "clock" | "config"> & { web: WebExtensions };

export function createTemplateRoutes(deps: TemplateRouteDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: templatesPath, label: "nav.invitationTemplates", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();

  routes.get(templatesPath, requireRole("admin"), async (c) => {
    const t = c.get("t");
    const { organisationId } = c.get("user");
    const stored = await Promise.all(
      supportedLocales.map(async (locale) =>
        (await findInvitationTemplate(deps.database.db, organisationId, locale)) === undefined
          ? []
          : [locale],
      ),
    );
    const notice = {
      saved: "invitations.templates.saved",
      reset: "invitations.templates.resetDone",
    } as const;
    const noticeName = c.req.query("notice");
    return c.render(
      <TemplatesOverview
        t={t}
        customLocales={new Set(stored.flat())}
        {...(noticeName === "saved" || noticeName === "reset" ? { notice: t.t(notice[noticeName]) } : {})}
      />,
      { title: t.t("invitations.templates.title") },
    );
  });

  routes.get(`${templatesPath}/:locale`, requireRole("admin"), async (c) => {
    const locale = c.req.param("locale");
    if (!isSupportedLocale(locale)) return renderNotFound(c);
    const resolved = await resolveInvitationTemplate(deps, c.get("user").organisationId, locale);
    return renderEditor(c, locale, resolved, { isCustom: resolved.isCustom, withPreview: true });
  });

  routes.post(`${templatesPath}/:locale`, requireRole("admin"), async (c) => {
    const locale = c.req.param("locale");
    if (!isSupportedLocale(locale)) return renderNotFound(c);
    const body = await c.req.parseBody();
    const template = {
      subject: typeof body.subject === "string" ? body.subject.trim() : "",
      body: typeof body.body === "string" ? body.body.replace(/\r\n?/g, "\n").trim() : "",
    };
    const stored = await findInvitationTemplate(deps.database.db, c.get("user").organisationId, locale);
    const isCustom = stored !== undefined;
    if (body.action !== "save") {
      if (Object.keys(findTemplateProblems(template)).length > 0) c.status(422);
      return renderEditor(c, locale, template, { isCustom, withPreview: true });
    }
    const result = await saveOrganisationTemplate(deps, { actor: webActorOf(c), locale, template });
    if (result.kind === "invalid") {
      c.status(422);
      return renderEditor(c, locale, template, { isCustom, withPreview: false });
    }
    return c.redirect(`${templatesPath}?notice=saved`, 303);
  });

  routes.post(`${templatesPath}/:locale/reset`, requireRole("admin"), async (c) => {
    const locale = c.req.param("locale");
    if (!isSupportedLocale(locale)) return renderNotFound(c);
    await resetOrganisationTemplate(deps, { actor: webActorOf(c), locale });
    return c.redirect(`${templatesPath}?notice=reset`, 303);
  });

  /** The editor; the preview is shown only for a template without problems. */
  async function renderEditor(
    c: Context<SignedInEnv>,
    locale: Locale,
    template: InvitationTemplate,
    options: { isCustom: boolean; withPreview: boolean },
  ) {
    const t = c.get("t");
    const problems = findTemplateProblems(template);
    const canPreview = options.withPreview && Object.keys(problems).length === 0;
    const values = canPreview ? await sampleValues(c, locale) : undefined;
    return c.render(
      <TemplateEditor
        t={t}
        view={{
          locale,
          template,
          isCustom: options.isCustom,
          problems,
          preview: values === undefined ? undefined : composeInvitation(template, values, locale),
          previewBodyHtml: values === undefined ? undefined : renderTemplateHtml(template.body, values),
        }}
      />,
      { title: t.t("invitations.templates.editTitle", { language: localeNames[locale] }) },
    );
  }

  async function sampleValues(c: Context<SignedInEnv>, locale: Locale): Promise<InvitationValues> {
    const { t } = createTranslator(locale);
    const user = c.get("user");
    const brand = await loadBrand(deps.database.db, user.organisationId);
    const supporterName = supporterNameForCustomers(user.displayName, brand?.supporterNameMode ?? "full");
    return {
      greeting: greetingFor(locale, t("invitations.templates.sampleCustomer")),
      customerName: t("invitations.templates.sampleCustomer"),
      supporterName: supporterName || t("invitations.templates.sampleSupporter"),
      organisationName: brand?.name ?? "",
      joinUrl: `${deps.config.publicUrl}${joinPathPrefix}EXAMPLE-EXAMPLE-EXAMPLE`,
      validUntil: formatValidUntil(
        new Date(deps.clock.now().getTime() + 24 * 3600 * 1000),
        locale,
        brand?.timeZone ?? user.timeZone,
      ),
    };
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}
