/**
 * /setup: the first admin's account, available only while the organisation has no user.
 * Afterwards it answers 404, as if it never existed.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/app-deps.js";
import { renderNotFound } from "../web/error-pages.js";
import { type FieldErrors, type FormValues, readForm } from "../web/forms.js";
import { CsrfField } from "../web/layout.js";
import { DisplayNameField, EmailField, PasswordField } from "./account-fields.js";
import { signInBrowser } from "./browser-session.js";
import { clientAddressOf } from "./client-address.js";
import { createFirstAdmin, isSetupOpen } from "./first-admin.js";
import { displayNameSchema, emailSchema } from "./form-schemas.js";
import { dbDeps, type IdentityDeps } from "./identity-deps.js";
import { ensureDefaultOrganisation } from "./organisation.js";
import { newPasswordSchema } from "./password-rules.js";

const setupSchema = z
  .object({
    displayName: displayNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    passwordConfirmation: z.string(),
  })
  .refine((form) => form.password === form.passwordConfirmation, {
    path: ["passwordConfirmation"],
    error: "forms.passwordsDiffer",
  });

export function createSetupRoutes(deps: IdentityDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get("/setup", async (c) => {
    if (!(await isSetupOpen(deps.database.db))) return renderNotFound(c);
    return renderSetup(c, { values: {} });
  });

  routes.post("/setup", async (c) => {
    if (!(await isSetupOpen(deps.database.db))) return renderNotFound(c);
    const form = await readForm(c, setupSchema);
    if (!form.isValid) {
      c.status(422);
      return renderSetup(c, form);
    }
    const organisation = await ensureDefaultOrganisation(deps.database.db);
    const admin = await createFirstAdmin(dbDeps(deps), {
      organisationId: organisation.id,
      displayName: form.data.displayName,
      email: form.data.email,
      password: form.data.password,
      ip: clientAddressOf(c),
      userAgent: c.req.header("user-agent") ?? null,
    });
    if (admin === undefined) return renderNotFound(c);
    await signInBrowser(c, { ...dbDeps(deps), cookiePolicy: deps.cookiePolicy }, admin.id);
    return c.redirect("/", 303);
  });

  return routes;
}

function renderSetup(c: Context<AppEnv>, form: { values: FormValues; errors?: FieldErrors }) {
  const t = c.get("t");
  return c.render(
    <>
      <p>{t.t("setup.intro")}</p>
      <form method="post" action="/setup" class="panel narrow" novalidate>
        <CsrfField />
        <DisplayNameField t={t} form={form} />
        <EmailField t={t} form={form} />
        <PasswordField t={t} form={form} name="password" label={t.t("fields.password")} isNew />
        <PasswordField
          t={t}
          form={form}
          name="passwordConfirmation"
          label={t.t("fields.passwordConfirmation")}
          isNew
        />
        <button type="submit">{t.t("setup.submit")}</button>
      </form>
    </>,
    { title: t.t("setup.title") },
  );
}
