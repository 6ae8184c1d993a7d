/**
 * Admins edit what customers see of their organisation (issue 25, "Brand per organisation"):
 *
 *   GET  /settings/brand   the form, filled with the saved brand
 *   POST /settings/brand   multipart: the settings and, optionally, a new logo
 */
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-deps.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole } from "../identity/require-user.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import type { WebExtensions } from "../web/web-extensions.js";
import { type BrandPageView, BrandSettingsPage, brandSettingsPath } from "./brand-page.js";
import { type BrandForm, brandFields } from "./brand-settings.js";
import { type Brand, type LogoUpload, loadBrand, saveBrand } from "./organisation-brand.js";

type BrandRouteDeps = Pick<AppDeps, "database" | "clock"> & { web: WebExtensions };

export function createBrandRoutes(deps: BrandRouteDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: brandSettingsPath, label: "nav.brand", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();

  routes.get(brandSettingsPath, requireRole("admin"), async (c) => {
    const brand = await loadOwnBrand(c);
    return renderPage(c, {
      organisationName: brand.organisationName,
      values: formOf(brand),
      problems: {},
      logoPath: brand.logoPath,
      isSaved: c.req.query("notice") === "saved",
    });
  });

  routes.post(brandSettingsPath, requireRole("admin"), async (c) => {
    const body = await c.req.parseBody();
    const form: BrandForm = {};
    for (const field of brandFields) {
      const value = body[field];
      if (typeof value === "string") form[field] = value;
    }
    const file = body.logo;
    const logo: LogoUpload =
      body.removeLogo === "on"
        ? { kind: "remove" }
        : file instanceof File && file.size > 0
          ? { kind: "replace", bytes: new Uint8Array(await file.arrayBuffer()) }
          : { kind: "keep" };
    const result = await saveBrand(deps, { actor: webActorOf(c), form, logo });
    if (result.kind === "saved") return c.redirect(`${brandSettingsPath}?notice=saved`, 303);
    const brand = await loadOwnBrand(c);
    c.status(422);
    return renderPage(c, {
      organisationName: brand.organisationName,
      values: form,
      problems: result.problems,
      logoPath: brand.logoPath,
      isSaved: false,
    });
  });

  async function loadOwnBrand(c: Context<SignedInEnv>): Promise<Brand> {
    const { organisationId } = c.get("user");
    const brand = await loadBrand(deps.database.db, organisationId);
    if (brand === undefined) throw new Error(`organisation ${organisationId} of a signed-in user is missing`);
    return brand;
  }

  function renderPage(c: Context<SignedInEnv>, view: BrandPageView) {
    const t = c.get("t");
    return c.render(<BrandSettingsPage t={t} view={view} />, { title: t.t("brand.title") });
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}

function formOf(brand: Brand): BrandForm {
  return {
    displayName: brand.displayName ?? "",
    accentColour: brand.accentColour ?? "",
    supportPhone: brand.supportPhone ?? "",
    supportEmail: brand.supportEmail ?? "",
    supportUrl: brand.supportUrl ?? "",
    legalUrl: brand.legalUrl ?? "",
    supporterNameMode: brand.supporterNameMode,
    defaultLocale: brand.defaultLocale,
    timeZone: brand.timeZone,
  };
}
