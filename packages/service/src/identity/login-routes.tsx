/**
 * /login (form and submit), /logout and the one-time link /login/link?token=…[&next=/path].
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { recordAuditEvent } from "../audit/audit-events.js";
import type { AppEnv } from "../http/app-deps.js";
import { type FieldErrors, FormError, type FormValues, readForm } from "../web/forms.js";
import { CsrfField } from "../web/layout.js";
import { EmailField, PasswordField } from "./account-fields.js";
import { safeReturnPath, signInBrowser, signOutBrowser } from "./browser-session.js";
import { clientAddressOf } from "./client-address.js";
import { isSetupOpen } from "./first-admin.js";
import { emailSchema } from "./form-schemas.js";
import { dbDeps, type IdentityDeps } from "./identity-deps.js";
import { oneTimeLoginPath, redeemOneTimeLogin } from "./one-time-login.js";
import { ensureDefaultOrganisation } from "./organisation.js";
import { type SignInResult, signIn } from "./sign-in.js";

const loginSchema = z.object({
  email: emailSchema,
  // Any length: a login form must not tell which password rules exist.
  password: z.string().min(1, { error: "common.required" }).max(1024, { error: "forms.tooLong" }),
  next: z.string().optional(),
});

type RefusedSignIn = Exclude<SignInResult["outcome"], "signed-in">;

const refusedSignInStatus = {
  invalid: 401,
  throttled: 429,
  "organisation-disabled": 403,
} as const satisfies Record<RefusedSignIn, number>;

const refusedSignInMessage = {
  invalid: "login.invalid",
  throttled: "login.throttled",
  "organisation-disabled": "login.organisationDisabled",
} as const satisfies Record<RefusedSignIn, string>;

export function createLoginRoutes(deps: IdentityDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const sessionDeps = { ...dbDeps(deps), cookiePolicy: deps.cookiePolicy };
  const publicOrigin = new URL(deps.config.publicUrl).origin;

  routes.get("/login", async (c) => {
    const next = c.req.query("next");
    if (c.get("user") !== undefined) return c.redirect(safeReturnPath(next, publicOrigin), 303);
    if (await isSetupOpen(deps.database.db)) return c.redirect("/setup", 303);
    return renderLogin(c, { values: next === undefined ? {} : { next } });
  });

  routes.post("/login", async (c) => {
    const t = c.get("t");
    const form = await readForm(c, loginSchema);
    if (!form.isValid) {
      c.status(422);
      return renderLogin(c, form);
    }
    const organisation = await ensureDefaultOrganisation(deps.database.db);
    const result = await signIn(dbDeps(deps), {
      unknownAddressOrganisationId: organisation.id,
      email: form.data.email,
      password: form.data.password,
      ip: clientAddressOf(c),
      userAgent: c.req.header("user-agent") ?? null,
    });
    if (result.outcome !== "signed-in") {
      c.status(refusedSignInStatus[result.outcome]);
      const message = t.t(refusedSignInMessage[result.outcome]);
      return renderLogin(c, { values: form.values, message });
    }
    await signInBrowser(c, sessionDeps, result.user.id);
    return c.redirect(safeReturnPath(form.data.next, publicOrigin), 303);
  });

  routes.post("/logout", async (c) => {
    const user = c.get("user");
    if (user !== undefined) {
      await recordAuditEvent(dbDeps(deps), {
        organisationId: user.organisationId,
        actor: { userId: user.id, label: user.email },
        action: "logout",
        ip: clientAddressOf(c),
        userAgent: c.req.header("user-agent") ?? null,
      });
    }
    await signOutBrowser(c, sessionDeps);
    return c.redirect("/login", 303);
  });

  routes.get(oneTimeLoginPath, async (c) => {
    const t = c.get("t");
    const token = c.req.query("token");
    const redeemed = token === undefined ? undefined : await redeemOneTimeLogin(dbDeps(deps), token);
    if (redeemed === undefined) {
      c.status(410);
      return c.render(
        <p>
          {t.t("login.linkInvalid")} <a href="/login">{t.t("login.title")}</a>
        </p>,
        { title: t.t("login.linkInvalidTitle") },
      );
    }
    const { userId, organisationId, isOrganisationDisabled } = redeemed;
    await recordAuditEvent(dbDeps(deps), {
      organisationId,
      actor: isOrganisationDisabled ? { label: "anonymous" } : { userId, label: "one-time link" },
      action: isOrganisationDisabled ? "login.failed" : "login.succeeded",
      target: { type: "user", id: userId },
      ip: clientAddressOf(c),
      userAgent: c.req.header("user-agent") ?? null,
      details: isOrganisationDisabled
        ? { method: "one_time_link", reason: "organisation_disabled" }
        : { method: "one_time_link" },
    });
    if (isOrganisationDisabled) {
      c.status(403);
      return c.render(<p>{t.t("login.organisationDisabled")}</p>, { title: t.t("login.title") });
    }
    await signInBrowser(c, sessionDeps, userId);
    // Redirecting also takes the spent token out of the address bar and history.
    return c.redirect(safeReturnPath(c.req.query("next"), publicOrigin), 303);
  });

  return routes;
}

function renderLogin(
  c: Context<AppEnv>,
  form: { values: FormValues; errors?: FieldErrors; message?: string },
) {
  const t = c.get("t");
  return c.render(
    <form method="post" action="/login" class="panel narrow" novalidate>
      <CsrfField />
      <FormError message={form.message} />
      {form.values.next !== undefined && <input type="hidden" name="next" value={form.values.next} />}
      <EmailField t={t} form={form} />
      <PasswordField t={t} form={form} name="password" label={t.t("fields.password")} isNew={false} />
      <button type="submit">{t.t("login.submit")}</button>
    </form>,
    { title: t.t("login.title") },
  );
}
