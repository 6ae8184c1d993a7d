/**
 * /profile: the signed-in user's name, language (overriding the browser's) and time zone
 * (overriding the organisation's), and their password.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Db } from "../db/open-database.js";
import { isTimeZone, localeNames, supportedLocales } from "../i18n/index.js";
import { type FieldErrors, type FormValues, readForm, SelectField, SuccessNotice } from "../web/forms.js";
import { CsrfField } from "../web/layout.js";
import { TimeZoneField } from "../web/time-zone-field.js";
import { DisplayNameField, PasswordField } from "./account-fields.js";
import { signInBrowser } from "./browser-session.js";
import { clientAddressOf } from "./client-address.js";
import type { SignedInEnv } from "./current-session.js";
import { displayNameSchema } from "./form-schemas.js";
import { dbDeps, type IdentityDeps } from "./identity-deps.js";
import {
  changeOwnPassword,
  hasOwnPassword,
  ownOrganisationTimeZone,
  updateOwnProfile,
} from "./own-profile.js";
import { newPasswordSchema } from "./password-rules.js";
import { requireUser } from "./require-user.js";
import { removeCookie } from "./session-cookie.js";
import { languageCookie } from "./web-context.js";

/** "browser" stores no override: the page follows Accept-Language. */
const followBrowser = "browser";

const profileSchema = z.object({
  displayName: displayNameSchema,
  locale: z.enum([followBrowser, ...supportedLocales], { error: "forms.invalid" }),
  // "" follows the organisation's zone; anything else must be a zone we know. A form without the
  // field (an older page still open) leaves the saved zone as it is.
  timeZone: z
    .string()
    .trim()
    .refine((value) => value === "" || isTimeZone(value), { error: "timeZone.error.unknown" })
    .transform((value) => (value === "" ? null : value))
    .optional(),
});
const passwordSchema = z
  .object({
    // Absent for a user who has no password yet (changeOwnPassword decides).
    currentPassword: z
      .string()
      .optional()
      .transform((value) => (value === "" ? undefined : value)),
    newPassword: newPasswordSchema,
    newPasswordConfirmation: z.string(),
  })
  .refine((form) => form.newPassword === form.newPasswordConfirmation, {
    path: ["newPasswordConfirmation"],
    error: "forms.passwordsDiffer",
  });

type Form = { values: FormValues; errors?: FieldErrors };
type ProfileContext = Context<SignedInEnv>;

export function createProfileRoutes(deps: IdentityDeps): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  const requesterOf = (c: ProfileContext) => ({
    user: c.get("user"),
    ip: clientAddressOf(c),
    userAgent: c.req.header("user-agent") ?? null,
  });

  routes.get("/profile", requireUser, (c) =>
    renderProfile(c, dbDeps(deps), { notice: c.req.query("saved") }),
  );

  routes.post("/profile", requireUser, async (c) => {
    const form = await readForm(c, profileSchema);
    if (!form.isValid) {
      c.status(422);
      return renderProfile(c, dbDeps(deps), { profileForm: form });
    }
    const locale = form.data.locale === followBrowser ? null : form.data.locale;
    await updateOwnProfile(dbDeps(deps), requesterOf(c), {
      displayName: form.data.displayName,
      locale,
      ...(form.data.timeZone === undefined ? {} : { timeZone: form.data.timeZone }),
    });
    // The language cookie outranks the saved choice; drop it so the new choice shows at once.
    removeCookie(c, deps.cookiePolicy, languageCookie);
    return c.redirect("/profile?saved=profile", 303);
  });

  routes.post("/profile/password", requireUser, async (c) => {
    const form = await readForm(c, passwordSchema);
    if (!form.isValid) {
      c.status(422);
      return renderProfile(c, dbDeps(deps), { passwordForm: form });
    }
    const isChanged = await changeOwnPassword(dbDeps(deps), requesterOf(c), {
      current: form.data.currentPassword,
      next: form.data.newPassword,
    });
    if (!isChanged) {
      c.status(422);
      const error = form.data.currentPassword === undefined ? "common.required" : "profile.wrongPassword";
      return renderProfile(c, dbDeps(deps), {
        passwordForm: { values: {}, errors: { currentPassword: error } },
      });
    }
    await signInBrowser(c, { ...dbDeps(deps), cookiePolicy: deps.cookiePolicy }, c.get("user").id);
    return c.redirect("/profile?saved=password", 303);
  });

  return routes;
}

async function renderProfile(
  c: ProfileContext,
  deps: { db: Db },
  state: { profileForm?: Form; passwordForm?: Form; notice?: string | undefined },
) {
  const t = c.get("t");
  const user = c.get("user");
  const hasPassword = await hasOwnPassword(deps, user.id);
  const organisationTimeZone = await ownOrganisationTimeZone(deps, user.organisationId);
  const profile = state.profileForm ?? {
    values: {
      displayName: user.displayName,
      locale: user.locale ?? followBrowser,
      timeZone: user.ownTimeZone ?? "",
    },
  };
  const password = state.passwordForm ?? { values: {} };
  const localeOptions = [
    { value: followBrowser, label: t.t("profile.followBrowser") },
    ...supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] })),
  ];
  return c.render(
    <>
      <SuccessNotice
        message={
          state.notice === "profile"
            ? t.t("profile.saved")
            : state.notice === "password"
              ? t.t("profile.passwordChanged")
              : undefined
        }
      />
      <form method="post" action="/profile" class="panel narrow" novalidate>
        <h2>{t.t("profile.detailsTitle")}</h2>
        <CsrfField />
        <p class="muted">{user.email}</p>
        <DisplayNameField t={t} form={profile} />
        <SelectField
          t={t}
          name="locale"
          label={t.t("common.language")}
          options={localeOptions}
          value={profile.values.locale}
          error={profile.errors?.locale}
        />
        <TimeZoneField
          t={t}
          name="timeZone"
          value={profile.values.timeZone}
          error={profile.errors?.timeZone}
          hint={t.t("timeZone.profileHint")}
          emptyChoice={t.t("timeZone.followOrganisation", { timeZone: organisationTimeZone })}
        />
        <button type="submit">{t.t("common.save")}</button>
      </form>
      <form method="post" action="/profile/password" class="panel narrow" novalidate>
        <h2>{t.t(hasPassword ? "profile.passwordTitle" : "profile.setPasswordTitle")}</h2>
        <CsrfField />
        {hasPassword ? (
          <PasswordField
            t={t}
            form={password}
            name="currentPassword"
            label={t.t("profile.currentPassword")}
            isNew={false}
          />
        ) : (
          <p class="hint">{t.t("profile.setPasswordHint")}</p>
        )}
        <PasswordField t={t} form={password} name="newPassword" label={t.t("users.newPassword")} isNew />
        <PasswordField
          t={t}
          form={password}
          name="newPasswordConfirmation"
          label={t.t("fields.passwordConfirmation")}
          isNew
        />
        <button type="submit">{t.t(hasPassword ? "profile.changePassword" : "profile.setPassword")}</button>
      </form>
    </>,
    { title: t.t("profile.title") },
  );
}
